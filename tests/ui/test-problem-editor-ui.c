/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "unknot-problem-row.h"
#include "unknot-ui-test.h"

/* A routine file with a problem, opened from its row in the library to be mended: a
 * real click on the row, and Enter on it, start the user's text editor with the file.
 * The editor is a script made the default for text/plain the way a desktop records it
 * (a desktop file and mimeapps.list), found and started by GIO as any editor would be;
 * it writes down the arguments it was given. */

static UnknotApplication *application;
static UnknotXTest *xtest;
static char *opened_record;     /* what the editor writes */

static const char broken_routine[] =
  "<routine format='1' id='my-draft'><name>My draft</name><description>d</description>\n"
  "<step region='calfs' technique='petrissage' duration='30s'>"
  "<title>Knead</title><instructions>i</instructions></step></routine>\n";

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static void
install_editor (void)
{
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "editor.sh", NULL);
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications",
                                                    NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;

  opened_record = g_build_filename (g_get_user_data_dir (), "editor-opened", NULL);
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$@\" > '%s.part'\n"
                                 "mv '%s.part' '%s'\n",
                                 opened_record, opened_record, opened_record);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Editor\n"
                                  "Exec=%s %%f\nMimeType=text/plain;\n", script);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0755), ==, 0);
  unknot_test_write_file (applications, "unknot-test-editor.desktop", desktop_text);
  unknot_test_write_file (g_get_user_config_dir (), "mimeapps.list",
                          "[Default Applications]\ntext/plain=unknot-test-editor.desktop\n");
}

static gboolean
has_problem (gpointer data)
{
  return g_list_model_get_n_items (unknot_library_get_problems (data)) == 1;
}

static gboolean
editor_has_opened (gpointer data)
{
  return g_file_test (opened_record, G_FILE_TEST_EXISTS);
}

/* Waits for the editor, and returns the arguments it was started with. */
static char *
take_editor_arguments (void)
{
  char *arguments = NULL;

  g_assert_true (unknot_test_wait_until (editor_has_opened, NULL, 10000));
  g_assert_true (g_file_get_contents (opened_record, &arguments, NULL, NULL));
  g_remove (opened_record);
  return arguments;
}

static void
test_open_problem_file (void)
{
  UnknotLibrary *library = unknot_application_get_library (application);
  g_autofree char *folder = g_file_get_path (unknot_library_get_user_folder (library));
  g_autofree char *path = g_build_filename (folder, "my-draft.xml", NULL);
  g_autofree char *expected = g_strconcat (path, "\n", NULL);
  g_autofree char *clicked = NULL;
  g_autofree char *entered = NULL;
  GtkWidget *row;

  install_editor ();
  unknot_ui_test_activate (get_window (), "win.show-library", NULL);
  unknot_test_write_file (folder, "my-draft.xml", broken_routine);
  g_assert_true (unknot_test_wait_until (has_problem, library, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  row = unknot_ui_test_find_mapped (GTK_WIDGET (get_window ()), UNKNOT_TYPE_PROBLEM_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (unknot_ui_test_find_label (row, "line 2: unknown region 'calfs'"));

  /* Enter on the row, reached from the keyboard; the page scrolls to it. */
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  g_assert_true (gtk_widget_grab_focus (row));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "library-problem-editor");
  unknot_xtest_press (xtest, "Return");
  entered = take_editor_arguments ();
  g_assert_cmpstr (entered, ==, expected);

  /* A click on the row's text, away from its button. */
  unknot_ui_test_click (xtest, row, 0.3);
  clicked = take_editor_arguments ();
  g_assert_cmpstr (clicked, ==, expected);
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/problem-editor/open", test_open_problem_file);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_clear_object (&application);
  g_free (opened_record);
  return status;
}
