#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translations, and says on failure which messages are at fault:
# - every file with translatable text is in po/POTFILES.in, and every listed file exists;
# - every language of po/LINGUAS has a .po file that msgfmt accepts;
# - every language declared complete (po/meson.build) is in po/LINGUAS and has every
#   message of the current sources translated, none fuzzy.
# Other languages of po/LINGUAS may be partial: they are built and reported, not failed.
# Prints TAP.
#
# Usage: check-translations.py SOURCE_ROOT TEMPLATE COMPLETE_LANGUAGES
#   TEMPLATE: the .pot file made from the current sources (the build's unknot.pot)
#   COMPLETE_LANGUAGES: comma-separated, such as "de,es,fr"

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalogue  # noqa: E402

SHOWN = 5  # messages listed per problem; the count says how many there are

root, template_path, complete_arg = sys.argv[1:4]
template_path = os.path.abspath(template_path)
complete = [language for language in complete_arg.split(",") if language]
os.chdir(root)
tap = catalogue.Tap()


def listed_files():
  with open("po/POTFILES.in", encoding="utf-8") as f:
    return [line.strip() for line in f if line.strip() and not line.startswith("#")]


TRANSLATABLE = [
  (lambda name: name.endswith(".c"), re.compile(r"(^|[^a-zA-Z_])N?C?_\(|g_dngettext")),
  (lambda name: name.endswith(".ui"), re.compile(r'translatable="yes"')),
  (lambda name: name.endswith(".desktop.in"),
   re.compile(r"^(Name|GenericName|Comment|Keywords)=", re.M)),
  (lambda name: name.endswith(".gschema.xml"), re.compile(r"<summary>")),
  (lambda name: name.endswith(".xml") or name.endswith(".xml.in"),
   re.compile(r"<_?(name|description|title|instructions|safety|cue|summary|p|comment)[ >]")),
]


def has_translatable_text(path):
  with open(path, encoding="utf-8", errors="replace") as f:
    text = f.read()
  for applies, pattern in TRANSLATABLE:
    if applies(path):
      return pattern.search(text) is not None
  return False


def candidate_files():
  for top in ("src", "data", "routines"):
    for folder, _, names in os.walk(top):
      if folder.startswith(("data/its", "data/schema")):
        continue
      for name in sorted(names):
        yield os.path.join(folder, name)


def check_potfiles():
  listed = listed_files()
  missing = [path for path in listed if not os.path.isfile(path)]
  tap.result(not missing, "every file po/POTFILES.in lists exists",
             ["po/POTFILES.in lists %s, which does not exist" % path for path in missing])
  unlisted = [path for path in sorted(candidate_files())
              if path not in listed and has_translatable_text(path)]
  tap.result(not unlisted, "every file with translatable text is in po/POTFILES.in",
             ["%s has translatable text but is not in po/POTFILES.in" % path
              for path in unlisted])


def run(*command):
  return subprocess.run(command, capture_output=True, text=True)


def listing(messages, what):
  """Details naming the first few of @messages."""
  lines = ["%s: %d; the first:" % (what, len(messages))]
  for message in messages[:SHOWN]:
    lines.append("  %s: \"%s\"" % (message.where(), message.short()))
  return lines


def selected(po, *options):
  """The messages of @po that msgattrib keeps with @options, the header left out."""
  result = run("msgattrib", "--no-obsolete", *options, "--output-file=-", po)
  if result.returncode != 0:
    raise RuntimeError(result.stderr)
  return [m for m in catalogue.parse(result.stdout) if not m.is_header()]


def check_complete(language, po, template):
  untranslated = selected(po, "--untranslated")
  tap.result(not untranslated, "%s: every message is translated" % po,
             listing(untranslated, "untranslated messages") if untranslated else [])
  fuzzy = selected(po, "--only-fuzzy")
  tap.result(not fuzzy, "%s: no translation is fuzzy" % po,
             listing(fuzzy, "fuzzy translations (check each and remove its fuzzy mark)")
             if fuzzy else [])
  known = {(m.context, m.msgid) for m in catalogue.read(po) if not m.obsolete}
  lacking = [m for m in template if not m.is_header() and (m.context, m.msgid) not in known]
  compared = run("msgcmp", "--use-untranslated", "--use-fuzzy", po, template_path)
  details = []
  if compared.returncode != 0:
    details = listing(lacking, "messages of the sources missing from the file")
    details.append("run `meson compile -C _build unknot-update-po` to merge them in")
  tap.result(compared.returncode == 0, "%s has every message of the current sources" % po,
             details)


def check_language(language, template):
  """Checks the language's file; all of it if the language is declared complete."""
  po = "po/%s.po" % language
  if not os.path.isfile(po):
    tap.result(False, "po/LINGUAS lists %s and %s exists" % (language, po),
               ["create it as the README says under \"Translating\", or remove %s "
                "from po/LINGUAS" % language])
    return
  checked = run("msgfmt", "--check", "--check-format", "--output-file=/dev/null", po)
  tap.result(checked.returncode == 0, "msgfmt --check accepts %s" % po, [checked.stderr])
  if language in complete:
    check_complete(language, po, template)
  else:
    statistics = run("msgfmt", "--statistics", "--output-file=/dev/null", po)
    tap.note("%s is partial (%s): it is built, and need not be complete until "
             "po/meson.build declares it so" % (po, statistics.stderr.strip().rstrip(".")))


def main():
  check_potfiles()
  template = catalogue.read(template_path)
  languages = catalogue.read_linguas("po/LINGUAS")
  for language in complete:
    tap.result(language in languages, "%s, declared complete, is in po/LINGUAS" % language,
               ["po/meson.build declares %s complete; add it to po/LINGUAS" % language])
  for language in languages:
    check_language(language, template)
  return tap.finish()


sys.exit(main())
