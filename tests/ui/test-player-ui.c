/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history.h"
#include "unknot-body-map.h"
#include "unknot-player-page.h"
#include "unknot-summary-page.h"
#include "unknot-timer-ring-private.h"
#include "unknot-notification-service.h"
#include "unknot-ui-test.h"

/* A routine run from start to summary in the real window, on the real clock at a high
 * speed factor, controlled through the same actions as the keyboard shortcuts. */

#define SPEED 40.0

static UnknotApplication *application;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotPlayerPage *
get_player_page (void)
{
  return UNKNOT_PLAYER_PAGE (unknot_ui_test_get_page (get_window (), "player"));
}

/* The session of the run the window shows. */
static UnknotSession *
get_session (void)
{
  return unknot_run_get_session (unknot_window_get_run (get_window ()));
}

/* What the player shows, as a user reads it. */
static const char *
get_player_title (void)
{
  return gtk_label_get_label (unknot_ui_test_get_child (get_player_page (),
                                                        UNKNOT_TYPE_PLAYER_PAGE, "title_label"));
}

static const char *
get_player_time (void)
{
  return unknot_timer_ring_get_text (unknot_ui_test_get_child (get_player_page (),
                                                               UNKNOT_TYPE_PLAYER_PAGE, "ring"));
}

static guint32
get_lit_regions (void)
{
  return unknot_body_map_get_highlight (unknot_ui_test_get_child (get_player_page (),
                                                                  UNKNOT_TYPE_PLAYER_PAGE,
                                                                  "body_map"));
}

static gboolean
is_in_first_step (gpointer data)
{
  UnknotSegment *segment = unknot_session_get_segment (get_session ());
  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP;
}

static gboolean
is_on_summary (gpointer data)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (get_window ()), "summary") == 0;
}

static gboolean
is_in_segment_after (gpointer data)
{
  return unknot_session_get_segment_index (get_session ()) > GPOINTER_TO_UINT (data);
}

/* Whether the player's button for @action can be used, as GTK enables it. */
static gboolean
player_action_enabled (const char *action)
{
  GtkWidget *page = GTK_WIDGET (get_player_page ());

  for (GtkWidget *w = gtk_widget_get_first_child (page); w != NULL; )
    {
      if (GTK_IS_ACTIONABLE (w)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        return gtk_widget_is_sensitive (w);
      /* Depth first through the page. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != page && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == page ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_not_reached ();
}

static gboolean
nothing_inhibited (gpointer data)
{
  return unknot_ui_test_get_n_inhibitors () == 0;
}

static void
activate (const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), action, NULL));
}

static void
on_played (UnknotCuePlayer *player,
           const char      *what,
           gint64           time,
           GPtrArray       *played)
{
  g_ptr_array_add (played, g_strdup (what));
}

static gboolean
has_played (GPtrArray  *played,
            const char *prefix)
{
  for (guint i = 0; i < played->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (played, i), prefix))
      return TRUE;
  return FALSE;
}

/* @widget is shown whole inside the window: not scrolled away, not cut at the bottom. */
static void
assert_in_window (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (get_window ());
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
}

/* What to do after a routine stays in sight, in the window as it opens and in a short
 * one, where the rest of the summary scrolls. */
static void
assert_summary_buttons_shown (void)
{
  GtkWindow *window = GTK_WINDOW (get_window ());
  int width, height;

  assert_in_window (unknot_ui_test_find_label (GTK_WIDGET (window), "Back to Library"));
  assert_in_window (unknot_ui_test_find_label (GTK_WIDGET (window), "Repeat"));

  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, width, 360);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <, height);
  assert_in_window (unknot_ui_test_find_label (GTK_WIDGET (window), "Back to Library"));
  gtk_window_set_default_size (window, width, height);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

static void
test_run_to_summary (void)
{
  g_autoptr (GPtrArray) played = g_ptr_array_new_with_free_func (g_free);
  UnknotCuePlayer *player = unknot_application_get_cue_player (application);
  gulong handler = g_signal_connect (player, "played", G_CALLBACK (on_played), played);
  UnknotWindow *window = get_window ();
  UnknotLibrary *library = unknot_application_get_library (application);
  UnknotRoutine *routine = unknot_library_lookup (library, "post-run-recovery");
  UnknotStep *first_step = unknot_routine_get_item (routine, 0);
  UnknotHistory *history = unknot_application_get_history (application);
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *frozen_time = NULL;
  guint index;

  unknot_application_set_speed (application, SPEED);
  g_assert_true (unknot_window_start (window, "post-run-recovery", NULL));
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "player");

  /* The get-ready countdown, then the first step: its title, the time left, and its
   * region lit on the left side first. */
  g_assert_true (unknot_test_wait_until (is_in_first_step, NULL, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (get_player_title (), ==, unknot_step_get_title (first_step));
  g_assert_cmpuint (get_lit_regions (), ==, 1u << unknot_step_get_region (first_step));
  g_assert_true (g_str_has_prefix (get_player_time (), "0:"));
  g_assert_true (player_action_enabled ("player.toggle"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player");

  /* While it runs, the screen stays on and the computer awake. */
  g_assert_cmpuint (unknot_ui_test_get_inhibited_flags (), ==,
                    GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND);

  /* Pause: the time stands still, and the screen may sleep; resume: it moves on. */
  activate ("player.toggle");
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_PAUSED);
  g_assert_true (unknot_test_wait_until (nothing_inhibited, NULL, 2000));
  frozen_time = g_strdup (get_player_time ());
  g_usleep (300000);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (get_player_time (), ==, frozen_time);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-paused");
  activate ("player.toggle");
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_RUNNING);
  g_assert_cmpuint (unknot_ui_test_get_n_inhibitors (), ==, 1);

  /* Next skips the rest of this side at once. */
  index = unknot_session_get_segment_index (get_session ());
  activate ("player.next");
  g_assert_true (unknot_test_wait_until (is_in_segment_after, GUINT_TO_POINTER (index), 1000));

  g_assert_true (unknot_test_wait_until (is_on_summary, NULL, 30000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Well Done"));
  g_assert_true (unknot_test_wait_until (nothing_inhibited, NULL, 2000));

  /* The cues were heard: the chime of a step, and the end of the routine. */
  g_assert_true (has_played (played, "start"));
  g_assert_true (has_played (played, "switch-sides"));
  g_signal_handler_disconnect (player, handler);
  /* Outside a running routine, the player's keys and buttons are off. */
  g_assert_false (player_action_enabled ("player.toggle"));

  /* A preview at a higher speed is not recorded, and the summary says so instead of
   * asking how the muscles feel. */
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window),
                                               "This was a preview at ×40 speed, so it is not "
                                               "in your history."));
  g_assert_null (unknot_ui_test_find_label (GTK_WIDGET (window), "How do your muscles feel"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "summary");
  assert_summary_buttons_shown ();

  sessions = unknot_history_list_sessions (history, 0, 10, NULL);
  g_assert_cmpuint (sessions->len, ==, 0);
}

static gboolean
shows_label (gpointer data)
{
  return unknot_ui_test_find_label (GTK_WIDGET (get_window ()), data) != NULL;
}

/* With no sound output at all, the routine runs on and the user is told once. */
static void
test_no_audio_is_reported_once (void)
{
  UnknotWindow *window = get_window ();
  UnknotCuePlayer *player = unknot_application_get_cue_player (application);

  /* An automatic sink that accepts nothing, as on a machine without a sound card. */
  unknot_cue_player_set_sink (player, "autoaudiosink filter-caps=audio/x-unknot-nothing");
  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "pre-run-warm-up", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  g_assert_false (unknot_cue_player_get_audio_available (player));
  g_assert_true (unknot_test_wait_until (shows_label, (gpointer) "No sound output was found: "
                                         "follow the cues on the screen.", 2000));
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_RUNNING);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-no-audio");

  unknot_session_stop (get_session ());
  unknot_cue_player_set_sink (player, NULL);
}

static gboolean
has_notification (gpointer data)
{
  return unknot_notification_service_get_n_open () > 0;
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

static gboolean
has_no_notification (gpointer data)
{
  return unknot_notification_service_get_n_open () == 0;
}

/* With the window in the background, each new segment is announced by the desktop;
 * back in front, the announcement goes away. */
static void
test_notifies_in_background (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *other = gtk_window_new ();

  gtk_window_set_title (GTK_WINDOW (other), "Another window");
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (unknot_test_wait_until (window_is_active, other, 3000));
  g_assert_false (gtk_window_is_active (GTK_WINDOW (window)));

  unknot_application_set_speed (application, 20.0);
  g_assert_true (unknot_window_start (window, "shins-and-ankles", NULL));
  g_assert_true (unknot_test_wait_until (has_notification, NULL, 5000));
  g_assert_nonnull (unknot_notification_service_get_last ());

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (unknot_test_wait_until (window_is_active, window, 3000));
  g_assert_true (unknot_test_wait_until (has_no_notification, NULL, 3000));

  unknot_session_stop (get_session ());
}

static gboolean
shows_no_dialog (gpointer data)
{
  return unknot_ui_test_get_dialog (get_window ()) == NULL;
}

/* Stops the routine through the player's Stop and its dialog, then waits for the
 * summary. */
static void
stop_and_confirm (void)
{
  GtkWidget *dialog;

  activate ("player.stop");
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  dialog = unknot_ui_test_get_dialog (get_window ());
  g_assert_nonnull (dialog);
  unknot_ui_test_click_button (dialog, "_Stop");
  g_assert_true (unknot_test_wait_until (is_on_summary, NULL, 2000));
}

static void
test_stop_asks_first (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *dialog;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "pre-run-warm-up", NULL));
  activate ("player.stop");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  /* A dialog asks before anything is lost, the routine held still meanwhile;
   * "Continue" goes on. */
  dialog = unknot_ui_test_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (unknot_ui_test_find_label (dialog, "Stop the Routine?"));
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_PAUSED);
  unknot_ui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (dialog)), "player-stop-dialog");
  unknot_ui_test_click_button (dialog, "_Continue");
  g_assert_true (unknot_test_wait_until (shows_no_dialog, NULL, 3000));
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_RUNNING);

  stop_and_confirm ();
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Stopped Early"));
  /* And what of the routine was done: no step ran to its end. */
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), ": 0 of "));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), " steps done, in "));
}

/* Activating @action leaves the player on show and opens no dialog. */
static void
assert_stays_on_player (const char *action)
{
  UnknotWindow *window = get_window ();
  guint n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "player");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows);
}

/* While a routine runs, nothing shows another page in its place: the actions that would
 * are off, and a routine file opened from elsewhere waits with a word to the user. */
static void
test_running_keeps_the_player (void)
{
  UnknotWindow *window = get_window ();
  g_autofree char *path = unknot_test_source_path ("routines", "calves-and-achilles.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "pre-run-warm-up", NULL));
  assert_stays_on_player ("win.search");
  assert_stays_on_player ("win.show-history");
  assert_stays_on_player ("win.show-library");
  assert_stays_on_player ("win.open");
  unknot_window_open_file (window, file);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "player");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "“calves-and-achilles.xml”"));
  unknot_ui_test_close_toast (window);
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_RUNNING);

  stop_and_confirm ();

  /* Once it has ended, the same file opens. */
  unknot_window_open_file (window, file);
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "routine");
  activate ("win.search");
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "library");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();

  g_test_add_func ("/ui/player/run-to-summary", test_run_to_summary);
  g_test_add_func ("/ui/player/stop-asks-first", test_stop_asks_first);
  g_test_add_func ("/ui/player/running-keeps-the-player", test_running_keeps_the_player);
  g_test_add_func ("/ui/player/no-audio-is-reported-once", test_no_audio_is_reported_once);
  g_test_add_func ("/ui/player/notifies-in-background", test_notifies_in_background);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
