#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when the unknot binary imports a function of the GTK and libadwaita widgets that
# newer versions replace (AdwMessageDialog, AdwAboutWindow, AdwPreferencesWindow,
# GtkFileChooserNative and GtkFileChooser, GtkStyleContext, GtkShortcutsWindow and the
# help overlay). Built
# against a stack that has every replacement (libadwaita 1.8 and GTK 4.10 or newer), the
# app must use only the replacements (src/ui/unknot-compat.c). On an older stack the old
# functions are the only ones there: then it checks that it does see them, so that the
# check itself is known to work, and skips. Prints TAP.

import argparse
import re
import subprocess
import sys

DEPRECATED = re.compile(r"^(adw_message_dialog_|adw_about_window_|adw_preferences_window_"
                        r"|gtk_file_chooser_|gtk_style_context_"
                        r"|gtk_application_window_[gs]et_help_overlay$|gtk_shortcuts_window)")


def version(text):
  return tuple(int(part) for part in re.findall(r"\d+", text)[:2])


def imported_symbols(nm, binary):
  run = subprocess.run([nm, "--dynamic", "--undefined-only", binary],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
  if run.returncode != 0:
    sys.exit("%s: %s could not read it: %s" % (binary, nm, run.stderr.strip()))
  # "                 U adw_message_dialog_new@LIBADWAITA_1_0" (the version is optional)
  return sorted({line.split()[-1].split("@")[0] for line in run.stdout.splitlines()
                 if line.strip()})


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--nm", required=True)
  parser.add_argument("--gtk-version", required=True)
  parser.add_argument("--adw-version", required=True)
  parser.add_argument("binary")
  args = parser.parse_args()

  imports = imported_symbols(args.nm, args.binary)
  deprecated = [name for name in imports if DEPRECATED.match(name)]
  newest = version(args.adw_version) >= (1, 8) and version(args.gtk_version) >= (4, 10)
  print("1..1")
  if not any(name.startswith("gtk_") for name in imports):
    print("not ok 1 - %s imports no GTK function at all: is it the app?" % args.binary)
    return 1
  if newest:
    ok = not deprecated
    print("%s 1 - built on GTK %s and libadwaita %s, unknot must import none of the "
          "replaced functions" % ("ok" if ok else "not ok", args.gtk_version, args.adw_version))
    for name in deprecated:
      print("# %s: imports %s; use the replacement through src/ui/unknot-compat.c"
            % (args.binary, name))
    return 0 if ok else 1
  if not deprecated:
    print("not ok 1 - on GTK %s and libadwaita %s unknot should import the older widgets' "
          "functions, and none was found: is nm's output read right?"
          % (args.gtk_version, args.adw_version))
    return 1
  print("ok 1 # SKIP GTK %s and libadwaita %s have not every replacement; unknot imports "
        "%d of the older functions, as it must here" % (args.gtk_version, args.adw_version,
                                                        len(deprecated)))
  return 0


if __name__ == "__main__":
  sys.exit(main())
