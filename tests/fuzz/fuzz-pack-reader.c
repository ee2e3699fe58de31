/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "fuzz-harness.h"
#include "unknot-pack-reader.h"

/* Feeds each input to the routine pack reader as a whole pack: it must be refused with
 * a pack error, or have its routine loaded (or its problems reported), and a pack whose
 * routine loads is unpacked, as "Add to Library" does.
 *
 * Everything the harness makes lives in one temporary folder, removed at exit:
 *
 *   ROOT/library/pack/...   where a pack is unpacked, removed after each input
 *
 * and the oracle below turns anything else into a crash: after each input, the library
 * folder holds the unpacked pack or nothing (no half-written or hidden folder), and the
 * unpacked pack only plain files and folders, within the limits. */

static char *root;
static char *library;
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

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;

  fuzz_harness_make_criticals_fatal ();
  root = g_dir_make_tmp ("unknot-fuzz-pack-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (clean_up);

  library = g_build_filename (root, "library", NULL);
  g_assert_cmpint (g_mkdir (library, 0700), ==, 0);
  parser = unknot_routine_parser_new ();
  return 0;
}

typedef struct
{
  guint n_entries;
  guint64 size;
} Tally;

/* Only plain files and folders, and no more of them than a pack may hold. */
static void
tally_tree (const char *path,
            Tally      *tally)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf info;

      g_assert_cmpint (g_lstat (child, &info), ==, 0);
      tally->n_entries++;
      if (S_ISDIR (info.st_mode))
        tally_tree (child, tally);
      else if (S_ISREG (info.st_mode))
        tally->size += info.st_size;
      else
        g_error ("unpacking made %s, neither a file nor a folder", child);
    }
}

static void
assert_library_holds (const char *only)
{
  g_autoptr (GDir) dir = g_dir_open (library, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_strcmp0 (name, only) != 0)
      g_error ("the library folder holds %s", name);
}

static void
unpack (UnknotPackReader *pack)
{
  g_autofree char *destination_path = g_build_filename (library, "pack", NULL);
  g_autoptr (GFile) destination = g_file_new_for_path (destination_path);
  g_autoptr (GFile) routine = NULL;
  g_autoptr (GError) error = NULL;
  Tally tally = { 0 };

  routine = unknot_pack_reader_extract (pack, destination, &error);
  if (routine == NULL)
    {
      /* The file system may refuse what the checks let through (a long path); then
       * nothing is left. */
      g_assert_nonnull (error);
      assert_library_holds (NULL);
      return;
    }

  assert_library_holds ("pack");
  g_assert_true (g_file_query_exists (routine, NULL));
  tally_tree (destination_path, &tally);
  g_assert_cmpuint (tally.n_entries, <=, UNKNOT_PACK_MAX_FILES);
  g_assert_cmpuint (tally.size, <=, UNKNOT_PACK_MAX_UNPACKED_BYTES);
  remove_tree (destination_path);
}

/* What happened to an input, in words, for the files in crashes/. */
static char *
open_pack (const guint8 *data,
           size_t        size,
           gboolean      unpack_it)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (UnknotPackReader) pack = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;

  pack = unknot_pack_reader_new_for_bytes (bytes, &error);
  if (pack == NULL)
    {
      g_assert_error (error, UNKNOT_PACK_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return g_strdup_printf ("refused %d", error->code);
    }

  g_assert_true (g_str_has_suffix (unknot_pack_reader_get_routine_name (pack), ".xml"));
  routine = unknot_pack_reader_load_routine (pack, parser, NULL, &problems, &error);
  g_assert_nonnull (problems);
  if (routine == NULL)
    {
      g_assert_error (error, UNKNOT_ROUTINE_ERROR, error->code);
      g_assert_cmpuint (problems->len, >, 0);
      return g_strdup_printf ("invalid %d", error->code);
    }

  if (unpack_it)
    unpack (pack);
  return g_strdup_printf ("valid %u", unknot_routine_get_n_items (routine));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_free (open_pack (data, size, TRUE));
  return 0;
}

char *
fuzz_harness_describe (const guint8 *data,
                       size_t        size)
{
  return open_pack (data, size, FALSE);
}
