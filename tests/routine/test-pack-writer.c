/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "unknot-pack-reader.h"
#include "unknot-pack-writer.h"
#include "unknot-test-utils.h"

/* Packs written by Unknot: what goes in, that other tools read them (Python's zipfile),
 * that Unknot reads them back to the same routine, and that a failed export leaves the
 * file it was to replace as it was. */

static const char *const routine_xml =
  "<?xml version='1.0' encoding='UTF-8'?>\n"
  "<routine format='1' id='calf-care'><name>Calf care</name><description>d</description>\n"
  "<step region='calves' technique='petrissage' duration='5s'><title>Knead</title>\n"
  "<instructions>i</instructions><image src='images/calf.svg'/>\n"
  "<audio src='./audio/../audio/calf.oga'/></step>\n"
  "<step region='calves' technique='friction' duration='5s'><title>Rub</title>\n"
  "<instructions>i</instructions><image src='images/calf.svg'/></step>\n"
  "</routine>\n";

typedef struct
{
  char *folder;
  char *routine_folder;
  GFile *pack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *images = NULL;
  g_autofree char *audio = NULL;
  g_autofree char *sound = unknot_test_source_path ("data", "sounds", "start.oga", NULL);
  g_autofree char *sound_bytes = NULL;
  g_autofree char *sound_copy = NULL;
  gsize sound_size;

  fixture->folder = unknot_test_make_folder ("unknot-pack-writer");
  fixture->routine_folder = g_build_filename (fixture->folder, "calf care", NULL);
  images = g_build_filename (fixture->routine_folder, "images", NULL);
  audio = g_build_filename (fixture->routine_folder, "audio", NULL);
  g_assert_cmpint (g_mkdir_with_parents (images, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (audio, 0755), ==, 0);
  unknot_test_write_file (fixture->routine_folder, "calf-care.xml", routine_xml);
  unknot_test_write_file (images, "calf.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  /* Something the routine does not name stays out of the pack. */
  unknot_test_write_file (images, "draft.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  g_assert_true (g_file_get_contents (sound, &sound_bytes, &sound_size, NULL));
  sound_copy = g_build_filename (audio, "calf.oga", NULL);
  g_assert_true (g_file_set_contents (sound_copy, sound_bytes, sound_size, NULL));
  fixture->pack = g_file_new_build_filename (fixture->folder, "calf-care.unknot", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->pack);
  unknot_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->routine_folder);
}

static UnknotRoutine *
load_named (Fixture    *fixture,
            const char *name)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = g_file_new_build_filename (fixture->routine_folder, name, NULL);
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);

  g_assert_no_error (error);
  return routine;
}

static UnknotRoutine *
load (Fixture *fixture)
{
  return load_named (fixture, "calf-care.xml");
}

/* What Python's zipfile lists in the pack, after checking every entry's CRC. */
static char *
list_with_python (GFile *pack)
{
  const char *script =
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "assert z.testzip() is None\n"
    "print(' '.join(sorted(z.namelist())))\n";
  const char *argv[] = { "python3", "-c", script, g_file_peek_path (pack), NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_strchomp (g_steal_pointer (&out));
}

static void
test_written (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = load (fixture);
  g_autoptr (UnknotPackReader) reader = NULL;
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) read_back = NULL;
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (unknot_pack_writer_write (routine, fixture->pack, &error));
  g_assert_no_error (error);

  /* The routine as it was written, its picture once, its audio by its plain name. */
  names = list_with_python (fixture->pack);
  g_assert_cmpstr (names, ==, "audio/calf.oga calf-care.xml images/calf.svg");

  reader = unknot_pack_reader_new_for_file (fixture->pack, &error);
  g_assert_no_error (error);
  read_back = unknot_pack_reader_load_routine (reader, parser, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_checksum (read_back), ==,
                   unknot_routine_get_checksum (routine));
}

/* A shipped routine, with its translations, goes out as it is. */
static void
test_shipped_routine (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = g_file_new_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "routines",
                                                      "post-run-recovery.xml", NULL);
  g_autoptr (UnknotRoutine) routine = unknot_routine_parser_load_file (parser, file, NULL, NULL,
                                                                       NULL);
  g_autoptr (UnknotPackReader) reader = NULL;
  g_autoptr (UnknotRoutine) read_back = NULL;
  g_autofree char *listed = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (routine);
  g_assert_true (unknot_pack_writer_write (routine, fixture->pack, &error));
  g_assert_no_error (error);
  reader = unknot_pack_reader_new_for_file (fixture->pack, &error);
  g_assert_no_error (error);
  read_back = unknot_pack_reader_load_routine (reader, parser, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_checksum (read_back), ==,
                   unknot_routine_get_checksum (routine));
  listed = list_with_python (fixture->pack);
  g_assert_cmpstr (listed, ==, "post-run-recovery.xml");
}

/* Every picture of a sequence goes in, for each side, and the pack reads back to the
 * same sequences. */
static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  static const char *const pictures[] = { "left-1.svg", "left-2.svg", "right-1.svg",
                                          "right-2.svg" };
  g_autofree char *images = g_build_filename (fixture->routine_folder, "images", NULL);
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (UnknotPackReader) reader = NULL;
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) read_back = NULL;
  g_autofree char *names = NULL;
  g_autoptr (GError) error = NULL;
  UnknotStep *step;

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    unknot_test_write_file (images, pictures[i], "<svg xmlns='http://www.w3.org/2000/svg'/>");
  unknot_test_write_file (fixture->routine_folder, "calf-sequence.xml",
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<routine format='1' id='calf-sequence'><name>Calf sequence</name>\n"
    "<description>d</description>\n"
    "<step region='calves' technique='effleurage' side='each' duration='5s'>\n"
    "<title>Glide</title><instructions>i</instructions>\n"
    "<image src='images/left-1.svg' duration='1s'/><image src='images/left-2.svg' duration='1s'/>\n"
    "<image side='right' src='images/right-1.svg' duration='2s'/>\n"
    "<image side='right' src='images/right-2.svg' duration='2s'/></step>\n"
    "</routine>\n");
  routine = load_named (fixture, "calf-sequence.xml");

  g_assert_true (unknot_pack_writer_write (routine, fixture->pack, &error));
  g_assert_no_error (error);
  names = list_with_python (fixture->pack);
  g_assert_cmpstr (names, ==, "calf-sequence.xml images/left-1.svg images/left-2.svg "
                              "images/right-1.svg images/right-2.svg");

  reader = unknot_pack_reader_new_for_file (fixture->pack, &error);
  g_assert_no_error (error);
  /* Unpacked, the routine finds each of its pictures on disk. */
  read_back = unknot_pack_reader_load_unpacked (reader, parser, NULL, NULL, &error);
  g_assert_no_error (error);
  step = unknot_routine_get_item (read_back, 0);
  g_assert_cmpuint (unknot_picture_sequence_get_n_frames (unknot_step_get_pictures (step)), ==, 2);
  g_assert_cmpuint (unknot_picture_sequence_get_n_frames (unknot_step_get_pictures_right (step)),
                    ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_file_query_exists (
        unknot_picture_sequence_get_file (unknot_step_get_pictures (step), i), NULL));
      g_assert_true (g_file_query_exists (
        unknot_picture_sequence_get_file (unknot_step_get_pictures_right (step), i), NULL));
    }
}

/* A media file gone since the routine was loaded: no pack, and the old file stays. */
static void
test_missing_media (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = load (fixture);
  g_autofree char *audio = g_build_filename (fixture->routine_folder, "audio", "calf.oga", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_replace_contents (fixture->pack, "old", 3, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_cmpint (g_unlink (audio), ==, 0);

  g_assert_false (unknot_pack_writer_write (routine, fixture->pack, &error));
  g_assert_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "“audio/calf.oga”: "));
  g_assert_true (g_file_load_contents (fixture->pack, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

/* Unknot never writes a pack it would refuse: here, one over 64 MiB. */
static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (UnknotRoutine) routine = load (fixture);
  g_autofree char *audio = g_build_filename (fixture->routine_folder, "audio", "calf.oga", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  gsize size = UNKNOT_PACK_MAX_BYTES + 1024 * 1024;
  g_autofree guint32 *noise = g_new (guint32, size / 4);
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < size / 4; i++)
    noise[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (audio, (const char *) noise, size, NULL));

  g_assert_false (unknot_pack_writer_write (routine, fixture->pack, &error));
  g_assert_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than 64"));
  g_assert_false (g_file_query_exists (fixture->pack, NULL));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/pack-writer/written", test_written);
  ADD ("/pack-writer/shipped-routine", test_shipped_routine);
  ADD ("/pack-writer/sequence", test_sequence);
  ADD ("/pack-writer/missing-media", test_missing_media);
  ADD ("/pack-writer/too-large", test_too_large);

  return g_test_run ();
}
