#!/usr/bin/env python3
"""Fills the English plural forms of switchboard_en.ts ("%n member(s)" -> "%n member" /
"%n members"). English is the source language, so its translation holds only these forms:
every other message is dropped (lupdate adds them back; run this script after it).
Run after `cmake --build BUILD --target update_translations`, then build again."""
import pathlib
import xml.etree.ElementTree as ET

path = pathlib.Path(__file__).with_name('switchboard_en.ts')
tree = ET.parse(path)
filled = 0
for msg in tree.getroot().iter('message'):
    if msg.get('numerus') != 'yes':
        continue
    src = msg.find('source').text or ''
    if '(s)' in src:
        forms = [src.replace('(s)', ''), src.replace('(s)', 's')]
    elif '%n members' in src:
        forms = [src.replace('%n members', '%n member'), src]
    else:
        forms = [src, src]
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
