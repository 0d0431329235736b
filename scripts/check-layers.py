#!/usr/bin/env python3
"""Fails when a file includes one from a layer above its own (docs/ARCHITECTURE.md)."""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Each folder may include its own folder and the folders it lists (transitively closed below).
CORE = {
    'base': [],
    'storage': ['base'],
    'books': ['storage'],
    'members': ['books'],
    'credit': ['members'],
    'numbers': ['members'],
    'secrets': ['storage'],
    'profiles': ['numbers', 'secrets'],
    'calls': ['profiles'],
    'bundles': ['profiles'],
    'rating': ['calls', 'credit', 'bundles'],
    'billing': ['credit', 'profiles', 'bundles'],
    'reports': ['billing'],
    'net': ['profiles'],
    'demo': ['billing', 'rating'],
}


def below(table, folder):
    seen, todo = set(), [folder]
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.add(f)
        todo.extend(table.get(f, []))
    return seen


# print/ (QtGui: paged documents, PDF) sits beside models over core; switchboardctl may use it.
TOP = {'core': [], 'print': ['core'], 'models': ['core'], 'ui': ['models', 'print', 'core'],
       'app': ['ui', 'models', 'print', 'core'],
       'tests': ['tests', 'app', 'ui', 'models', 'print', 'core']}
inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
bad = []
for top in ('core', 'print', 'models', 'ui', 'app', 'tests'):
    for dp, _, files in os.walk(os.path.join(ROOT, top)):
        for f in files:
            if not f.endswith(('.h', '.cpp')):
                continue
            path = os.path.join(dp, f)
            rel = os.path.relpath(path, ROOT)
            parts = rel.split(os.sep)
            for target in inc.findall(open(path, encoding='utf-8').read()):
                if target.endswith('.moc'):
                    continue
                tparts = target.split('/')
                if len(tparts) < 2:
                    bad.append(f'{rel}: "{target}" does not name its path from the top')
                    continue
                if tparts[0] != top and tparts[0] not in TOP[top]:
                    bad.append(f'{rel}: {top}/ may not include {target}')
                    continue
                if top == 'app' and parts[1] == 'ctl' and tparts[0] in ('ui', 'models'):
                    bad.append(f'{rel}: switchboardctl links core only, not {target}')
                # ui/widgets serve every page; the shell holds the pages, never the reverse.
                if top == 'ui' and tparts[0] == 'ui' and len(parts) > 2:
                    if parts[1] == 'widgets' and tparts[1] != 'widgets':
                        bad.append(f'{rel}: ui/widgets/ may not include {target}')
                    elif parts[1] != 'shell' and tparts[1] == 'shell':
                        bad.append(f'{rel}: ui/{parts[1]}/ may not include {target}')
                # Inside core, models and ui, a feature folder includes only those below it.
                if tparts[0] in ('core', 'models') and top in ('core', 'models') and len(parts) > 2:
                    own = parts[1]
                    if tparts[0] == top or (top == 'models' and tparts[0] == 'core'):
                        allowed = below(CORE, own) | {'base'}
                        if top == 'models' and tparts[0] == 'core':
                            allowed = set(CORE)  # models sit above all of core
                        if tparts[1] not in allowed:
                            bad.append(f'{rel}: {own}/ may not include {target}')
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
