#!/usr/bin/env python3
"""Fails when a catalogue lags behind the sources: a tr() text that lupdate would add to
switchboard_<code>.ts (it would show in English to everyone, as the dashboard's "Reading…"
did for a session) or one that lupdate would drop. English holds only the plural messages
(en_plurals.py). Runs lupdate the way `update_translations` does, into a scratch file;
the catalogues themselves are never written.

check_current.py CMAKE GENERATOR IN_FILE LUPDATE TRANSLATIONS_DIR"""
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def messages(path, plurals_only=False):
    found = set()
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            if plurals_only and message.get('numerus') != 'yes':
                continue
            found.add((name, message.findtext('source'), message.findtext('comment') or ''))
    return found


def main(argv):
    if len(argv) != 6:
        print(__doc__)
        return 2
    cmake, generator, in_file, lupdate, translations = argv[1:]
    with tempfile.TemporaryDirectory() as scratch:
        project = pathlib.Path(scratch, 'project.json')
        current = pathlib.Path(scratch, 'current.ts')
        subprocess.run([cmake, f'-DIN_FILE={in_file}', f'-DOUT_FILE={project}', '-P', generator],
                       check=True)
        subprocess.run([lupdate, '-project', str(project), '-no-obsolete', '-locations', 'none',
                        '-silent', '-ts', str(current)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wanted = messages(current)
        wanted_plurals = messages(current, plurals_only=True)
    problems = 0
    for code in ('en', 'nb', 'fr', 'nl', 'pl'):
        path = pathlib.Path(translations, f'switchboard_{code}.ts')
        english = code == 'en'
        have = messages(path, plurals_only=english)
        want = wanted_plurals if english else wanted
        for context, source, comment in sorted(want - have):
            print(f'{path.name}: missing {context}: {source!r}')
            problems += 1
        for context, source, comment in sorted(have - want):
            print(f'{path.name}: no longer in the sources {context}: {source!r}')
            problems += 1
    if problems:
        print(f'{problems} differences: run `cmake --build BUILD --target update_translations`, '
              'translate, then `translations/en_plurals.py`')
        return 1
    print(f'{len(wanted)} texts, all in every catalogue')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
