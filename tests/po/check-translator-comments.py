#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every message with a placeholder (%s, %u, %1$s, …) has a translator
# comment: a comment starting "Translators:" just before it in the source, which
# xgettext copies into the template as a #. line. A translator cannot tell from "%s: %s"
# alone what goes where, nor whether "%s" is a name, a duration or a count.
#
# Reads the template the build makes from the sources, so it covers every file of
# po/POTFILES.in. Prints TAP, one test point per source file with such messages; the
# offenders go to stderr with their line.
#
# Usage: check-translator-comments.py TEMPLATE

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalogue  # noqa: E402

# A C format directive, as printf reads it; "%%" is a plain percent sign.
DIRECTIVE = re.compile(r"%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?"
                       r"(hh|h|ll|l|L|j|z|t|<PRI\w+>)?[diouxXeEfFgGaAcsp]")
TRANSLATORS = re.compile(r"^translators:", re.IGNORECASE)


def has_placeholder(message):
  if "c-format" not in message.flags:
    return False
  texts = [message.msgid] + ([message.msgid_plural] if message.msgid_plural else [])
  return any(DIRECTIVE.search(text.replace("%%", "")) for text in texts)


def has_translator_comment(message):
  return any(TRANSLATORS.match(comment) for comment in message.comments)


def main():
  template_path = sys.argv[1]
  checked = {}    # file -> number of messages with a placeholder
  offenders = {}  # file -> [(line, message)]
  for message in catalogue.read(template_path):
    if message.is_header() or not has_placeholder(message):
      continue
    for location in message.locations:
      path, _, line = location.partition(":")
      checked[path] = checked.get(path, 0) + 1
      if not has_translator_comment(message):
        offenders.setdefault(path, []).append((line, message))

  count = 0
  failed = 0
  for path in sorted(checked):
    count += 1
    found = offenders.get(path, [])
    name = "%s: every message with a placeholder has a translator comment" % path
    if found:
      failed += 1
      print("not ok %d - %s" % (count, name))
      print("not ok: %s: messages with a placeholder but no translator comment: %d. Put "
            "/* Translators: … */ on the line before each, saying what every placeholder "
            "stands for:" % (path, len(found)), file=sys.stderr)
      for line, message in found:
        print("  %s:%s: \"%s\"" % (path, line, message.short()), file=sys.stderr)
    else:
      print("ok %d - %s" % (count, name))
  print("1..%d" % count)
  return 1 if failed else 0


sys.exit(main())
