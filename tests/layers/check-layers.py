#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the layer probes of tests/layers/meson.build, each through the build's own
# rules: a control probe (a file of a layer, as its library compiles it) must compile,
# and a probe that adds a header the layer must not see must fail, on that header.
# Prints TAP.

import argparse
import os
import subprocess

results = []


def check(ok, name, detail=""):
  results.append(bool(ok))
  print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
  if not ok and detail:
    for line in str(detail).rstrip().splitlines()[-20:]:
      print("# " + line)


def build(ninja, build_root, target):
  # Ninja names its outputs relative to the build folder.
  target = os.path.relpath(target, build_root)
  run = subprocess.run([ninja, "-C", build_root, target],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
  return run.returncode, run.stdout


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument("--ninja", required=True)
  parser.add_argument("--build-root", required=True)
  parser.add_argument("--probe", action="append", default=[],
                      help="LAYER:LIBRARY:HEADER, with an empty HEADER for the control")
  args = parser.parse_args()

  for probe in args.probe:
    layer, target, header = probe.split(":", 2)
    status, output = build(args.ninja, args.build_root, target)
    if header == "":
      check(status == 0, "a file of src/%s/ compiles with its layer's flags" % layer, output)
      continue
    # GCC says "gtk/gtk.h: No such file or directory", clang "'gtk/gtk.h' file not found".
    failed_on_header = status != 0 and header in output and (
      "No such file" in output or "not found" in output)
    check(failed_on_header,
          "a file of src/%s/ that includes %s does not compile" % (layer, header), output)

  print("1..%d" % len(results))
  return 0 if all(results) else 1


if __name__ == "__main__":
  raise SystemExit(main())
