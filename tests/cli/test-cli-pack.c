/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "unknot-test-utils.h"

/* Routine packs on the command line, run as the built program: --export-pack by id and
 * by file, and --validate and --timeline on packs, good ones (made by Unknot, or by
 * Python's zipfile through tests/routine/make-packs.py) and hostile ones. Each run gets
 * a data folder and a temporary folder of its own, which must hold nothing afterwards
 * but what the run was asked to write. */

typedef struct
{
  char *folder;   /* the current folder of each run */
  char *data;     /* $XDG_DATA_HOME */
  char *tmp;      /* $TMPDIR */
  char *environment[3];
} Fixture;

static char *packs;   /* made by make-packs.py, once for all tests */

static void
make_packs (void)
{
  g_autofree char *script = unknot_test_source_path ("tests", "routine", "make-packs.py", NULL);
  g_autofree char *sound = unknot_test_source_path ("data", "sounds", "countdown-tick.oga",
                                                    NULL);
  const char *argv[] = { "python3", "-W", "ignore", script, NULL, sound, "--small", NULL };
  g_autoptr (GError) error = NULL;
  int status;

  packs = unknot_test_make_folder ("unknot-cli-packs");
  argv[4] = packs;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = unknot_test_make_folder ("unknot-cli-pack");
  fixture->data = unknot_test_make_folder ("unknot-cli-pack-data");
  fixture->tmp = unknot_test_make_folder ("unknot-cli-pack-tmp");
  fixture->environment[0] = g_strconcat ("XDG_DATA_HOME=", fixture->data, NULL);
  fixture->environment[1] = g_strconcat ("TMPDIR=", fixture->tmp, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  unknot_test_remove_folder (fixture->folder);
  unknot_test_remove_folder (fixture->data);
  unknot_test_remove_folder (fixture->tmp);
  g_free (fixture->folder);
  g_free (fixture->data);
  g_free (fixture->tmp);
  g_free (fixture->environment[0]);
  g_free (fixture->environment[1]);
}

static void
run (Fixture           *fixture,
     const char *const *arguments,
     UnknotTestRun     *result)
{
  unknot_test_run_unknot (fixture->folder, (const char *const *) fixture->environment,
                          arguments, result);
}

static guint
count_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
pack_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (packs, name, NULL);
}

/* A shipped routine by its id: the pack runs exactly as the routine, and --validate
 * says that its id is taken in the library it would join, by the shipped file. */
static void
test_export_by_id (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *export[] = { "--export-pack", "post-run-recovery", "recovery.unknot", NULL };
  const char *validate[] = { "--validate", "recovery.unknot", NULL };
  const char *pack_timeline[] = { "--timeline", "recovery.unknot", NULL };
  g_autofree char *routine = g_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "routines",
                                               "post-run-recovery.xml", NULL);
  const char *file_timeline[] = { "--timeline", routine, NULL };
  g_auto (UnknotTestRun) exported = { 0 };
  g_auto (UnknotTestRun) validated = { 0 };
  g_auto (UnknotTestRun) from_pack = { 0 };
  g_auto (UnknotTestRun) from_file = { 0 };

  run (fixture, export, &exported);
  g_assert_cmpstr (exported.err, ==, "");
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.out, ==, "");

  run (fixture, validate, &validated);
  g_assert_cmpint (validated.status, ==, 1);
  g_assert_cmpstr (validated.out, ==, "");
  g_assert_true (g_str_has_prefix (validated.err, "recovery.unknot:3:21: error: the id "
                                                  "\"post-run-recovery\" is already used by "));
  g_assert_nonnull (strstr (validated.err, routine));

  run (fixture, pack_timeline, &from_pack);
  run (fixture, file_timeline, &from_file);
  g_assert_cmpint (from_pack.status, ==, 0);
  g_assert_cmpstr (from_pack.out, ==, from_file.out);
  g_assert_cmpuint (count_files (fixture->tmp), ==, 0);
}

/* A pack made elsewhere, exported again: through a temporary folder that is gone after. */
static void
test_export_pack_of_pack (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *good = pack_path (fixture, "good.unknot");
  const char *export[] = { "--export-pack", good, "again.unknot", NULL };
  const char *validate[] = { "--validate", "again.unknot", good, NULL };
  g_auto (UnknotTestRun) exported = { 0 };
  g_auto (UnknotTestRun) validated = { 0 };

  run (fixture, export, &exported);
  g_assert_cmpstr (exported.err, ==, "");
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpuint (count_files (fixture->tmp), ==, 0);

  /* The same routine twice: the second is a duplicate id, as for routine files. */
  run (fixture, validate, &validated);
  g_assert_cmpint (validated.status, ==, 1);
  g_assert_cmpstr (validated.out, ==, "again.unknot: valid (2 steps, 0:22)\n");
  g_assert_true (g_str_has_prefix (validated.err, good));
  g_assert_nonnull (strstr (validated.err, "again.unknot"));
}

typedef struct
{
  const char *pack;
  const char *error;   /* the whole of stderr after "PACK" */
} Refused;

static const Refused refused[] = {
  { "parent-path.unknot", ": error: “../evil.svg” goes out of the pack's folder with “..”\n" },
  { "symlink.unknot", ": error: “images/link.svg” is a symbolic link; a pack holds only "
                      "plain files and folders\n" },
  { "unused-file.unknot", ": error: “notes.txt” is not used by the routine; a pack holds only "
                          "the routine and the pictures and audio it names\n" },
  { "not-zip.unknot", ": error: this is not a routine pack, or it is damaged (Unrecognized "
                      "archive format); a pack is a ZIP archive as Unknot exports it\n" },
  { "missing-media.unknot", "(calf-care.xml):13:12: error: the pack lacks the media file "
                            "'audio/calf.oga'; add it to the pack under this name, or fix the "
                            "path\n" },
  { "invalid-routine.unknot", "(calf-care.xml):9:9: error: unknown region 'calfs' (did you "
                              "mean 'calves'?)\n" },
};

/* Each refused with exit status 1, in one line in the FILE: error: form; and nothing
 * is written anywhere for it, by --validate, --timeline or --export-pack. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const Refused *case_ = data;
  g_autofree char *path = pack_path (fixture, case_->pack);
  g_autofree char *expected = g_strconcat (path, case_->error, NULL);
  const char *validate[] = { "--validate", path, NULL };
  const char *timeline[] = { "--timeline", path, NULL };
  const char *export[] = { "--export-pack", path, "out.unknot", NULL };
  const char *const *modes[] = { validate, timeline, export };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_auto (UnknotTestRun) result = { 0 };

      run (fixture, modes[i], &result);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, ==, expected);
      g_assert_cmpuint (count_files (fixture->folder), ==, 0);
      g_assert_cmpuint (count_files (fixture->tmp), ==, 0);
    }
}

static void
test_unknown_routine (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *export[] = { "--export-pack", "no-such-routine", "out.unknot", NULL };
  g_auto (UnknotTestRun) result = { 0 };

  run (fixture, export, &result);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "No routine has the id “no-such-routine”"));
  g_assert_cmpuint (count_files (fixture->folder), ==, 0);
}

static void
test_no_output_named (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *export[] = { "--export-pack", "post-run-recovery", NULL };
  const char *two[] = { "--export-pack", "post-run-recovery", "a.unknot", "b.unknot", NULL };
  g_auto (UnknotTestRun) alone = { 0 };
  g_auto (UnknotTestRun) both = { 0 };

  run (fixture, export, &alone);
  g_assert_cmpint (alone.status, ==, 1);
  g_assert_nonnull (strstr (alone.err, "unknot --export-pack post-run-recovery "
                                       "post-run-recovery.unknot"));
  run (fixture, two, &both);
  g_assert_cmpint (both.status, ==, 1);
  g_assert_cmpstr (both.err, ==, alone.err);
  g_assert_cmpuint (count_files (fixture->folder), ==, 0);
}

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_packs ();

  ADD ("/cli/pack/export-by-id", NULL, test_export_by_id);
  ADD ("/cli/pack/export-pack-of-pack", NULL, test_export_pack_of_pack);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/pack/refused/%s", refused[i].pack);
      ADD (path, &refused[i], test_refused);
    }
  ADD ("/cli/pack/unknown-routine", NULL, test_unknown_routine);
  ADD ("/cli/pack/no-output-named", NULL, test_no_output_named);

  status = g_test_run ();
  unknot_test_remove_folder (packs);
  g_free (packs);
  return status;
}
