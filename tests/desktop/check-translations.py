#!/usr/bin/env python3
# Checks that po/zh_CN.po is complete for what the sources ask to translate.
#
#  1. `msgfmt --check --statistics` on the po file: valid, and no untranslated or fuzzy
#     messages.
#  2. Every message that xgettext extracts from the files in po/POTFILES.in (with the
#     keywords of meson's 'glib' preset; .ui/.desktop.in/.metainfo.xml.in through
#     xgettext's own language and ITS detection) has a non-empty, non-fuzzy msgstr.
#  3. The translations keep the format directives of the sources: the po file is merged
#     with the extracted template (which carries the c-format flags) and checked again.
#
# It never touches po/: no update-po, everything happens in a temporary directory.
#
# Usage: check-translations.py SOURCE_ROOT [LANG]

import os
import re
import shutil
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]


def need(tool):
    path = shutil.which(tool)
    if path is None:
        print(f'SKIP: {tool} not found (apt: gettext)')
        sys.exit(77)
    return path


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kwargs)


def check_statistics(msgfmt, po):
    """Step 1. Returns a list of problems."""
    r = run([msgfmt, '--check', '--statistics', '-o', os.devnull, po])
    out = (r.stdout + r.stderr).strip()
    print(f'msgfmt --check --statistics {po}:')
    print('  ' + out.replace('\n', '\n  '))
    problems = []
    if r.returncode != 0:
        problems.append(f'msgfmt --check failed on {po}')
    stats = out.splitlines()[-1] if out else ''
    for word in ('untranslated', 'fuzzy'):
        if re.search(r'\d+ ' + word, stats):
            problems.append(f'{po} has {word} messages: {stats}')
    return problems


def read_potfiles(srcroot):
    names = []
    with open(os.path.join(srcroot, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                names.append(line)
    return names


def print_entries(title, po_text):
    """Prints the entries of a po file (as written by msgattrib), without its header."""
    entries = [e for e in po_text.strip().split('\n\n') if e.strip()]
    entries = [e for e in entries if not re.search(r'^msgid ""\nmsgstr ""\n"', e, re.M)]
    if not entries:
        return 0
    print(f'\n{title} ({len(entries)}):')
    for e in entries:
        print('  ' + e.replace('\n', '\n  '))
        print()
    return len(entries)


def main():
    if len(sys.argv) < 2:
        print('usage: check-translations.py SOURCE_ROOT [LANG]')
        return 2
    srcroot = os.path.abspath(sys.argv[1])
    lang = sys.argv[2] if len(sys.argv) > 2 else 'zh_CN'
    po = os.path.join(srcroot, 'po', lang + '.po')

    msgfmt = need('msgfmt')
    xgettext = need('xgettext')
    msgmerge = need('msgmerge')
    msgattrib = need('msgattrib')

    problems = check_statistics(msgfmt, po)

    sources = read_potfiles(srcroot)
    missing_files = [s for s in sources if not os.path.isfile(os.path.join(srcroot, s))]
    for s in missing_files:
        problems.append(f'po/POTFILES.in lists {s}, which does not exist')
    sources = [s for s in sources if s not in missing_files]

    with tempfile.TemporaryDirectory(prefix='juesuan-po-') as tmp:
        listfile = os.path.join(tmp, 'POTFILES')
        pot = os.path.join(tmp, 'juesuan.pot')
        merged = os.path.join(tmp, lang + '.po')
        with open(listfile, 'w', encoding='utf-8') as f:
            f.write('\n'.join(sources) + '\n')

        r = run([xgettext, *XGETTEXT_ARGS, '--package-name=juesuan', '--force-po',
                 '-D', srcroot, '-f', listfile, '-o', pot])
        if r.returncode != 0:
            print(r.stderr)
            problems.append('xgettext failed on the files of po/POTFILES.in')
            return report(problems)

        # Fuzzy translations are not used at run time: count them as missing (step 1
        # already reported them) and keep them out of the merge.
        nofuzzy = os.path.join(tmp, 'nofuzzy.po')
        r = run([msgattrib, '--no-fuzzy', '-o', nofuzzy, po])
        if r.returncode != 0:
            print(r.stderr)
            problems.append(f'msgattrib cannot read {po}')
            return report(problems)
        r = run([msgmerge, '--quiet', '--no-fuzzy-matching', '--no-wrap',
                 '-o', merged, nofuzzy, pot])
        if r.returncode != 0:
            print(r.stderr)
            problems.append(f'msgmerge of {po} with the extracted template failed')
            return report(problems)

        print_entries(f'Marked fuzzy in po/{lang}.po',
                      run([msgattrib, '--only-fuzzy', '--no-obsolete', '--no-wrap', po]).stdout)

        # Step 3: the merge gives each entry the template's c-format flag; msgmerge marks
        # fuzzy the translations whose directives then do not match their msgid's.
        bad_format = run([msgattrib, '--only-fuzzy', '--no-obsolete', '--no-wrap',
                          merged]).stdout
        n = print_entries('Translations whose format directives (%s, %d, …) do not match '
                          'their source string', bad_format)
        if n:
            cleared = os.path.join(tmp, 'format.po')
            run([msgattrib, '--only-fuzzy', '--no-obsolete', '--clear-fuzzy', '-o', cleared,
                 merged])
            r = run([msgfmt, '--check-format', '-o', os.devnull, cleared])
            print('  ' + r.stderr.replace(cleared, 'merged ' + lang + '.po')
                  .strip().replace('\n', '\n  '))
            problems.append(f'{n} translations in po/{lang}.po break the format directives '
                            'of their source strings')

        untranslated = run([msgattrib, '--untranslated', '--no-obsolete', '--no-wrap',
                            merged]).stdout
        obsolete = run([msgattrib, '--only-obsolete', '--no-wrap', merged]).stdout
        n = print_entries(f'Extracted from po/POTFILES.in but not translated in po/{lang}.po',
                          untranslated)
        if n:
            problems.append(f'{n} extracted messages have no translation in po/{lang}.po')
        # Not an error: a file may not be listed in POTFILES.in yet, or a string was
        # reworded. Shown so that someone notices.
        print_entries(f'Note: translated in po/{lang}.po but not found in the sources', obsolete)

    return report(problems)


def report(problems):
    if problems:
        print('\nFAIL:')
        for p in problems:
            print('  - ' + p)
        return 1
    print('\nOK: every extracted message is translated')
    return 0


if __name__ == '__main__':
    sys.exit(main())
