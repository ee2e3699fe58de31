#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the merged MIME definition into a private MIME database, builds it with
# update-mime-database, and asks GIO (as GNOME's file manager and file chooser do) what
# type some files are: a real routine under several names must be a routine, an
# ordinary XML file must stay application/xml, a routine pack must be one and an
# ordinary ZIP archive stay application/zip. Prints TAP.
#
# Usage: check-mime-type.py MIME_XML ROUTINE_FILE ROUTINE_ICON PACK_ICON

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROUTINE_TYPE = "application/x-unknot-routine+xml"
PACK_TYPE = "application/x-unknot-pack"

results = []


def check(ok, name, detail=""):
  results.append(ok)
  print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
  if not ok and detail:
    for line in detail.rstrip().splitlines():
      print("# " + line)


def gio_attribute(env, path, attribute):
  result = subprocess.run(["gio", "info", "--attributes=" + attribute, path],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
  for line in result.stdout.splitlines():
    line = line.strip()
    if line.startswith(attribute + ":"):
      return line[len(attribute) + 1:].strip()
  return "(none: %s)" % result.stderr.strip()


def main():
  if len(sys.argv) != 5:
    sys.exit("usage: check-mime-type.py MIME_XML ROUTINE_FILE ROUTINE_ICON PACK_ICON")
  mime_xml, routine, routine_icon, pack_icon = sys.argv[1:]

  with tempfile.TemporaryDirectory() as work:
    data = os.path.join(work, "share")
    packages = os.path.join(data, "mime", "packages")
    os.makedirs(packages)
    shutil.copy(mime_xml, packages)

    # The private database first, then the system's (the XDG default when unset), which
    # holds application/xml itself; no user database, no GVfs.
    system_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share/:/usr/share/"
    env = dict(os.environ)
    env.pop("G_DEBUG", None)
    env.update({
      "XDG_DATA_DIRS": data + os.pathsep + system_dirs,
      "XDG_DATA_HOME": os.path.join(work, "user-data"),
      "GIO_USE_VFS": "local",
    })

    update = subprocess.run(["update-mime-database", os.path.join(data, "mime")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, text=True)
    check(update.returncode == 0 and not update.stdout.strip(),
          "update-mime-database accepts the definition without remarks", update.stdout)

    samples = os.path.join(work, "samples")
    os.makedirs(samples)
    with open(routine, "rb") as f:
      routine_bytes = f.read()
    expectations = []
    for name in ["post-run.xml", "post-run.unknot.xml", "post-run"]:
      with open(os.path.join(samples, name), "wb") as f:
        f.write(routine_bytes)
      expectations.append((name, ROUTINE_TYPE))
    # Routines written by hand: other attribute order, a line break after the name.
    handwritten = {
      "id-first.xml": '<?xml version="1.0"?>\n<routine id="a" format="1">\n</routine>\n',
      "wrapped.xml": '<?xml version="1.0"?>\n<routine\n  format="1" id="a">\n</routine>\n',
    }
    # Not routines: plain XML, a file that only mentions a routine, an other root.
    others = {
      "catalog.xml": '<?xml version="1.0"?>\n<catalog format="2"><item/></catalog>\n',
      "notes.xml": '<?xml version="1.0"?>\n<notes>my routine for today</notes>\n',
      "routines.xml": '<?xml version="1.0"?>\n<routines format="1"></routines>\n',
    }
    for name, text in list(handwritten.items()) + list(others.items()):
      with open(os.path.join(samples, name), "w", encoding="utf-8") as f:
        f.write(text)
      expectations.append((name, ROUTINE_TYPE if name in handwritten else "application/xml"))

    # A routine pack, and the same archive under a ZIP archive's name.
    for name, expected in [("post-run.unknot", PACK_TYPE), ("post-run.zip", "application/zip")]:
      with zipfile.ZipFile(os.path.join(samples, name), "w") as pack:
        pack.writestr("post-run.xml", routine_bytes)
      expectations.append((name, expected))

    for name, expected in expectations:
      found = gio_attribute(env, os.path.join(samples, name), "standard::content-type")
      check(found == expected, "%s is %s" % (name, expected), "found: " + found)

    icons = gio_attribute(env, os.path.join(samples, "post-run.xml"), "standard::icon")
    check(routine_icon in [icon.strip() for icon in icons.split(",")],
          "a routine shows the icon %s" % routine_icon, "found: " + icons)
    icons = gio_attribute(env, os.path.join(samples, "post-run.unknot"), "standard::icon")
    check(pack_icon in [icon.strip() for icon in icons.split(",")],
          "a routine pack shows the icon %s" % pack_icon, "found: " + icons)

  print("1..%d" % len(results))
  sys.exit(0 if all(results) else 1)


main()
