# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the translation tests share: reading .po and .pot files, the languages of
# po/LINGUAS, and TAP output. Counting and checking is left to gettext's own tools; this
# only reads their results so that a test can name the messages it is about.

import re
import sys

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}


def quote(text):
  """@text as a string of the .po format, on one line."""
  for plain, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t")):
    text = text.replace(plain, escaped)
  return '"' + text + '"'


def _unquote(text):
  text = text.strip()
  assert text.startswith('"') and text.endswith('"'), text
  return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


class Message:
  """One entry of a catalogue."""

  def __init__(self):
    self.context = None
    self.msgid = None
    self.msgid_plural = None
    self.msgstr = []
    self.flags = set()
    self.comments = []    # the #. lines: from the sources, for translators
    self.locations = []   # the #: lines
    self.obsolete = False

  def is_header(self):
    return self.msgid == "" and self.context is None

  def where(self):
    return self.locations[0] if self.locations else "(no location)"

  def short(self, width=72):
    """The message on one line, shortened to about @width characters."""
    text = self.msgid.replace("\n", "\\n")
    return text if len(text) <= width else text[:width - 1] + "…"


def read(path):
  """The messages of the .po or .pot file at @path, the header first."""
  with open(path, encoding="utf-8") as f:
    return parse(f.read())


def parse(text):
  """The messages of @text, in the .po format, the header first."""
  messages = []
  message = Message()
  field = None

  def finish():
    nonlocal message, field
    if message.msgid is not None:
      messages.append(message)
    message = Message()
    field = None

  for line in text.splitlines():
    if line.startswith("#~"):
      message.obsolete = True
      line = line[2:].lstrip()
      if not line or line.startswith("|"):
        continue
    if not line.strip():
      finish()
    elif line.startswith("#."):
      message.comments.append(line[2:].strip())
    elif line.startswith("#:"):
      message.locations += line[2:].split()
    elif line.startswith("#,"):
      message.flags.update(flag.strip() for flag in line[2:].split(","))
    elif line.startswith("#"):
      continue
    elif line.startswith('"'):
      if field == "msgstr":
        message.msgstr[-1] += _unquote(line)
      else:
        setattr(message, field, getattr(message, field) + _unquote(line))
    else:
      keyword, _, value = line.partition(" ")
      if message.msgid is not None and keyword in ("msgctxt", "msgid"):
        finish()
      if keyword.startswith("msgstr"):
        field = "msgstr"
        message.msgstr.append(_unquote(value))
      else:
        field = {"msgctxt": "context"}.get(keyword, keyword)
        setattr(message, field, _unquote(value))
  finish()
  return messages


def read_linguas(path):
  """The language codes of a LINGUAS file, in its order."""
  languages = []
  with open(path, encoding="utf-8") as f:
    for line in f:
      line = line.strip()
      if line and not line.startswith("#"):
        languages += line.split()
  return languages


class Tap:
  """Prints test results as TAP on stdout, and the details of a failure on stderr: meson
  reads stdout and shows stderr (with --print-errorlogs)."""

  def __init__(self):
    self.count = 0
    self.failed = 0

  def result(self, ok, name, details=()):
    self.count += 1
    if not ok:
      self.failed += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", self.count, name))
    if not ok:
      print("not ok: " + name, file=sys.stderr)
      for detail in details:
        for line in str(detail).rstrip().splitlines():
          print("  " + line, file=sys.stderr)

  def note(self, text):
    for line in text.splitlines():
      print("# " + line)

  def finish(self):
    print("1..%d" % self.count)
    return 1 if self.failed else 0
