#!/bin/sh
# Runs a GUI test program on its own virtual X server.
exec xvfb-run -a -s '-screen 0 1920x1080x24 -nolisten tcp' "$@"
