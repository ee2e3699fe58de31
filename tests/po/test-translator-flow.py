#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A new translator's first hour, on a fresh copy of the sources: set up a build folder,
# add Italian by running the commands of the README's "Translating" section as they are
# written, translate a few messages (a routine's name and a step title, a message of
# `unknot --validate`), build, and see Italian from `unknot --validate` and in the
# merged routines. The suite's completeness checks must still pass with this partial
# language in po/LINGUAS, and `unknot-update-po` must leave unchanged files alone.
#
# The copy holds what a clone would: the files git tracks, and new ones it does not
# ignore. The copy's build makes everything a translation changes (the catalogues, the
# merged routines, the template); the program itself does not change when a language is
# added, so the suite's own build of it is run on the copy's translations, through
# `meson devenv` as the README says. That keeps this test to seconds instead of minutes.
#
# Usage: test-translator-flow.py SOURCE_ROOT UNKNOT TEST_TRANSLATED_ROUTINES
# Prints TAP; details of a failure go to stderr.

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalogue  # noqa: E402

LANGUAGE = "it"
COMPLETE = "de,es,fr"
ITALIAN = {
  "name": "Recupero dopo la corsa",
  "title": "Impasta il polpaccio (prova)",
  "validate": "il file è vuoto (prova di traduzione)",
}

source_root, unknot, translated_routines_test = map(os.path.abspath, sys.argv[1:4])
tap = catalogue.Tap()


class Failed(Exception):
  pass


def run(command, cwd, env=None, check=True, shell=False):
  result = subprocess.run(command, cwd=cwd, env=env, shell=shell, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
  if check and result.returncode != 0:
    raise Failed("`%s` failed with status %d:\n%s%s" % (
      command if shell else " ".join(command), result.returncode, result.stdout[-3000:],
      result.stderr[-3000:]))
  return result


def copy_sources(destination):
  """Copies what a clone of the sources would hold, with uncommitted changes."""
  listed = subprocess.run(["git", "-C", source_root, "ls-files", "-z", "--cached", "--others",
                           "--exclude-standard"], capture_output=True)
  if listed.returncode == 0:
    names = [name for name in listed.stdout.decode().split("\0") if name]
  else:  # not a git checkout, such as an unpacked release
    names = []
    for folder, folders, files in os.walk(source_root):
      folders[:] = [f for f in folders if not f.startswith(("_build", ".git"))]
      names += [os.path.relpath(os.path.join(folder, f), source_root) for f in files]
  for name in names:
    path = os.path.join(source_root, name)
    if os.path.isfile(path):
      os.makedirs(os.path.dirname(os.path.join(destination, name)), exist_ok=True)
      shutil.copy2(path, os.path.join(destination, name), follow_symlinks=False)


def readme_commands(clone):
  """The commands of the first step of the README's "Translating" section."""
  with open(os.path.join(clone, "README.md"), encoding="utf-8") as f:
    readme = f.read()
  section = readme[readme.index("## Translating"):]
  block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
  return [line.strip() for line in block.splitlines() if line.strip()]


def italian_locale(work):
  """An environment with a real Italian locale: gettext ignores $LANGUAGE under the C
  locale. One is compiled with localedef when the system has none."""
  env = dict(os.environ, LANGUAGE=LANGUAGE)
  available = run(["locale", "-a"], work).stdout.split()
  for name in ("it_IT.utf8", "it_IT.UTF-8"):
    if name in available:
      env["LC_ALL"] = name
      return env
  locales = os.path.join(work, "locales")
  os.makedirs(locales)
  made = run(["localedef", "-i", "it_IT", "-f", "UTF-8", os.path.join(locales, "it_IT.UTF-8")],
             work, check=False)
  if made.returncode not in (0, 1):  # 1: made, with warnings
    raise Failed("localedef cannot make it_IT.UTF-8 (is the locales package installed?):\n" +
                 made.stderr)
  env.update(LOCPATH=locales, LC_ALL="it_IT.UTF-8")
  return env


def translate(po, translations):
  """Fills in @translations (msgid -> msgstr) in the .po file @po, as an editor would."""
  with open(po, encoding="utf-8") as f:
    entries = f.read().split("\n\n")
  left = dict(translations)
  for i, entry in enumerate(entries):
    messages = catalogue.parse(entry)
    if len(messages) != 1 or messages[0].msgid not in left or messages[0].msgid_plural:
      continue
    lines = entry.split("\n")
    msgstr = next(n for n, line in enumerate(lines) if line.startswith("msgstr "))
    entries[i] = "\n".join(lines[:msgstr] + ["msgstr " +
                                             catalogue.quote(left.pop(messages[0].msgid))])
  if left:
    raise Failed("%s lacks the messages %s" % (po, list(left)))
  with open(po, "w", encoding="utf-8") as f:
    f.write("\n\n".join(entries))


def first_text(path, element):
  """The text of the first <@element> of the routine file at @path."""
  with open(path, encoding="utf-8") as f:
    return re.search(r"<%s>([^<]*)</%s>" % (element, element), f.read()).group(1).strip()


def step(name, function, *args):
  """Runs one step of the flow as a test point; a failed step ends the flow."""
  try:
    result = function(*args)
  except (Failed, subprocess.SubprocessError, OSError, ValueError, AttributeError) as e:
    tap.result(False, name, [str(e)])
    raise SystemExit(tap.finish())
  tap.result(True, name)
  return result


def main():
  work = tempfile.mkdtemp(prefix="unknot-translator-")
  try:
    flow(work)
  finally:
    shutil.rmtree(work, ignore_errors=True)
  return tap.finish()


def flow(work):
  clone = os.path.join(work, "unknot")
  build = os.path.join(clone, "_build")
  po = os.path.join(clone, "po", LANGUAGE + ".po")
  step("the sources are copied as a clone holds them", copy_sources, clone)
  step("meson setup _build", run, ["meson", "setup", "_build"], clone)

  def add_language():
    for command in readme_commands(clone):
      run(command, clone, shell=True)
    if not os.path.isfile(po) or LANGUAGE not in catalogue.read_linguas(
        os.path.join(clone, "po", "LINGUAS")):
      raise Failed("after the README's commands, %s should exist and po/LINGUAS list %s"
                   % (po, LANGUAGE))
  step("the README's commands add a language", add_language)

  # A routine's name and first step title, and what --validate says of an empty file.
  def translate_a_few():
    routine = os.path.join(clone, "routines", "post-run-recovery.xml")
    open(os.path.join(work, "broken.xml"), "w").close()
    english = run([unknot, "--validate", "broken.xml"], work, check=False).stderr
    translate(po, {
      first_text(routine, "name"): ITALIAN["name"],
      first_text(routine, "title"): ITALIAN["title"],
      english.split(": error: ", 1)[-1].strip(): ITALIAN["validate"],
    })
  step("a few messages are translated", translate_a_few)

  # What `meson compile -C _build` makes of a translation, without the program: the
  # catalogues, the merged routines, desktop file, metainfo and MIME type, and the
  # template; and the settings schema, which the program needs to run.
  step("the translations build", run,
       ["meson", "compile", "-C", "_build", "unknot-gmo", "build-tree-routines", "desktop-file",
        "metainfo-file", "mime-file", "unknot-template", "gsettings-compile-data"], clone)

  italian = step("an Italian locale is at hand", italian_locale, work)

  def validate_in_italian():
    result = run(["meson", "devenv", "-C", build, "-w", work, unknot, "--validate",
                  "broken.xml"], work, env=italian, check=False)
    if result.returncode != 1 or "broken.xml: error: " + ITALIAN["validate"] not in result.stderr:
      raise Failed("expected status 1 and the Italian message, got status %d:\n%s"
                   % (result.returncode, result.stderr))
  step("unknot --validate speaks Italian", validate_in_italian)

  def routine_in_italian():
    merged = os.path.join(build, "share", "unknot", "routines", "post-run-recovery.xml")
    result = run(["meson", "devenv", "-C", build, unknot, "--timeline", merged], work,
                 env=italian)
    if ITALIAN["title"] not in result.stdout:
      raise Failed("the timeline does not show the Italian step title:\n" + result.stdout)
    if 'xml:lang="it">%s<' % ITALIAN["name"] not in open(merged, encoding="utf-8").read():
      raise Failed("%s has no Italian name" % merged)
  step("the merged routine is in Italian", routine_in_italian)

  step("the translations test passes with a partial language", run,
       [sys.executable, os.path.join(clone, "tests", "po", "check-translations.py"), clone,
        os.path.join(build, "po", "unknot.pot"), COMPLETE], work)
  step("the shipped routines carry every complete language", run,
       [translated_routines_test, "--tap"], work,
       dict(os.environ, UNKNOT_DATA_DIR=os.path.join(build, "share", "unknot"),
            UNKNOT_LOCALE_DIR=os.path.join(build, "po"), UNKNOT_SOURCE_ROOT=clone,
            UNKNOT_COMPLETE_LANGUAGES=COMPLETE))
  update_po_leaves_files_alone(clone, work)


def update_po_leaves_files_alone(clone, work):
  """Once merged, a .po file stays as it is when the sources move messages to other
  lines and the template gets a new date."""
  catalogues = [os.path.join(clone, "po", language + ".po")
                for language in catalogue.read_linguas(os.path.join(clone, "po", "LINGUAS"))]
  update = ["meson", "compile", "-C", "_build", "unknot-update-po"]
  step("unknot-update-po runs", run, update, clone)
  for path in catalogues:  # a date the next template cannot have
    with open(path, encoding="utf-8") as f:
      text = f.read()
    with open(path, "w", encoding="utf-8") as f:
      f.write(re.sub(r'"POT-Creation-Date: [^\\]*', '"POT-Creation-Date: 2000-01-01 00:00+0000',
                     text, count=1))
  before = {path: (open(path, "rb").read(), os.stat(path).st_mtime_ns) for path in catalogues}

  with open(os.path.join(clone, "po", "POTFILES.in"), encoding="utf-8") as f:
    source = next(line.strip() for line in f if line.strip().endswith(".c"))
  with open(os.path.join(clone, source), encoding="utf-8") as f:
    lines = f.readlines()
  with open(os.path.join(clone, source), "w", encoding="utf-8") as f:
    f.writelines(lines[:1] + ["\n"] * 3 + lines[1:])

  def unchanged():
    run(update, clone)
    changed = [os.path.relpath(path, clone) for path in catalogues
               if (open(path, "rb").read(), os.stat(path).st_mtime_ns) != before[path]]
    if changed:
      raise Failed("unknot-update-po rewrote %s, whose messages did not change"
                   % ", ".join(changed))
    if ITALIAN["title"] not in open(os.path.join(clone, "po", LANGUAGE + ".po")).read():
      raise Failed("unknot-update-po lost a translation")
  step("unknot-update-po leaves unchanged files alone", unchanged)


sys.exit(main())
