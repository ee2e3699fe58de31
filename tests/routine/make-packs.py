#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes routine packs the way someone outside Unknot would: with Python's zipfile.

    make-packs.py OUTPUT_FOLDER SOUND_FILE [--small]

writes good packs (a routine with a picture and an audio file, SOUND_FILE) and every
kind of hostile pack the reader must refuse, each named after what is wrong with it.
--small leaves out the four over 64 KiB (for the fuzzer's seeds).
"""

import io
import os
import stat
import sys
import tarfile
import zipfile

ROUTINE = """<?xml version="1.0" encoding="UTF-8"?>
<routine format="1" id="{id}">
  <name>Calf care</name>
  <description>A short round for the calves.</description>
  <author>A. Therapist</author>
  <license>CC-BY-SA-4.0</license>
  <safety>Skip a calf that is injured or swollen.</safety>
  <prepare duration="3s"/>
  <step region="calves" technique="petrissage" pressure="medium" side="each" duration="5s">
    <title>Knead the calf</title>
    <instructions>Squeeze and lift the calf muscle with both hands.</instructions>
    <image src="{image}"/>
    <audio src="{audio}"/>
  </step>
  <step region="achilles" technique="friction" duration="4s">
    <title>Rub the Achilles tendon</title>
    <instructions>Small circles either side of the tendon.</instructions>
  </step>
</routine>
"""

PICTURE = """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">
  <rect width="120" height="80" fill="#ffffff"/>
  <ellipse cx="60" cy="40" rx="20" ry="34" fill="#e01b24"/>
</svg>
"""

STORED = zipfile.ZIP_STORED
DEFLATED = zipfile.ZIP_DEFLATED
# A fixed date, so that the same packs come out byte for byte on every run.
DATE = (2024, 5, 1, 12, 0, 0)


def routine(routine_id="calf-care", image="images/calf.svg", audio="audio/calf.oga"):
    return ROUTINE.format(id=routine_id, image=image, audio=audio)


def info(name, mode=None):
    entry = zipfile.ZipInfo(name, DATE)
    entry.compress_type = DEFLATED
    if mode is not None:
        entry.create_system = 3  # Unix, so that the mode bits count
        entry.external_attr = mode << 16
    return entry


def write(path, entries):
    """entries: (name, bytes or str, optional file mode) in archive order."""
    with zipfile.ZipFile(path, "w") as pack:
        for entry in entries:
            name, data = entry[0], entry[1]
            mode = entry[2] if len(entry) > 2 else None
            pack.writestr(info(name, mode), data)


def good_entries(sound):
    return [
        ("calf-care.xml", routine()),
        ("images/", b"", stat.S_IFDIR | 0o755),
        ("images/calf.svg", PICTURE),
        ("audio/calf.oga", sound),
    ]


def make_good(out, sound):
    write(os.path.join(out, "good.unknot"), good_entries(sound))
    # Folders are optional in a ZIP archive, and paths may take a detour.
    write(os.path.join(out, "good-detour.unknot"), [
        ("calf-care.xml", routine(image="./images/../images/calf.svg")),
        ("images/calf.svg", PICTURE),
        ("audio/calf.oga", sound),
    ])
    # Media at the top of the pack, next to the routine, and no compression.
    with zipfile.ZipFile(os.path.join(out, "good-flat.unknot"), "w", STORED) as pack:
        pack.writestr(zipfile.ZipInfo("calf-care.xml", DATE), routine(image="calf.svg",
                                                                      audio="calf.oga"))
        pack.writestr(zipfile.ZipInfo("calf.svg", DATE), PICTURE)
        pack.writestr(zipfile.ZipInfo("calf.oga", DATE), sound)


def encrypt_flag(path):
    """Sets the 'encrypted' bit of every entry, as an encrypting zip tool would."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 1
            start += 4
    with open(path, "wb") as f:
        f.write(data)


def make_hostile(out, sound, small):
    good = good_entries(sound)

    def hostile(name, extra, base=good):
        write(os.path.join(out, name + ".unknot"), base + extra)

    hostile("parent-path", [("../evil.svg", PICTURE)])
    hostile("deep-parent-path", [("images/../../evil.svg", PICTURE)])
    hostile("absolute-path", [("/tmp/evil.svg", PICTURE)])
    hostile("drive-letter", [("C:/evil.svg", PICTURE)])
    hostile("drive-relative", [("C:evil.svg", PICTURE)])
    hostile("backslash", [("..\\evil.svg", PICTURE)])
    hostile("dot-folder", [("./images/evil.svg", PICTURE)])
    hostile("empty-folder-name", [("images//evil.svg", PICTURE)])
    hostile("control-character", [("images/evil\n.svg", PICTURE)])
    hostile("symlink", [("images/link.svg", "/etc/passwd", stat.S_IFLNK | 0o777)])
    hostile("symlink-folder", [("escape", "/etc", stat.S_IFLNK | 0o777)])
    hostile("char-device", [("images/tty", b"", stat.S_IFCHR | 0o666)])
    hostile("block-device", [("images/disk", b"", stat.S_IFBLK | 0o666)])
    hostile("fifo", [("images/pipe", b"", stat.S_IFIFO | 0o666)])
    hostile("socket", [("images/socket", b"", stat.S_IFSOCK | 0o666)])
    hostile("duplicate", [("images/calf.svg", "<svg/>")])
    hostile("duplicate-case", [("images/Calf.svg", PICTURE)])
    hostile("file-and-folder", [("images/calf.svg/evil.svg", PICTURE)])
    hostile("two-routines", [("other.xml", routine("other"))])
    hostile("unused-file", [("notes.txt", "Not named by the routine.")])
    hostile("unused-folder-file", [("images/extra.svg", PICTURE)])
    hostile("no-routine", [], base=good[1:])
    hostile("routine-in-folder", [("calf-care/calf-care.xml", routine())], base=good[1:])
    write(os.path.join(out, "encrypted.unknot"), good)
    encrypt_flag(os.path.join(out, "encrypted.unknot"))
    hostile("ratio", [("images/zeros.svg", bytes(8 * 1024 * 1024))])

    # Not ZIP archives at all.
    with open(os.path.join(out, "empty.unknot"), "wb"):
        pass
    with open(os.path.join(out, "not-zip.unknot"), "w") as f:
        f.write(routine())
    with open(os.path.join(out, "truncated.unknot"), "wb") as f:
        with open(os.path.join(out, "good.unknot"), "rb") as whole:
            f.write(whole.read()[:300])
    with tarfile.open(os.path.join(out, "tar-hardlink.unknot"), "w") as tar:
        data = routine().encode()
        entry = tarfile.TarInfo("calf-care.xml")
        entry.size = len(data)
        tar.addfile(entry, io.BytesIO(data))
        link = tarfile.TarInfo("images/calf.svg")
        link.type = tarfile.LNKTYPE
        link.linkname = "calf-care.xml"
        tar.addfile(link)

    # Packs whose structure is fine but whose routine is not: opened, never unpacked.
    write(os.path.join(out, "missing-media.unknot"), good[:3])
    write(os.path.join(out, "invalid-routine.unknot"),
          [("calf-care.xml", routine().replace('"calves"', '"calfs"'))] + good[1:])

    if small:
        return
    hostile("too-many-files", [("images/%04d.svg" % i, "") for i in range(1000)])
    # A routine file may not be larger than 1 MiB, in a pack or not.
    # (Random letters, so that it is not refused first for compressing too well.)
    padding = "<!-- %s -->\n" % os.urandom(600 * 1024).hex()
    hostile("routine-too-large", [], base=[("calf-care.xml", routine() + padding)] + good[1:])

    # Over 64 MiB as it is (random bytes do not compress).
    hostile("too-large", [("audio/noise.oga", os.urandom(65 * 1024 * 1024))])
    # Within 100:1, yet unpacking to over 256 MiB.
    path = os.path.join(out, "unpacks-too-large.unknot")
    write(path, good + [("audio/noise.oga", os.urandom(3 * 1024 * 1024))])
    with zipfile.ZipFile(path, "a") as pack:
        with pack.open(info("images/zeros.svg"), "w", force_zip64=True) as f:
            chunk = bytes(1024 * 1024)
            for _ in range(255):
                f.write(chunk)


def main():
    out, sound_path = sys.argv[1], sys.argv[2]
    small = "--small" in sys.argv[3:]
    with open(sound_path, "rb") as f:
        sound = f.read()
    os.makedirs(out, exist_ok=True)
    make_good(out, sound)
    make_hostile(out, sound, small)


if __name__ == "__main__":
    main()
