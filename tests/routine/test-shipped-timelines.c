/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-test-utils.h"

/* What `unknot --timeline` says for each shipped routine, against the files in
 * tests/routine/timelines/, so that a change to a routine's timing, or to the engine,
 * is always a deliberate one. After such a change, review and rewrite the golden file:
 *
 *   unknot --timeline routines/ID.xml > tests/routine/timelines/ID.timeline
 *
 * run from the source root with the default settings (GSETTINGS_BACKEND=memory). */

static void
test_timeline (gconstpointer data)
{
  const char *id = data;
  g_autofree char *root = g_strdup (g_getenv ("UNKNOT_SOURCE_ROOT"));
  g_autofree char *routine = g_strdup_printf ("routines/%s.xml", id);
  g_autofree char *golden_name = g_strdup_printf ("%s.timeline", id);
  g_autofree char *golden_path = unknot_test_source_path ("tests", "routine", "timelines",
                                                          golden_name, NULL);
  g_autofree char *golden = NULL;
  const char *arguments[] = { "--timeline", routine, NULL };
  g_auto (UnknotTestRun) run = { 0 };

  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  unknot_test_run_unknot (root, NULL, arguments, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, golden);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = unknot_test_source_path ("routines", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  /* Every shipped routine has its golden file; a new routine fails here until it has one. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && !g_str_equal (name, "template.xml"))
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - strlen (".xml")));
  g_ptr_array_sort (ids, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/shipped-timelines/%s",
                                               (char *) g_ptr_array_index (ids, i));
      g_test_add_data_func (path, g_ptr_array_index (ids, i), test_timeline);
    }

  return g_test_run ();
}
