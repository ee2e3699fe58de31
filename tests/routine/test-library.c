/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <glib/gstdio.h>

#include "unknot-library.h"
#include "unknot-test-utils.h"

/* The library watches real folders in a temporary directory; every change must reach
 * the model and the problem list within a second. */

#define WAIT_MS 1000

typedef struct
{
  char *root;
  char *shipped;
  char *user;
  UnknotLibrary *library;
  guint n_changes;
  guint last_position, last_removed, last_added;
} Fixture;

static char *
routine_xml_for_region (const char *id,
                        const char *name,
                        const char *region)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<routine format=\"1\" id=\"%s\">\n"
                          "  <name>%s</name>\n"
                          "  <description>A test routine.</description>\n"
                          "  <step region=\"%s\" technique=\"petrissage\" duration=\"30s\">\n"
                          "    <title>Knead</title>\n"
                          "    <instructions>Knead the calf.</instructions>\n"
                          "  </step>\n"
                          "</routine>\n", id, name, region);
}

static char *
routine_xml (const char *id,
             const char *name)
{
  return routine_xml_for_region (id, name, "calves");
}

static void
write_routine (const char *folder,
               const char *file_name,
               const char *id,
               const char *name)
{
  g_autofree char *xml = routine_xml (id, name);
  unknot_test_write_file (folder, file_name, xml);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) shipped = NULL;
  g_autoptr (GFile) user = NULL;

  fixture->root = unknot_test_make_folder ("unknot-library");
  fixture->shipped = g_build_filename (fixture->root, "shipped", NULL);
  fixture->user = g_build_filename (fixture->root, "data", "unknot", "routines", NULL);
  g_mkdir (fixture->shipped, 0700);
  write_routine (fixture->shipped, "b.xml", "bravo", "Bravo");
  write_routine (fixture->shipped, "a.xml", "alpha", "Alpha");

  shipped = g_file_new_for_path (fixture->shipped);
  user = g_file_new_for_path (fixture->user);
  fixture->library = unknot_library_new (parser, shipped, user);
  g_signal_connect (fixture->library, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->library);
  unknot_test_remove_folder (fixture->root);
  g_free (fixture->root);
  g_free (fixture->shipped);
  g_free (fixture->user);
}

static guint
n_routines (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->library));
}

static guint
n_problems (Fixture *fixture)
{
  return g_list_model_get_n_items (unknot_library_get_problems (fixture->library));
}

static const char *
name_at (Fixture *fixture,
         guint    position)
{
  g_autoptr (UnknotRoutine) routine = g_list_model_get_item (G_LIST_MODEL (fixture->library),
                                                             position);
  /* The library keeps its own reference, so the name outlives this one. */
  return unknot_routine_get_name (routine);
}

typedef struct
{
  Fixture *fixture;
  guint routines;
  guint problems;
} Expected;

static gboolean
counts_are (gpointer data)
{
  Expected *expected = data;
  return n_routines (expected->fixture) == expected->routines
         && n_problems (expected->fixture) == expected->problems;
}

static void
assert_counts_soon (Fixture *fixture,
                    guint    routines,
                    guint    problems)
{
  Expected expected = { fixture, routines, problems };

  unknot_test_wait_until (counts_are, &expected, WAIT_MS);
  g_assert_cmpuint (n_routines (fixture), ==, routines);
  g_assert_cmpuint (n_problems (fixture), ==, problems);
}

typedef struct
{
  Fixture *fixture;
  const char *id;
  const char *name;
} ExpectedName;

static gboolean
name_is (gpointer data)
{
  ExpectedName *expected = data;
  UnknotRoutine *routine = unknot_library_lookup (expected->fixture->library, expected->id);
  return routine != NULL && g_strcmp0 (unknot_routine_get_name (routine), expected->name) == 0;
}

/* Waits until the routine with @id carries @name, i.e. the save was read in. */
static void
assert_name_soon (Fixture    *fixture,
                  const char *id,
                  const char *name)
{
  ExpectedName expected = { fixture, id, name };
  g_assert_true (unknot_test_wait_until (name_is, &expected, WAIT_MS));
}

static UnknotProblem *
problem_at (Fixture *fixture,
            guint    position)
{
  GListModel *problems = unknot_library_get_problems (fixture->library);
  g_autoptr (UnknotProblem) problem = g_list_model_get_item (problems, position);
  return problem;
}

static void
test_loads_sorted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (n_routines (fixture), ==, 2);
  g_assert_cmpuint (n_problems (fixture), ==, 0);
  g_assert_cmpstr (name_at (fixture, 0), ==, "Alpha");
  g_assert_cmpstr (name_at (fixture, 1), ==, "Bravo");
  g_assert_nonnull (unknot_library_lookup (fixture->library, "bravo"));
  g_assert_null (unknot_library_lookup (fixture->library, "charlie"));
  /* The user's folder is made when missing. */
  g_assert_true (g_file_test (fixture->user, G_FILE_TEST_IS_DIR));
}

static void
test_follows_add_change_break_fix_delete (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->user, "mine.xml", NULL);
  g_autofree char *broken = NULL;
  UnknotProblem *problem;

  write_routine (fixture->user, "mine.xml", "mine", "Charlie");
  assert_counts_soon (fixture, 3, 0);
  g_assert_cmpstr (name_at (fixture, 2), ==, "Charlie");

  write_routine (fixture->user, "mine.xml", "mine", "Aardvark");
  assert_name_soon (fixture, "mine", "Aardvark");
  g_assert_cmpstr (name_at (fixture, 0), ==, "Aardvark");

  broken = routine_xml_for_region ("mine", "Broken", "calfs");
  unknot_test_write_file (fixture->user, "mine.xml", broken);
  assert_counts_soon (fixture, 2, 1);
  problem = problem_at (fixture, 0);
  g_assert_true (g_str_has_suffix (unknot_problem_get_filename (problem), "mine.xml"));
  g_assert_cmpuint (unknot_problem_get_line (problem), ==, 5);
  g_assert_cmpuint (unknot_problem_get_column (problem), ==, 9);
  g_assert_nonnull (strstr (unknot_problem_get_message (problem), "calves"));

  write_routine (fixture->user, "mine.xml", "mine", "Fixed");
  assert_name_soon (fixture, "mine", "Fixed");
  g_assert_cmpuint (n_problems (fixture), ==, 0);

  g_assert_cmpint (g_remove (path), ==, 0);
  assert_counts_soon (fixture, 2, 0);
}

static void
test_rename_keeps_routine (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = g_build_filename (fixture->user, "one.xml", NULL);
  g_autofree char *after = g_build_filename (fixture->user, "two.xml", NULL);

  write_routine (fixture->user, "one.xml", "one", "One");
  assert_counts_soon (fixture, 3, 0);
  g_assert_cmpint (g_rename (before, after), ==, 0);
  /* Still three: the event for the old name must not drop the new one. */
  assert_counts_soon (fixture, 3, 0);
  g_assert_nonnull (unknot_library_lookup (fixture->library, "one"));
}

static gboolean
has_changed (gpointer data)
{
  Fixture *fixture = data;
  return fixture->n_changes > 0;
}

static void
test_one_change_one_notification (Fixture       *fixture,
                                  gconstpointer  data)
{
  write_routine (fixture->shipped, "c.xml", "charlie", "Charlie");
  assert_counts_soon (fixture, 3, 0);

  fixture->n_changes = 0;
  write_routine (fixture->shipped, "b.xml", "bravo", "Bravo two");
  unknot_test_wait_until (has_changed, fixture, WAIT_MS);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  /* Only the changed routine is replaced; the others keep their identity. */
  g_assert_cmpuint (fixture->last_position, ==, 1);
  g_assert_cmpuint (fixture->last_removed, ==, 1);
  g_assert_cmpuint (fixture->last_added, ==, 1);
}

static void
test_duplicate_id_first_wins (Fixture       *fixture,
                              gconstpointer  data)
{
  UnknotProblem *problem;
  g_autofree char *shipped_b = g_build_filename (fixture->shipped, "b.xml", NULL);

  write_routine (fixture->user, "copy.xml", "bravo", "Bravo copy");
  assert_counts_soon (fixture, 2, 1);
  problem = problem_at (fixture, 0);
  g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_suffix (unknot_problem_get_filename (problem), "copy.xml"));
  g_assert_cmpuint (unknot_problem_get_line (problem), ==, 2);
  g_assert_cmpstr (name_at (fixture, 1), ==, "Bravo");

  /* Once the first is gone, the second is no longer a duplicate. */
  g_assert_cmpint (g_remove (shipped_b), ==, 0);
  assert_name_soon (fixture, "bravo", "Bravo copy");
  assert_counts_soon (fixture, 2, 0);
}

static void
test_routine_pack_in_subfolder (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *pack = g_build_filename (fixture->user, "pack", NULL);

  g_assert_cmpint (g_mkdir (pack, 0700), ==, 0);
  assert_counts_soon (fixture, 2, 0);
  write_routine (pack, "packed.xml", "packed", "Packed");
  assert_counts_soon (fixture, 3, 0);
  unknot_test_remove_folder (pack);
  assert_counts_soon (fixture, 2, 0);
}

static void
test_add_routine_copies_media (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *outside = g_build_filename (fixture->root, "outside", NULL);
  g_autofree char *images = g_build_filename (outside, "images", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) added = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *copied_image = NULL;

  g_mkdir_with_parents (images, 0700);
  unknot_test_write_file (images, "calf.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  unknot_test_write_file (outside, "shared.xml",
                          "<routine format=\"1\" id=\"shared\"><name>Shared</name>"
                          "<description>From a friend.</description>"
                          "<step region=\"calves\" technique=\"effleurage\" duration=\"20s\">"
                          "<title>Stroke</title><instructions>Stroke up.</instructions>"
                          "<image src=\"images/calf.svg\"/></step></routine>");
  file = g_file_new_build_filename (outside, "shared.xml", NULL);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);

  added = unknot_library_add_routine (fixture->library, routine, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (added, NULL));
  copied_image = g_build_filename (fixture->user, "shared", "images", "calf.svg", NULL);
  g_assert_true (g_file_test (copied_image, G_FILE_TEST_IS_REGULAR));
  /* Read in at once, without waiting for the folder monitor. */
  g_assert_nonnull (unknot_library_lookup (fixture->library, "shared"));

  g_clear_object (&added);
  added = unknot_library_add_routine (fixture->library, routine, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (added);
}

static void
test_user_folder_is_a_file (void)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *root = unknot_test_make_folder ("unknot-library");
  g_autofree char *shipped = g_build_filename (root, "shipped", NULL);
  g_autoptr (GFile) shipped_file = g_file_new_for_path (shipped);
  g_autoptr (GFile) user_file = g_file_new_build_filename (root, "data", "unknot", "routines",
                                                           NULL);
  g_autoptr (UnknotLibrary) library = NULL;
  g_autoptr (UnknotProblem) problem = NULL;

  g_mkdir (shipped, 0700);
  write_routine (shipped, "a.xml", "alpha", "Alpha");
  /* $XDG_DATA_HOME pointing to a file */
  unknot_test_write_file (root, "data", "not a folder");

  library = unknot_library_new (parser, shipped_file, user_file);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (unknot_library_get_problems (library)), >=, 1);
  problem = g_list_model_get_item (unknot_library_get_problems (library), 0);
  g_assert_nonnull (strstr (unknot_problem_get_message (problem), "cannot create the folder"));

  g_clear_object (&library);
  unknot_test_remove_folder (root);
}

static void
test_folder_deleted_while_watched (Fixture       *fixture,
                                   gconstpointer  data)
{
  write_routine (fixture->user, "mine.xml", "mine", "Mine");
  assert_counts_soon (fixture, 3, 0);
  unknot_test_remove_folder (fixture->user);
  assert_counts_soon (fixture, 2, 0);
}

/* Deleted, then made again (a sync tool or a restore from backup): watched again, and
 * its routines appear. GLib looks for a watched folder that has gone missing every few
 * seconds, hence the longer wait. */
static void
test_folder_made_again_is_watched (Fixture       *fixture,
                                   gconstpointer  data)
{
  Expected expected = { fixture, 3, 0 };
  ExpectedName changed = { fixture, "back", "Changed" };

  unknot_test_remove_folder (fixture->user);
  assert_counts_soon (fixture, 2, 0);

  g_assert_cmpint (g_mkdir_with_parents (fixture->user, 0700), ==, 0);
  write_routine (fixture->user, "back.xml", "back", "Back again");
  g_assert_true (unknot_test_wait_until (counts_are, &expected, 15 * WAIT_MS));
  assert_name_soon (fixture, "back", "Back again");

  /* And it is followed from then on, not read once. */
  write_routine (fixture->user, "back.xml", "back", "Changed");
  g_assert_true (unknot_test_wait_until (name_is, &changed, 15 * WAIT_MS));
}

/* The default library where $XDG_DATA_HOME is a file, or unset with $HOME a fresh
 * folder. GLib reads these once per process, so each runs in a child of its own. */
static void
default_library_child (const char *data_home)
{
  g_autofree char *root = unknot_test_make_folder ("unknot-library-XXXXXX");
  g_autofree char *file = g_build_filename (root, "data", NULL);
  g_autoptr (UnknotLibrary) library = NULL;
  g_autoptr (UnknotProblem) problem = NULL;
  g_autoptr (GFile) user = NULL;
  GListModel *problems;

  if (data_home != NULL)
    {
      unknot_test_write_file (root, "data", "not a folder");
      g_setenv ("XDG_DATA_HOME", file, TRUE);
    }
  else
    {
      g_unsetenv ("XDG_DATA_HOME");
      g_setenv ("HOME", root, TRUE);
    }

  library = unknot_library_new_default ();
  /* The shipped routines load either way. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), >, 5);
  problems = unknot_library_get_problems (library);
  user = g_file_new_build_filename (data_home ? file : root, data_home ? "" : ".local/share",
                                    "unknot", "routines", NULL);
  g_assert_true (g_file_equal (unknot_library_get_user_folder (library), user));

  if (data_home != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
      problem = g_list_model_get_item (problems, 0);
      g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_IO);
      g_assert_nonnull (strstr (unknot_problem_get_message (problem), "cannot create the folder"));
    }
  else
    {
      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
      g_assert_true (g_file_query_exists (user, NULL));
    }

  g_clear_object (&library);
  unknot_test_remove_folder (root);
}

static void
test_default_library_data_home_is_a_file (void)
{
  if (g_test_subprocess ())
    {
      default_library_child ("file");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_default_library_data_home_unset (void)
{
  if (g_test_subprocess ())
    {
      default_library_child (NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/loads-sorted", test_loads_sorted);
  ADD ("/library/follows-add-change-break-fix-delete", test_follows_add_change_break_fix_delete);
  ADD ("/library/rename-keeps-routine", test_rename_keeps_routine);
  ADD ("/library/one-change-one-notification", test_one_change_one_notification);
  ADD ("/library/duplicate-id-first-wins", test_duplicate_id_first_wins);
  ADD ("/library/routine-pack-in-subfolder", test_routine_pack_in_subfolder);
  ADD ("/library/add-routine-copies-media", test_add_routine_copies_media);
  ADD ("/library/folder-deleted-while-watched", test_folder_deleted_while_watched);
  ADD ("/library/folder-made-again-is-watched", test_folder_made_again_is_watched);
#undef ADD
  g_test_add_func ("/library/user-folder-is-a-file", test_user_folder_is_a_file);
  g_test_add_func ("/library/default/data-home-is-a-file",
                   test_default_library_data_home_is_a_file);
  g_test_add_func ("/library/default/data-home-unset", test_default_library_data_home_unset);

  return g_test_run ();
}
