/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fuzz-harness.h"
#include "unknot-routine-error.h"
#include "unknot-routine-parser.h"

/* Feeds each input to the routine parser twice: from memory without a file, and as a
 * file in a routine folder of its own, so that the media-path checks run on disk too.
 *
 * Everything the harness makes lives in one temporary folder, removed at exit:
 *
 *   ROOT/routine/fuzz.xml            the input, written anew each time
 *   ROOT/routine/images/calf.svg     media the input may name
 *   ROOT/routine/images/inside.svg   a link to calf.svg, inside the folder
 *   ROOT/routine/images/escape.svg   a link out of the routine's folder (still in ROOT)
 *   ROOT/routine/images/loop.svg     a link to itself
 *   ROOT/routine/audio/chime.wav
 *   ROOT/outside/secret.svg          what no routine may reach
 *
 * so a path that escapes the checks lands on ROOT/outside, never elsewhere on the
 * machine; the oracle below turns it into a crash. */

static char *root;
static char *routine_folder;
static char *real_routine_folder;
static char *input_path;
static UnknotRoutineParser *parser;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
clean_up (void)
{
  if (root != NULL)
    remove_tree (root);
}

static void
make_file (const char *relative,
           const char *contents)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
make_link (const char *relative,
           const char *target)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char *const languages[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  g_autoptr (GError) error = NULL;

  fuzz_harness_make_criticals_fatal ();
  root = g_dir_make_tmp ("unknot-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (clean_up);

  make_file ("routine/images/calf.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  make_file ("routine/audio/chime.wav", "RIFF");
  make_file ("outside/secret.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  make_link ("routine/images/inside.svg", "calf.svg");
  make_link ("routine/images/escape.svg", "../../outside/secret.svg");
  make_link ("routine/images/loop.svg", "loop.svg");

  routine_folder = g_build_filename (root, "routine", NULL);
  real_routine_folder = realpath (routine_folder, NULL);
  input_path = g_build_filename (routine_folder, "fuzz.xml", NULL);

  parser = unknot_routine_parser_new ();
  unknot_routine_parser_set_languages (parser, languages);
  return 0;
}

/* A media file the routine kept must be inside its folder, links followed. */
static void
assert_inside (GFile *media)
{
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;

  if (media == NULL)
    return;
  path = g_file_get_path (media);
  real = realpath (path, NULL);
  if (real == NULL || !g_str_has_prefix (real, real_routine_folder)
      || real[strlen (real_routine_folder)] != '/')
    g_error ("a routine reached %s, out of its folder", real ? real : path);
}

static void
check_result (UnknotRoutine *routine,
              GPtrArray     *problems,
              GError        *error)
{
  g_assert_nonnull (problems);
  /* At most 20 problems, then one note that counts the rest. */
  g_assert_cmpuint (problems->len, <=, 21);

  if (routine == NULL)
    {
      g_assert_error (error, UNKNOT_ROUTINE_ERROR, error->code);
      g_assert_cmpuint (problems->len, >, 0);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (unknot_routine_get_n_steps (routine), >, 0);
  g_assert_true (g_utf8_validate (unknot_routine_get_name (routine), -1, NULL));
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      g_assert_cmpint (unknot_step_get_duration (step), >, 0);
      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP)
        g_assert_true (g_utf8_validate (unknot_step_get_title (step), -1, NULL));
    }
}

static UnknotRoutine *
load_from_memory (GBytes     *bytes,
                  GPtrArray **problems,
                  GError    **error)
{
  return unknot_routine_parser_load_bytes (parser, bytes, NULL, "memory.xml", problems, error);
}

static UnknotRoutine *
load_from_folder (GBytes     *bytes,
                  GPtrArray **problems,
                  GError    **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (input_path);
  UnknotRoutine *routine;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_file_set_contents (input_path, data, size, NULL));
  routine = unknot_routine_parser_load_file (parser, file, "fuzz.xml", problems, error);
  g_unlink (input_path);

  for (guint i = 0; routine != NULL && i < unknot_routine_get_n_items (routine); i++)
    {
      g_autoptr (GPtrArray) media = unknot_step_get_media_files (unknot_routine_get_item (routine,
                                                                                        i));

      for (guint j = 0; j < media->len; j++)
        assert_inside (g_ptr_array_index (media, j));
    }
  return routine;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (UnknotRoutine) from_memory = NULL;
  g_autoptr (UnknotRoutine) from_folder = NULL;
  g_autoptr (GPtrArray) memory_problems = NULL;
  g_autoptr (GPtrArray) folder_problems = NULL;
  g_autoptr (GError) memory_error = NULL;
  g_autoptr (GError) folder_error = NULL;

  from_memory = load_from_memory (bytes, &memory_problems, &memory_error);
  check_result (from_memory, memory_problems, memory_error);

  from_folder = load_from_folder (bytes, &folder_problems, &folder_error);
  check_result (from_folder, folder_problems, folder_error);

  /* On disk there is more to check, never less: what loads from a folder loads from
   * memory too, to the same routine. */
  if (from_folder != NULL)
    {
      g_assert_nonnull (from_memory);
      g_assert_cmpstr (unknot_routine_get_checksum (from_folder), ==,
                       unknot_routine_get_checksum (from_memory));
    }
  return 0;
}

char *
fuzz_harness_describe (const guint8 *data,
                       size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  routine = load_from_folder (bytes, &problems, &error);
  if (routine != NULL)
    return g_strdup_printf ("valid %u", unknot_routine_get_n_items (routine));
  return g_strdup_printf ("error %d", error->code);
}
