#!/usr/bin/env python3
"""Fills the English plural forms of switchboard_en.ts ("%n member(s)" -> "%n member" /
"%n members"). English is the source language, so its translation holds only these forms:
every other message is dropped (lupdate adds them back; run this script after it).
Run after `cmake --build BUILD --target update_translations`, then build again.
`en_plurals.py --check` tests the rules (a ctest)."""
import pathlib
import xml.etree.ElementTree as ET

import sys

# Where dropping "(s)" leaves a verb or pronoun in the plural ("1 line have problems"), or
# where the source counts more than %n (only the %n count may lose its "(s)"): the singular
# form, and the plural form when it is not simply "(s)" -> "s".
SINGULAR = {
    '%n line(s) have problems; nothing was imported.':
        '%n line has problems; nothing was imported.',
    '%n number(s) renew by %1 for %2': '%n number renews by %1 for %2',
    'The %n channel(s) of %1 renew on %2 for %3': 'The %n channel of %1 renews on %2 for %3',
    'The %n US minute bundle(s) of %1 renew on %2 for %3':
        'The %n US minute bundle of %1 renews on %2 for %3',
    '%1 already has %n US minute bundle(s), until %2: change them instead.':
        '%1 already has %n US minute bundle, until %2: change it instead.',
    'The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the renewal (%3). '
    'Allocate credit to the profile and add them again.':
        'The %n US minute bundle of %1 lapsed: its balance (%2) cannot pay the renewal (%3). '
        'Allocate credit to the profile and add it again.',
    'The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH '
    'cdr_csv): its first %n record(s) are all bad.':
        'The file holds no call detail records that Switchboard can read (Asterisk or FreeSWITCH '
        'cdr_csv): its first %n record is bad.',
    '%Ln line(s) could not be read and were skipped:':
        '%Ln line could not be read and was skipped:',
    '%Ln record(s) name no member account and no SIP profile and were not imported:':
        '%Ln record names no member account and no SIP profile and was not imported:',
    '%Ln call(s) were kept without a charge: no rate for their destination, the first on line '
    '%1 (%2).':
        '%Ln call was kept without a charge: no rate for its destination, on line %1 (%2).',
    '%Ln payer(s) now owe %1 together: their balances went below zero.':
        '%Ln payer now owes %1: their balance went below zero.',
    "• %n number(s) return to the company's pool and can be reassigned (they stay paid and "
    "renew until cancelled): %1.":
        "• %n number returns to the company's pool and can be reassigned (it stays paid and "
        "renews until cancelled): %1.",
    '• %n account(s) are unlinked and can sign in again: %1.':
        '• %n account is unlinked and can sign in again: %1.',
    '• Its %n channel(s), paid until %1, end now; there is no refund for them.':
        '• Its %n channel, paid until %1, ends now; there is no refund for it.',
    "Save the profile's %Ln call(s) to a CSV file before they are deleted":
        "Save the profile's %Ln call to a CSV file before it is deleted",
}


def forms_of(src):
    """The English singular and plural forms of a numerus source."""
    if src in SINGULAR:
        return [SINGULAR[src], own_plural(src)]
    if '(s)' in src:
        return [own_singular(src), own_plural(src)]
    if '%n members' in src:
        return [src.replace('%n members', '%n member'), src]
    return [src, src]


def counted(src):
    """The "(s)" that belong to %n: the first after it. Other counts (%4 account(s)) keep their
    "(s)" in both forms, since %n says nothing about them."""
    n = max(src.find('%n'), src.find('%Ln'))
    return src.find('(s)', n) if n >= 0 else -1


def own_singular(src):
    at = counted(src)
    if at < 0 or src.count('(s)') == 1:
        return src.replace('(s)', '')
    return src[:at] + src[at + 3:]


def own_plural(src):
    at = counted(src)
    if at < 0 or src.count('(s)') == 1:
        return src.replace('(s)', 's')
    return src[:at] + 's' + src[at + 3:]


if len(sys.argv) > 1 and sys.argv[1] == '--check':
    # The test: every message of the sources gets forms without a verb left in the plural.
    cases = {
        '%n line(s) have problems; nothing was imported.':
            ['%n line has problems; nothing was imported.',
             '%n lines have problems; nothing was imported.'],
        'Imported %n member(s).': ['Imported %n member.', 'Imported %n members.'],
        'Deleted %1: %n number(s) back, %4 account(s) unlinked.':
            ['Deleted %1: %n number back, %4 account(s) unlinked.',
             'Deleted %1: %n numbers back, %4 account(s) unlinked.'],
    }
    bad = [(src, forms_of(src), want) for src, want in cases.items() if forms_of(src) != want]
    for src in SINGULAR:
        if '(s)' in SINGULAR[src]:
            bad.append((src, SINGULAR[src], 'no (s) left'))
    for b in bad:
        print('wrong English forms:', b)
    sys.exit(1 if bad else 0)

path = pathlib.Path(__file__).with_name('switchboard_en.ts')
tree = ET.parse(path)
filled = 0
for msg in tree.getroot().iter('message'):
    if msg.get('numerus') != 'yes':
        continue
    src = msg.find('source').text or ''
    forms = forms_of(src)
    tr = msg.find('translation')
    if tr is None:
        tr = ET.SubElement(msg, 'translation')
    for child in list(tr):
        tr.remove(child)
    tr.text = None
    tr.attrib.pop('type', None)
    for f in forms:
        ET.SubElement(tr, 'numerusform').text = f
    filled += 1
# Only numerus messages belong here; a context left empty goes too.
root = tree.getroot()
for context in list(root.iter('context')):
    for msg in list(context.findall('message')):
        if msg.get('numerus') != 'yes':
            context.remove(msg)
    if not context.findall('message'):
        root.remove(context)
ET.indent(tree, space='    ')
path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                + ET.tostring(tree.getroot(), encoding='unicode') + '\n', encoding='utf-8')
print(f'{filled} plural message(s) in {path.name}')
