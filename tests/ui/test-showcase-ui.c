/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-body-map.h"
#include "unknot-library-page.h"
#include "unknot-ui-test.h"

/* The app as a user sees it on an ordinary day, photographed for the README and the
 * AppStream metainfo. data/screenshots/ holds copies of these pictures; after a change
 * to how the app looks, copy the new showcase-*.png from meson-logs/screenshots/ there. */

static UnknotApplication *application;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotSession *
get_session (void)
{
  return unknot_run_get_session (unknot_window_get_run (get_window ()));
}

static void
test_library (void)
{
  UnknotWindow *window = get_window ();
  UnknotBodyMap *map = unknot_ui_test_get_child (unknot_ui_test_get_page (window, "library"),
                                                 UNKNOT_TYPE_LIBRARY_PAGE, "body_map");

  unknot_body_map_set_selection (map, 1u << UNKNOT_REGION_CALVES);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Routines for Calves"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "showcase-library");
  unknot_body_map_set_selection (map, 0);
}

static void
test_routine (void)
{
  UnknotWindow *window = get_window ();
  UnknotRoutine *routine = unknot_library_lookup (unknot_application_get_library (application),
                                                  "after-long-run");

  unknot_ui_test_activate (window, "win.show-routine",
                           g_variant_new_string (unknot_routine_get_id (routine)));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Twenty minutes"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "showcase-routine");
}

static gboolean
is_a_while_into_first_step (gpointer data)
{
  UnknotSession *session = get_session ();
  UnknotSegment *segment = unknot_session_get_segment (session);

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP
         && unknot_session_get_remaining (session) < unknot_segment_get_duration (segment) - 4000;
}

/* A step a few seconds in, at normal speed: the ring partly run, the calf lit. */
static void
test_player (void)
{
  UnknotWindow *window = get_window ();

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "calves-and-achilles", NULL));
  /* Past the get-ready countdown, as a runner would be. */
  unknot_session_next (get_session ());
  g_assert_true (unknot_test_wait_until (is_a_while_into_first_step, NULL, 8000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_null (unknot_ui_test_find_label (GTK_WIDGET (window), "×"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "showcase-player");
  unknot_session_stop (get_session ());
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  gtk_window_set_default_size (GTK_WINDOW (get_window ()), 900, 700);

  g_test_add_func ("/ui/showcase/library", test_library);
  g_test_add_func ("/ui/showcase/routine", test_routine);
  g_test_add_func ("/ui/showcase/player", test_player);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
