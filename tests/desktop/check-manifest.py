#!/usr/bin/env python3
# Checks the Flatpak manifest: the app id and command match the project, the runtime is
# pinned, and the sandbox holds exactly the permissions we mean to ask for (files come
# through the document portal, so no --filesystem of any kind).
#
# Usage: check-manifest.py MANIFEST APP_ID GUI_PROGRAM

import json
import sys

EXPECTED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
}


def check(manifest, app_id, program):
    problems = []

    def expect(cond, message):
        if not cond:
            problems.append(message)

    expect(manifest.get('app-id') == app_id,
           f'app-id is {manifest.get("app-id")!r}, expected {app_id!r}')
    expect(manifest.get('command') == program,
           f'command is {manifest.get("command")!r}, expected {program!r}')
    expect(manifest.get('runtime') == 'org.gnome.Platform',
           f'runtime is {manifest.get("runtime")!r}, expected \'org.gnome.Platform\'')
    expect(manifest.get('sdk') == 'org.gnome.Sdk',
           f'sdk is {manifest.get("sdk")!r}, expected \'org.gnome.Sdk\'')
    version = manifest.get('runtime-version')
    expect(isinstance(version, str) and version != '',
           f'runtime-version must be a non-empty string such as "47" (a number is '
           f'rejected by flatpak-builder), got {version!r}')

    args = manifest.get('finish-args')
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        problems.append(f'finish-args must be a list of strings, got {args!r}')
    else:
        filesystem = [a for a in args if a.startswith('--filesystem')]
        expect(not filesystem,
               f'finish-args ask for file-system access {filesystem}; files must come '
               f'through the document portal')
        expect(len(args) == len(set(args)), f'finish-args has duplicates: {args}')
        extra = sorted(set(args) - EXPECTED_FINISH_ARGS)
        missing = sorted(EXPECTED_FINISH_ARGS - set(args))
        expect(not extra, f'finish-args has unexpected permissions: {extra}')
        expect(not missing, f'finish-args lacks: {missing}')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        problems.append('modules must be a non-empty list')
    else:
        # the document's font (Noto Sans CJK SC, app/doc/jue-chart-draw.h): the GNOME
        # runtime (freedesktop-sdk 24.08) has cairo and pango but no CJK font, so
        # the app brings it, from the release archive, checked by its sha256
        fonts = [m for m in modules if isinstance(m, dict) and any(
                 isinstance(s, dict) and 'noto-cjk' in s.get('url', '') and s.get('sha256')
                 for s in m.get('sources') or [])
                 and any('/app/share/fonts' in c and 'NotoSansCJK-Regular' in c
                         for c in m.get('build-commands') or [])]
        expect(fonts, 'no module installs Noto Sans CJK into /app/share/fonts '
                      '(the runtime has no CJK font for the PDF and the charts)')
        last = modules[-1]
        if not isinstance(last, dict):
            problems.append('the last module must be an object, not a reference to a file')
        else:
            expect(last.get('name') == 'juesuan',
                   f'the last module is {last.get("name")!r}, expected \'juesuan\'')
            expect(last.get('buildsystem') == 'meson',
                   f'the juesuan module builds with {last.get("buildsystem")!r}, '
                   f'expected \'meson\'')
            sources = last.get('sources') or []
            expect(any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..'
                       for s in sources),
                   'the juesuan module must build the checkout: a source '
                   '{"type": "dir", "path": ".."}')
    return problems


def main():
    if len(sys.argv) != 4:
        print('usage: check-manifest.py MANIFEST APP_ID GUI_PROGRAM', file=sys.stderr)
        return 2
    path, app_id, program = sys.argv[1:]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'FAIL: cannot read {path}: {e}')
        return 1
    if not isinstance(manifest, dict):
        print(f'FAIL: {path} is not a JSON object')
        return 1

    problems = check(manifest, app_id, program)
    if problems:
        print(f'FAIL: {path}')
        for p in problems:
            print('  - ' + p)
        return 1
    print(f'OK: {path}: {app_id}, runs {program}, '
          f'{manifest["runtime"]}//{manifest["runtime-version"]}, '
          f'finish-args {" ".join(manifest["finish-args"])}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
