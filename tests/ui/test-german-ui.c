/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "unknot-player-page.h"
#include "unknot-ui-test.h"

/* The app for a German user: the window, the vocabulary and the shipped routines all in
 * German. Expected texts are looked up in the catalogue itself, so the test checks that
 * the app shows the translation, whatever its wording. */

static UnknotApplication *application;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static gboolean
is_in_step (gpointer data)
{
  UnknotRun *run = unknot_window_get_run (get_window ());
  UnknotSegment *segment = unknot_session_get_segment (unknot_run_get_session (run));

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

static void
test_library_in_german (void)
{
  UnknotWindow *window = get_window ();
  const char *prompt = g_dgettext (GETTEXT_PACKAGE, "Click a region to find routines for it");
  UnknotRoutine *routine = unknot_library_lookup (unknot_application_get_library (application),
                                                  "post-run-recovery");

  g_assert_cmpstr (prompt, !=, "Click a region to find routines for it");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), prompt));
  /* The routines are merged with their German texts. */
  g_assert_cmpstr (unknot_routine_get_name (routine), !=, "Post-run recovery");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window),
                                               unknot_routine_get_name (routine)));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "library-de");
}

static void
test_player_in_german (void)
{
  UnknotWindow *window = get_window ();
  UnknotRoutine *routine = unknot_library_lookup (unknot_application_get_library (application),
                                                  "post-run-recovery");
  UnknotStep *first = unknot_routine_get_item (routine, 0);
  GtkLabel *title;

  g_assert_cmpstr (unknot_step_get_title (first), !=, "Stroke the calf");
  unknot_application_set_speed (application, 5.0);
  g_assert_true (unknot_window_start (window, "post-run-recovery", NULL));
  g_assert_true (unknot_test_wait_until (is_in_step, NULL, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  title = unknot_ui_test_get_child (unknot_ui_test_get_page (window, "player"),
                                    UNKNOT_TYPE_PLAYER_PAGE, "title_label");
  g_assert_cmpstr (gtk_label_get_label (title), ==, unknot_step_get_title (first));
  /* The vocabulary too: the region's German name among the step's facts. */
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window),
                                               unknot_region_get_label (UNKNOT_REGION_CALVES)));
  g_assert_cmpstr (unknot_region_get_label (UNKNOT_REGION_CALVES), !=, "Calves");
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-de");

  unknot_run_stop (unknot_window_get_run (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A German desktop, set before GTK and the app read the environment: a German locale
   * (the tests' own, see tests/locale/) and no $LANGUAGE. gtk_test_init() switches to
   * American English, so the locale is set again after it. */
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  gtk_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (setlocale (LC_ALL, ""), ==, "de_DE.UTF-8");
  application = unknot_ui_test_start_application ();

  g_test_add_func ("/ui/german/library", test_library_in_german);
  g_test_add_func ("/ui/german/player", test_player_in_german);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
