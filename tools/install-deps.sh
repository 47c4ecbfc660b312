#!/bin/sh
# Installs everything Juesuan needs to build, run and test on Debian 12.
# Run as root (or through sudo).  Safe to run again.
set -eu

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  build-essential meson ninja-build pkg-config \
  libglib2.0-dev libglib2.0-bin libglib2.0-dev-bin \
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev librsvg2-common adwaita-icon-theme \
  libsqlite3-dev sqlite3 \
  libxlsxwriter-dev \
  libgsf-1-dev libxml2-dev libfreexl-dev \
  gettext locales \
  desktop-file-utils appstream shared-mime-info libxml2-utils \
  xvfb xauth imagemagick xdotool \
  fonts-droid-fallback fonts-noto-mono fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 \
  libcairo2-dev libpango1.0-dev fonts-noto-cjk poppler-utils \
  python3 libreoffice-calc-nogui strace clang libclang-rt-14-dev >/dev/null

# The zh_CN locale, so the programs and tests can run in Chinese.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  $SUDO sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi
