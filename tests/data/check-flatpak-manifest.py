#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks a flatpak manifest offline, as far as that is possible without building it: it
# is JSON; it names the app, a GNOME runtime still supported (50 or newer) with its SDK
# and our command; its sandbox holes are exactly the five the design allows (a development
# manifest may add --env= settings, nothing else); every module it downloads is pinned
# to a checksum or a commit; and the last module builds this source tree with meson in
# the given profile. Prints TAP.
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID PROFILE

import json
import os
import re
import sys

FINISH_ARGS = [
  "--share=ipc",
  "--socket=wayland",
  "--socket=fallback-x11",
  "--device=dri",
  "--socket=pulseaudio",
]
MINIMUM_RUNTIME = 50
# Modules the GNOME runtime lacks: the speech engine and its GStreamer element.
REQUIRED_MODULES = ["espeak-ng", "gst-plugins-espeak"]

results = []


def check(ok, name, detail=""):
  results.append(bool(ok))
  print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name))
  if not ok and detail:
    print("# " + str(detail))


def source_is_pinned(source):
  kind = source.get("type")
  if kind in ("archive", "file"):
    return (source.get("url", "").startswith("https://")
            and re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None)
  if kind == "git":
    return (source.get("url", "").startswith("https://")
            and re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")) is not None)
  return kind in ("dir", "patch", "shell")


def main():
  if len(sys.argv) != 4:
    sys.exit("usage: check-flatpak-manifest.py MANIFEST APP_ID PROFILE")
  path, app_id, profile = sys.argv[1:]
  development = profile == "development"

  try:
    with open(path, encoding="utf-8") as f:
      manifest = json.load(f)
  except (OSError, ValueError) as error:
    check(False, "the manifest is JSON", error)
    print("1..%d" % len(results))
    sys.exit(1)
  check(isinstance(manifest, dict), "the manifest is a JSON object")

  check(manifest.get("id", manifest.get("app-id")) == app_id, "the app id is " + app_id,
        manifest.get("id", manifest.get("app-id")))
  check(manifest.get("runtime") == "org.gnome.Platform", "the runtime is org.gnome.Platform",
        manifest.get("runtime"))
  check(manifest.get("sdk") == "org.gnome.Sdk", "the SDK is org.gnome.Sdk", manifest.get("sdk"))
  version = str(manifest.get("runtime-version", ""))
  check(re.fullmatch(r"\d+", version) is not None and int(version) >= MINIMUM_RUNTIME,
        "the runtime version is %d or newer" % MINIMUM_RUNTIME, repr(version))
  check(manifest.get("command") == "unknot", "the command is unknot", manifest.get("command"))

  finish_args = manifest.get("finish-args", [])
  holes = [arg for arg in finish_args if not (development and arg.startswith("--env="))]
  check(sorted(holes) == sorted(FINISH_ARGS) and len(set(holes)) == len(holes),
        "finish-args are exactly %s%s" % (" ".join(FINISH_ARGS),
                                          " and --env= settings" if development else ""),
        finish_args)

  modules = manifest.get("modules", [])
  check(isinstance(modules, list) and modules and all(isinstance(m, dict) for m in modules),
        "modules are listed inline")
  names = [module.get("name") for module in modules]
  for name in REQUIRED_MODULES:
    check(name in names and names.index(name) < len(names) - 1,
          "%s is built before the app" % name, names)
  for module in modules[:-1]:
    sources = module.get("sources", [])
    check(sources and all(source_is_pinned(source) for source in sources),
          "%s downloads only over https, pinned to a sha256 or a commit" % module.get("name"),
          sources)

  app = modules[-1] if modules else {}
  check(app.get("name") == "unknot", "the last module is the app", app.get("name"))
  check(app.get("buildsystem") == "meson", "the app is built with meson", app.get("buildsystem"))
  check(app.get("config-opts") == ["-Dprofile=" + profile],
        "the app is configured with -Dprofile=" + profile, app.get("config-opts"))
  sources = app.get("sources", [])
  check(sources == [{"type": "dir", "path": ".."}], "the app is built from the local tree",
        sources)
  if sources and isinstance(sources[0], dict) and "path" in sources[0]:
    root = os.path.join(os.path.dirname(os.path.abspath(path)), sources[0]["path"])
    try:
      with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        top = f.read()
    except OSError:
      top = ""
    check(re.search(r"project\(\s*'unknot'", top) is not None,
          "the app's source path holds this project", root)

  print("1..%d" % len(results))
  sys.exit(0 if all(results) else 1)


main()
