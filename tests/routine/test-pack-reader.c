/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "unknot-library.h"
#include "unknot-pack-reader.h"
#include "unknot-test-utils.h"

/* Routine packs made outside the project, by Python's zipfile (make-packs.py): the good
 * ones open, load and unpack into a clean routines folder; every hostile one is refused
 * with its own error, naming what is wrong, and leaves that folder exactly as empty as
 * it was. */

static char *packs;   /* made once for the whole program */

typedef struct
{
  char *root;
  GFile *user_folder;
  UnknotLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) shipped = NULL;

  fixture->root = unknot_test_make_folder ("unknot-pack-test");
  shipped = g_file_new_build_filename (fixture->root, "shipped", NULL);
  fixture->user_folder = g_file_new_build_filename (fixture->root, "user", "routines", NULL);
  fixture->library = unknot_library_new (parser, shipped, fixture->user_folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->user_folder);
  unknot_test_remove_folder (fixture->root);
  g_free (fixture->root);
}

static GFile *
get_pack (const char *name)
{
  return g_file_new_build_filename (packs, name, NULL);
}

static guint
count_children (GFile *folder)
{
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (folder, "standard::name",
                                                                    G_FILE_QUERY_INFO_NONE,
                                                                    NULL, NULL);
  GFileInfo *child;
  guint n = 0;

  g_assert_nonnull (children);
  while ((child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_object_unref (child);
      n++;
    }
  return n;
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* ---- good packs --------------------------------------------------------------------- */

static void
test_good_pack_loads (gconstpointer data)
{
  g_autoptr (GFile) file = get_pack (data);
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (unknot_pack_reader_is_pack (file));
  pack = unknot_pack_reader_new_for_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_pack_reader_get_routine_name (pack), ==, "calf-care.xml");

  routine = unknot_pack_reader_load_routine (pack, parser, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "calf-care");
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 2);
  /* Loaded from memory: the media are in the pack, not on disk. */
  g_assert_null (unknot_step_get_image (unknot_routine_get_item (routine, 0)));
}

/* Added to the library, the pack becomes a routine pack folder whose routine has its
 * picture and audio on disk, byte for byte. */
static void
test_good_pack_added (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GFile) file = get_pack (data);
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (GFile) added = NULL;
  g_autoptr (GFile) sound = NULL;
  g_autoptr (GBytes) expected_sound = NULL;
  g_autoptr (GBytes) landed_sound = NULL;
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;
  UnknotStep *step;

  pack = unknot_pack_reader_new_for_file (file, &error);
  g_assert_no_error (error);
  added = unknot_library_add_pack (fixture->library, pack, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_file_peek_path (added), "/routines/calf-care/calf-care.xml"));
  /* Nothing but the routine's own folder, no hidden leftovers. */
  g_assert_cmpuint (count_children (fixture->user_folder), ==, 1);

  routine = unknot_library_lookup (fixture->library, "calf-care");
  g_assert_nonnull (routine);
  g_assert_true (g_file_equal (unknot_routine_get_file (routine), added));
  g_assert_cmpuint (unknot_routine_get_warnings (routine)->len, ==, 0);
  step = unknot_routine_get_item (routine, 0);
  g_assert_true (g_file_query_exists (unknot_step_get_image (step), NULL));
  g_assert_true (g_file_query_exists (unknot_step_get_audio (step), NULL));

  sound = g_file_new_build_filename (g_getenv ("UNKNOT_SOURCE_ROOT"), "data", "sounds",
                                     "start.oga", NULL);
  expected_sound = read_bytes (sound);
  landed_sound = read_bytes (unknot_step_get_audio (step));
  g_assert_true (g_bytes_equal (landed_sound, expected_sound));
}

/* The same routine cannot be added twice; the second attempt writes nothing. */
static void
test_pack_added_twice (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GFile) file = get_pack ("good.unknot");
  g_autoptr (UnknotPackReader) pack = unknot_pack_reader_new_for_file (file, NULL);
  g_autoptr (GFile) first = unknot_library_add_pack (fixture->library, pack, NULL);
  g_autoptr (GFile) second = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (first);
  second = unknot_library_add_pack (fixture->library, pack, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (second);
  g_assert_cmpuint (count_children (fixture->user_folder), ==, 1);
}

/* ---- hostile packs ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  UnknotPackError code;
  const char *message_part; /* what the message must name */
} Hostile;

static const Hostile hostile_packs[] = {
  { "parent-path", UNKNOT_PACK_ERROR_BAD_PATH, "“../evil.svg” goes out of the pack's folder" },
  { "deep-parent-path", UNKNOT_PACK_ERROR_BAD_PATH, "“images/../../evil.svg” goes out" },
  { "absolute-path", UNKNOT_PACK_ERROR_BAD_PATH, "“/tmp/evil.svg” is an absolute path" },
  { "drive-letter", UNKNOT_PACK_ERROR_BAD_PATH, "“C:/evil.svg” starts with a drive letter" },
  { "drive-relative", UNKNOT_PACK_ERROR_BAD_PATH, "“C:evil.svg” starts with a drive letter" },
  /* libarchive reads a backslash as a folder separator, as Windows tools write them. */
  { "backslash", UNKNOT_PACK_ERROR_BAD_PATH, "“../evil.svg” goes out of the pack's folder" },
  { "dot-folder", UNKNOT_PACK_ERROR_BAD_PATH, "“./images/evil.svg” has an empty or “.”" },
  { "empty-folder-name", UNKNOT_PACK_ERROR_BAD_PATH, "“images//evil.svg” has an empty" },
  { "control-character", UNKNOT_PACK_ERROR_BAD_PATH, "“images/evil\\n.svg” has control" },
  { "symlink", UNKNOT_PACK_ERROR_LINK, "“images/link.svg” is a symbolic link" },
  { "symlink-folder", UNKNOT_PACK_ERROR_LINK, "“escape” is a symbolic link" },
  { "char-device", UNKNOT_PACK_ERROR_SPECIAL_FILE, "“images/tty” is a device" },
  { "block-device", UNKNOT_PACK_ERROR_SPECIAL_FILE, "“images/disk” is a device" },
  /* libarchive reads a FIFO in a ZIP archive as a plain file, which is all it can write;
   * named by no routine, it is refused as any other file would be. */
  { "fifo", UNKNOT_PACK_ERROR_UNUSED_FILE, "“images/pipe” is not used by the routine" },
  { "socket", UNKNOT_PACK_ERROR_SPECIAL_FILE, "“images/socket” is a device" },
  { "duplicate", UNKNOT_PACK_ERROR_DUPLICATE, "“images/calf.svg” is in the pack more than once" },
  { "duplicate-case", UNKNOT_PACK_ERROR_DUPLICATE, "“images/Calf.svg” is in the pack more" },
  { "file-and-folder", UNKNOT_PACK_ERROR_DUPLICATE, "“images/calf.svg” is in the pack both" },
  { "two-routines", UNKNOT_PACK_ERROR_SEVERAL_ROUTINES, "“calf-care.xml” and “other.xml”" },
  { "unused-file", UNKNOT_PACK_ERROR_UNUSED_FILE, "“notes.txt” is not used by the routine" },
  { "unused-folder-file", UNKNOT_PACK_ERROR_UNUSED_FILE, "“images/extra.svg” is not used" },
  { "no-routine", UNKNOT_PACK_ERROR_NO_ROUTINE, "the pack holds no routine file" },
  { "routine-in-folder", UNKNOT_PACK_ERROR_NO_ROUTINE, "“calf-care/calf-care.xml” is in a folder" },
  { "too-many-files", UNKNOT_PACK_ERROR_TOO_MANY_FILES, "more than 1000 files and folders" },
  { "encrypted", UNKNOT_PACK_ERROR_ENCRYPTED, "“calf-care.xml” is encrypted" },
  { "ratio", UNKNOT_PACK_ERROR_TOO_LARGE, "more than 100 times its size" },
  { "routine-too-large", UNKNOT_PACK_ERROR_TOO_LARGE, "calf-care.xml: the file is larger than 1" },
  { "too-large", UNKNOT_PACK_ERROR_TOO_LARGE, "the pack is larger than 64" },
  { "unpacks-too-large", UNKNOT_PACK_ERROR_TOO_LARGE, "the pack unpacks to more than 256" },
  { "empty", UNKNOT_PACK_ERROR_NOT_A_PACK, "the file is empty" },
  { "not-zip", UNKNOT_PACK_ERROR_NOT_A_PACK, "this is not a routine pack" },
  { "truncated", UNKNOT_PACK_ERROR_NOT_A_PACK, "this is not a routine pack, or it is damaged" },
  { "tar-hardlink", UNKNOT_PACK_ERROR_NOT_A_PACK, "this is not a routine pack" },
};

static void
test_hostile_pack (Fixture       *fixture,
                   gconstpointer  data)
{
  const Hostile *hostile = data;
  g_autofree char *name = g_strconcat (hostile->name, UNKNOT_PACK_SUFFIX, NULL);
  g_autoptr (GFile) file = get_pack (name);
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (GError) error = NULL;

  pack = unknot_pack_reader_new_for_file (file, &error);
  g_assert_null (pack);
  g_assert_error (error, UNKNOT_PACK_ERROR, (int) hostile->code);
  if (strstr (error->message, hostile->message_part) == NULL)
    g_error ("%s: “%s” does not say “%s”", name, error->message, hostile->message_part);
  g_assert_cmpuint (count_children (fixture->user_folder), ==, 0);
}

/* Sound archives whose routine is not: opened to show what is wrong, never unpacked. */
static void
test_invalid_routine_not_added (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *name = g_strconcat (data, UNKNOT_PACK_SUFFIX, NULL);
  g_autoptr (GFile) file = get_pack (name);
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (GFile) added = NULL;
  g_autoptr (GError) error = NULL;

  pack = unknot_pack_reader_new_for_file (file, &error);
  g_assert_no_error (error);
  added = unknot_library_add_pack (fixture->library, pack, &error);
  g_assert_null (added);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, error->code);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_cmpuint (count_children (fixture->user_folder), ==, 0);
  g_assert_null (unknot_library_lookup (fixture->library, "calf-care"));
}

/* A media file the routine names but the pack lacks is reported at its line. */
static void
test_missing_media_problem (void)
{
  g_autoptr (GFile) file = get_pack ("missing-media.unknot");
  g_autoptr (UnknotPackReader) pack = unknot_pack_reader_new_for_file (file, NULL);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autofree char *line = NULL;

  routine = unknot_pack_reader_load_routine (pack, parser, "my.unknot", &problems, NULL);
  g_assert_null (routine);
  g_assert_cmpuint (problems->len, ==, 1);
  line = unknot_problem_format (g_ptr_array_index (problems, 0));
  g_assert_cmpstr (line, ==, "my.unknot(calf-care.xml):13:12: error: the pack lacks the media "
                             "file 'audio/calf.oga'; add it to the pack under this name, or "
                             "fix the path");
}

/* A pack that was not loaded, or whose routine failed to load, is never unpacked. */
static void
test_extract_needs_valid_routine (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GFile) file = get_pack ("good.unknot");
  g_autoptr (UnknotPackReader) pack = unknot_pack_reader_new_for_file (file, NULL);
  g_autoptr (GFile) destination = g_file_get_child (fixture->user_folder, "calf-care");
  g_autoptr (GFile) extracted = NULL;
  g_autoptr (GError) error = NULL;

  extracted = unknot_pack_reader_extract (pack, destination, &error);
  g_assert_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_INVALID_ROUTINE);
  g_assert_null (extracted);
  g_assert_cmpuint (count_children (fixture->user_folder), ==, 0);
}

/* Unpacking onto a folder that exists fails, and leaves both as they were. */
static void
test_extract_never_replaces (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GFile) file = get_pack ("good.unknot");
  g_autoptr (UnknotPackReader) pack = unknot_pack_reader_new_for_file (file, NULL);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) routine = unknot_pack_reader_load_routine (pack, parser, NULL,
                                                                       NULL, NULL);
  g_autoptr (GFile) destination = g_file_get_child (fixture->user_folder, "taken");
  g_autoptr (GFile) extracted = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (routine);
  g_assert_true (g_file_make_directory (destination, NULL, NULL));
  extracted = unknot_pack_reader_extract (pack, destination, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (extracted);
  g_assert_cmpuint (count_children (fixture->user_folder), ==, 1);
  g_assert_cmpuint (count_children (destination), ==, 0);
}

static void
make_packs (void)
{
  g_autofree char *script = unknot_test_source_path ("tests", "routine", "make-packs.py", NULL);
  g_autofree char *sound = unknot_test_source_path ("data", "sounds", "start.oga", NULL);
  const char *argv[] = { "python3", "-W", "ignore", script, NULL, sound, NULL };
  g_autoptr (GError) error = NULL;
  int status;

  packs = unknot_test_make_folder ("unknot-packs");
  argv[4] = packs;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

#define ADD_FIXTURE_TEST(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  static const char *const good[] = { "good.unknot", "good-detour.unknot", "good-flat.unknot" };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  make_packs ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *loads = g_strdup_printf ("/pack/good/%s/loads", good[i]);
      g_autofree char *added = g_strdup_printf ("/pack/good/%s/added", good[i]);

      g_test_add_data_func (loads, good[i], test_good_pack_loads);
      ADD_FIXTURE_TEST (added, good[i], test_good_pack_added);
    }
  ADD_FIXTURE_TEST ("/pack/added-twice", NULL, test_pack_added_twice);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_packs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pack/hostile/%s", hostile_packs[i].name);
      ADD_FIXTURE_TEST (path, &hostile_packs[i], test_hostile_pack);
    }
  ADD_FIXTURE_TEST ("/pack/invalid/missing-media", "missing-media",
                    test_invalid_routine_not_added);
  ADD_FIXTURE_TEST ("/pack/invalid/invalid-routine", "invalid-routine",
                    test_invalid_routine_not_added);
  g_test_add_func ("/pack/missing-media-problem", test_missing_media_problem);
  ADD_FIXTURE_TEST ("/pack/extract/needs-valid-routine", NULL, test_extract_needs_valid_routine);
  ADD_FIXTURE_TEST ("/pack/extract/never-replaces", NULL, test_extract_never_replaces);

  status = g_test_run ();
  unknot_test_remove_folder (packs);
  g_free (packs);
  return status;
}
