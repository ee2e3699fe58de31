#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two lists of shortcuts, GtkShortcutsWindow's (Debian 12) and AdwShortcutsDialog's
(libadwaita 1.8 and newer), name the same actions with the same titles, in the same
order, so that a shortcut added to one is not missing from the other."""

import sys
import xml.etree.ElementTree as ET


def shortcuts(path):
    """(title, action) of each shortcut in the file, in order."""
    found = []
    for element in ET.parse(path).iter('object'):
        properties = {p.get('name'): (p.text or '') for p in element.findall('property')}
        if 'action-name' in properties:
            found.append((properties.get('title', ''), properties['action-name']))
    return found


def main():
    window, dialog = sys.argv[1], sys.argv[2]
    in_window, in_dialog = shortcuts(window), shortcuts(dialog)
    print('1..1')
    if in_window and in_window == in_dialog:
        print(f'ok 1 - both list the same {len(in_window)} shortcuts')
        return 0
    print('not ok 1 - the two shortcut lists differ')
    for entry in in_window:
        if entry not in in_dialog:
            print(f'# only in {window}: {entry}')
    for entry in in_dialog:
        if entry not in in_window:
            print(f'# only in {dialog}: {entry}')
    if set(in_window) == set(in_dialog):
        print('# the same shortcuts, in another order')
    return 1


if __name__ == '__main__':
    sys.exit(main())
