#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs desktop-file-validate on the merged desktop file. The validator exits 0 after
# warnings and hints, so any output at all counts as a failure here: a hint today (two
# main categories, a deprecated key) is a menu or software-centre problem tomorrow.
#
# Usage: check-desktop-file.py DESKTOP_FILE

import subprocess
import sys


def main():
  if len(sys.argv) != 2:
    sys.exit("usage: check-desktop-file.py DESKTOP_FILE")
  result = subprocess.run(["desktop-file-validate", sys.argv[1]],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
  if result.stdout:
    print(result.stdout, end="")
  if result.returncode != 0 or result.stdout.strip():
    sys.exit("desktop-file-validate does not accept %s without remarks" % sys.argv[1])
  print("%s: valid" % sys.argv[1])


main()
