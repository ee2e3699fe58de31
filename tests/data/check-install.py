#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR, as a distribution package would, and checks
# the result: the program runs on the installed data alone, every installed routine is
# valid, and everything that the desktop file and the metainfo name (program, icons,
# desktop id, MIME types, routine ids of the desktop actions, screenshots) is there.
# Prints TAP.
#
# The installed program is run with UNKNOT_DATA_DIR set to the installed data folder
# (DESTDIR + datadir/unknot): the compiled-in PKGDATADIR is the final location under the
# prefix, which a DESTDIR install does not fill. The settings schemas are compiled into
# the DESTDIR tree here, as a package's trigger would do after installation.

import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

results = []


def check(ok, name, detail=""):
  results.append(bool(ok))
  print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
  if not ok and detail:
    for line in str(detail).rstrip().splitlines():
      print("# " + line)
  return ok


def finish():
  print("1..%d" % len(results))
  sys.exit(0 if results and all(results) else 1)


def read_desktop_file(path):
  """Returns {group: {key: value}} of a desktop file."""
  groups = {}
  group = None
  with open(path, encoding="utf-8") as f:
    for line in f:
      line = line.strip()
      if not line or line.startswith("#"):
        continue
      if line.startswith("[") and line.endswith("]"):
        group = groups.setdefault(line[1:-1], {})
      elif "=" in line and group is not None:
        key, value = line.split("=", 1)
        group[key.strip()] = value.strip()
  return groups


def split_list(value):
  return [item for item in value.split(";") if item]


def installed_mime_types(datadir):
  """Returns {type: icon name} for every type in the installed MIME packages."""
  types = {}
  for package in glob.glob(os.path.join(datadir, "mime", "packages", "*.xml")):
    for node in ElementTree.parse(package).getroot().iter(MIME_NS + "mime-type"):
      mime_type = node.get("type")
      icon = node.find(MIME_NS + "icon")
      types[mime_type] = icon.get("name") if icon is not None else mime_type.replace("/", "-")
  return types


def find_icon(datadir, context, name):
  pattern = os.path.join(datadir, "icons", "hicolor", "*", context, name + ".*")
  return [path for path in glob.glob(pattern) if path.endswith((".svg", ".png"))]


def routine_ids(folder):
  ids = {}
  for path in glob.glob(os.path.join(folder, "*.xml")):
    root = ElementTree.parse(path).getroot()
    if root.tag == "routine":
      ids[root.get("id")] = path
  return ids


def linguas(source_root):
  with open(os.path.join(source_root, "po", "LINGUAS"), encoding="utf-8") as f:
    return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def read_text(path):
  try:
    with open(path, encoding="utf-8") as f:
      return f.read()
  except OSError:
    return ""


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--meson", required=True)
  parser.add_argument("--build-root", required=True)
  parser.add_argument("--source-root", required=True)
  parser.add_argument("--bindir", required=True, help="absolute, under the prefix")
  parser.add_argument("--datadir", required=True, help="absolute, under the prefix")
  parser.add_argument("--app-id", required=True)
  parser.add_argument("--routine", action="append", default=[], help="a shipped routine file name")
  args = parser.parse_args()

  with tempfile.TemporaryDirectory() as destdir:
    install = subprocess.run([args.meson, "install", "-C", args.build_root, "--destdir", destdir,
                              "--no-rebuild", "--quiet"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if not check(install.returncode == 0, "meson install --destdir succeeds", install.stdout):
      finish()

    def staged(path):
      return os.path.join(destdir, os.path.relpath(path, os.sep))

    bindir = staged(args.bindir)
    datadir = staged(args.datadir)
    pkgdatadir = os.path.join(datadir, "unknot")
    program = os.path.join(bindir, "unknot")
    check(os.access(program, os.X_OK), "the program is installed", program)

    # Data of the program itself.
    routines_dir = os.path.join(pkgdatadir, "routines")
    installed = sorted(os.path.basename(p) for p in glob.glob(os.path.join(routines_dir, "*")))
    check(installed and installed == sorted(args.routine),
          "exactly the shipped routines are installed",
          "installed: %s\nshipped: %s" % (installed, sorted(args.routine)))
    check(os.path.isfile(os.path.join(pkgdatadir, "schema", "routine.rng")),
          "the routine schema is installed")
    its = os.path.join(datadir, "gettext", "its")
    check(os.path.isfile(os.path.join(its, "unknot-routine.its"))
          and os.path.isfile(os.path.join(its, "unknot-routine.loc")),
          "the translation rules for routine files are installed")
    sounds = os.path.join(args.source_root, "data", "sounds")
    if os.path.isdir(sounds):
      missing = [name for name in os.listdir(sounds)
                 if name.endswith(".oga")
                 and not os.path.exists(os.path.join(pkgdatadir, "sounds", name))]
      check(not missing, "the sounds are installed", missing)

    schemas = os.path.join(datadir, "glib-2.0", "schemas")
    check(os.path.isfile(os.path.join(schemas, "io.github.unknot.Unknot.gschema.xml")),
          "the settings schema is installed")
    compiled = subprocess.run(["glib-compile-schemas", "--strict", schemas],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(compiled.returncode == 0, "the installed settings schemas compile", compiled.stdout)

    # The program on the installed data only.
    home = os.path.join(destdir, "home")
    env = {
      "PATH": os.environ.get("PATH", ""),
      "HOME": home,
      "XDG_DATA_HOME": os.path.join(home, "data"),
      "XDG_CONFIG_HOME": os.path.join(home, "config"),
      "XDG_CACHE_HOME": os.path.join(home, "cache"),
      "XDG_DATA_DIRS": datadir,
      "GSETTINGS_SCHEMA_DIR": schemas,
      "GSETTINGS_BACKEND": "memory",
      "UNKNOT_DATA_DIR": pkgdatadir,
      "LANGUAGE": "C",
      "LC_ALL": "C.UTF-8",
      "G_DEBUG": "fatal-warnings",
    }
    files = [os.path.join(routines_dir, name) for name in installed]
    validate = subprocess.run([program, "--validate"] + files, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    valid_lines = [line for line in validate.stdout.splitlines() if ": valid (" in line]
    check(validate.returncode == 0 and len(valid_lines) == len(files) and not validate.stderr,
          "unknot --validate accepts every installed routine",
          validate.stdout + validate.stderr)
    sample = os.path.join(routines_dir, "post-run-recovery.xml")
    timeline = subprocess.run([program, "--timeline", sample], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = timeline.stdout.strip().splitlines()
    check(timeline.returncode == 0 and len(lines) > 1 and lines[-1].startswith("total: "),
          "unknot --timeline runs an installed routine", timeline.stdout + timeline.stderr)

    # What the desktop file names.
    ids = routine_ids(routines_dir)
    mime_types = installed_mime_types(datadir)
    desktop_path = os.path.join(datadir, "applications", args.app_id + ".desktop")
    if check(os.path.isfile(desktop_path), "the desktop file is installed", desktop_path):
      groups = read_desktop_file(desktop_path)
      entry = groups.get("Desktop Entry", {})
      icon = entry.get("Icon", "")
      check(icon == args.app_id and find_icon(datadir, "apps", icon),
            "the desktop file's icon %s is installed" % icon)
      check(find_icon(datadir, "apps", args.app_id + "-symbolic"),
            "the symbolic icon %s-symbolic is installed" % args.app_id)
      command = shlex.split(entry.get("Exec", ""))
      check(command and os.access(os.path.join(bindir, command[0]), os.X_OK),
            "the desktop file's Exec program is installed", entry.get("Exec"))
      for action in split_list(entry.get("Actions", "")):
        command = shlex.split(groups.get("Desktop Action " + action, {}).get("Exec", ""))
        ok = (len(command) == 3 and command[0] == "unknot" and command[1] == "--start"
              and command[2] in ids)
        check(ok, "the desktop action %s starts an installed routine" % action, command)
      for mime_type in split_list(entry.get("MimeType", "")):
        check(mime_type in mime_types, "the MIME type %s is installed" % mime_type, mime_types)
        if mime_type in mime_types:
          check(find_icon(datadir, "mimetypes", mime_types[mime_type]),
                "the icon of %s is installed" % mime_type, mime_types[mime_type])
      check(os.path.isfile(os.path.join(datadir, "mime", "packages", args.app_id + ".xml")),
            "the MIME package is named after the application id")
      # A flatpak exports only the icons whose names start with its id and a dot or dash.
      icons = glob.glob(os.path.join(datadir, "icons", "**", "*.*"), recursive=True)
      strays = [path for path in icons
                if not re.match(re.escape(args.app_id) + r"($|[.-])",
                                os.path.splitext(os.path.basename(path))[0])]
      check(icons and not strays, "every installed icon is named after the application id",
            "\n".join(strays))

    # What the metainfo names.
    metainfo_path = os.path.join(datadir, "metainfo", args.app_id + ".metainfo.xml")
    if check(os.path.isfile(metainfo_path), "the metainfo is installed", metainfo_path):
      component = ElementTree.parse(metainfo_path).getroot()
      check(component.findtext("id") == args.app_id, "the metainfo's id is the application id",
            component.findtext("id"))
      launchables = [node.text for node in component.findall("launchable")]
      check(launchables and all(os.path.isfile(os.path.join(datadir, "applications", name))
                                for name in launchables),
            "the metainfo's launchable desktop id is installed", launchables)
      binaries = [node.text for node in component.findall("provides/binary")]
      check(binaries and all(os.access(os.path.join(bindir, name), os.X_OK) for name in binaries),
            "the metainfo's binary is installed", binaries)
      for node in component.findall("provides/mediatype"):
        check(node.text in mime_types, "the metainfo's media type %s is installed" % node.text)
      images = [node.text for node in component.findall("screenshots/screenshot/image")]
      missing = [url for url in images if not os.path.isfile(
        os.path.join(args.source_root, "data", "screenshots", url.rsplit("/", 1)[-1]))]
      check(images and not missing, "every screenshot is in data/screenshots", missing)

    # Every shipped language reaches the files the desktop shows before the app runs.
    languages = linguas(args.source_root)
    desktop_text = read_text(os.path.join(datadir, "applications", args.app_id + ".desktop"))
    metainfo_text = read_text(metainfo_path)
    mime_text = read_text(os.path.join(datadir, "mime", "packages", args.app_id + ".xml"))
    for language in languages:
      check("\nComment[%s]=" % language in desktop_text,
            "the desktop file is translated into %s" % language)
      check('<summary xml:lang="%s">' % language in metainfo_text,
            "the metainfo is translated into %s" % language)
      check('<comment xml:lang="%s">' % language in mime_text,
            "the MIME type's name is translated into %s" % language)

  finish()


main()
