/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk/x11/gdkx.h>

#include "unknot-player-page.h"
#include "unknot-timer-ring-private.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* The player driven by the keyboard as its user drives it: real key presses on the X
 * server, through GTK's shortcuts, into a routine running on the real clock. */

static UnknotApplication *application;
static UnknotXTest *xtest;

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

static gpointer
get_player_child (const char *name)
{
  return unknot_ui_test_get_child (unknot_ui_test_get_page (get_window (), "player"),
                                   UNKNOT_TYPE_PLAYER_PAGE, name);
}

/* Presses @accelerator in the window (or dialog) that @widget is in, as a keyboard. */
static void
press_in (GtkWidget  *widget,
          const char *accelerator)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  unknot_xtest_focus (xtest, gdk_x11_surface_get_xid (surface));
  unknot_ui_test_wait_frames (widget, 2);
  unknot_xtest_press (xtest, accelerator);
}

typedef struct
{
  UnknotSegmentKind kind;
  guint step_number;
  UnknotSide side;
} Place;

static gboolean
is_at (gpointer data)
{
  const Place *place = data;
  UnknotSegment *segment = unknot_session_get_segment (get_session ());

  return unknot_segment_get_kind (segment) == place->kind
         && unknot_segment_get_step_number (segment) == place->step_number
         && unknot_segment_get_side (segment) == place->side;
}

/* Presses @key and waits until the session is at @kind, @step_number, @side. */
static void
press_and_expect (const char        *key,
                  UnknotSegmentKind  kind,
                  guint              step_number,
                  UnknotSide         side)
{
  Place place = { kind, step_number, side };

  press_in (GTK_WIDGET (get_window ()), key);
  g_assert_true (unknot_test_wait_until (is_at, &place, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
}

static gboolean
is_state (gpointer data)
{
  return unknot_session_get_state (get_session ()) == (UnknotSessionState) GPOINTER_TO_INT (data);
}

static gboolean
add_time_enabled (void)
{
  return gtk_widget_is_sensitive (get_player_child ("add_time_button"));
}

static gboolean
has_total (gpointer data)
{
  return unknot_session_get_total (get_session ()) == *(gint64 *) data;
}

static const char *
next_tooltip (void)
{
  return gtk_widget_get_tooltip_text (get_player_child ("next_button"));
}

/* → goes a step at a time (from a left side to its right side), ← back the same way,
 * and neither lands in the gap between the sides; +15 s only lengthens a step. The
 * routine is paused throughout, so nothing moves on by itself. */
static void
test_arrows_move_by_step (void)
{
  UnknotWindow *window = get_window ();
  gint64 total;
  gint64 expected_total;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "calves-and-achilles", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (unknot_segment_get_kind (unknot_session_get_segment (get_session ())), ==,
                   UNKNOT_SEGMENT_PREPARE);
  press_in (GTK_WIDGET (window), "space");
  g_assert_true (unknot_test_wait_until (is_state, GINT_TO_POINTER (UNKNOT_SESSION_PAUSED), 3000));

  /* Getting ready: +15 s is off, and its key lengthens nothing. */
  total = unknot_session_get_total (get_session ());
  g_assert_false (add_time_enabled ());
  press_in (GTK_WIDGET (window), "KP_Add");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpint (unknot_session_get_total (get_session ()), ==, total);
  g_assert_cmpstr (next_tooltip (), ==, "Skip to the Next Step");

  press_and_expect ("Right", UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_LEFT);
  g_assert_cmpstr (next_tooltip (), ==, "Skip to the Right Side");
  g_assert_true (add_time_enabled ());
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-keys-left-side");

  /* From the left side straight to the right side, over the switch gap. */
  press_and_expect ("Right", UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_RIGHT);
  g_assert_cmpstr (next_tooltip (), ==, "Skip to the Next Step");
  press_and_expect ("Left", UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_LEFT);

  /* +15 s on the left side gives both sides 15 s more; "+" is Shift and "=" on the
   * keyboard of the test's X server. */
  press_in (GTK_WIDGET (window), "<Shift>plus");
  expected_total = total + 30000;
  g_assert_true (unknot_test_wait_until (has_total, &expected_total, 3000));

  press_and_expect ("Right", UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_RIGHT);
  press_and_expect ("Right", UNKNOT_SEGMENT_STEP, 2, UNKNOT_SIDE_LEFT);
  press_and_expect ("Left", UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_RIGHT);
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_PAUSED);

  /* On to the last step's right side, one step or side a press; from there → ends. */
  for (guint step = 2; step <= 6; step++)
    {
      press_and_expect ("Right", UNKNOT_SEGMENT_STEP, step, UNKNOT_SIDE_LEFT);
      press_and_expect ("Right", UNKNOT_SEGMENT_STEP, step, UNKNOT_SIDE_RIGHT);
    }
  g_assert_cmpstr (next_tooltip (), ==, "Skip to the End");
  press_in (GTK_WIDGET (window), "Right");
  g_assert_true (unknot_test_wait_until (is_state, GINT_TO_POINTER (UNKNOT_SESSION_FINISHED),
                                         3000));
}

static gboolean
shows_dialog (gpointer data)
{
  return (unknot_ui_test_get_dialog (get_window ()) != NULL) == GPOINTER_TO_INT (data);
}

static gboolean
time_moved (gpointer data)
{
  return unknot_session_get_remaining (get_session ()) < *(gint64 *) data;
}

/* Escape asks before stopping, and the routine holds still while the question is open:
 * the time left does not move; "Continue" (Enter, its default) lets it move on. */
static void
test_stop_question_pauses (void)
{
  UnknotWindow *window = get_window ();
  Place first_step = { UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_LEFT };
  GtkWidget *dialog;
  gint64 remaining;
  g_autofree char *shown_time = NULL;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "pre-run-warm-up", NULL));
  press_and_expect ("Right", first_step.kind, first_step.step_number, first_step.side);
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_RUNNING);

  press_in (GTK_WIDGET (window), "Escape");
  g_assert_true (unknot_test_wait_until (shows_dialog, GINT_TO_POINTER (TRUE), 3000));
  dialog = unknot_ui_test_get_dialog (window);
  g_assert_nonnull (unknot_ui_test_find_label (dialog, "Stop the Routine?"));
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_PAUSED);
  remaining = unknot_session_get_remaining (get_session ());
  shown_time = g_strdup (unknot_timer_ring_get_text (get_player_child ("ring")));

  /* Long enough for the figures to turn over twice, were the clock still running. */
  g_usleep (2100000);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_cmpint (unknot_session_get_remaining (get_session ()), ==, remaining);
  g_assert_cmpstr (unknot_timer_ring_get_text (get_player_child ("ring")), ==, shown_time);

  press_in (dialog, "Return");
  g_assert_true (unknot_test_wait_until (shows_dialog, GINT_TO_POINTER (FALSE), 3000));
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_RUNNING);
  g_assert_true (unknot_test_wait_until (time_moved, &remaining, 3000));
  g_assert_true (is_at (&first_step));

  /* Paused before the question, it stays paused after "Continue". */
  press_in (GTK_WIDGET (window), "space");
  g_assert_true (unknot_test_wait_until (is_state, GINT_TO_POINTER (UNKNOT_SESSION_PAUSED), 3000));
  press_in (GTK_WIDGET (window), "Escape");
  g_assert_true (unknot_test_wait_until (shows_dialog, GINT_TO_POINTER (TRUE), 3000));
  press_in (unknot_ui_test_get_dialog (window), "Return");
  g_assert_true (unknot_test_wait_until (shows_dialog, GINT_TO_POINTER (FALSE), 3000));
  g_assert_cmpint (unknot_session_get_state (get_session ()), ==, UNKNOT_SESSION_PAUSED);

  unknot_session_stop (get_session ());
}

/* For waiting a while with the main loop running. */
static gboolean
never (gpointer data)
{
  return FALSE;
}

typedef struct
{
  guint n_moves;
  gint64 worst_lateness_ms;  /* after a whole second of time left, at a move */
} RingMoves;

static void
on_ring_moved (UnknotTimerRing *ring,
               GParamSpec      *pspec,
               RingMoves       *moves)
{
  gint64 remaining = unknot_session_get_remaining (get_session ());
  gint64 lateness = (1000 - remaining % 1000) % 1000;

  moves->n_moves++;
  moves->worst_lateness_ms = MAX (moves->worst_lateness_ms, lateness);
}

/* The ring moves with the figures, once a second on the second, and tells assistive
 * technologies its value, not a new name each time. */
static void
test_ring_moves_on_the_second (void)
{
  UnknotWindow *window = get_window ();
  Place first_step = { UNKNOT_SEGMENT_STEP, 1, UNKNOT_SIDE_LEFT };
  UnknotTimerRing *ring = get_player_child ("ring");
  RingMoves moves = { 0, 0 };
  gulong handler;
  gint64 left;
  g_autofree char *value_text = NULL;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "calves-and-achilles", NULL));
  press_and_expect ("Right", first_step.kind, first_step.step_number, first_step.side);

  handler = g_signal_connect (ring, "notify::fraction", G_CALLBACK (on_ring_moved), &moves);
  g_assert_false (unknot_test_wait_until (never, NULL, 3200));
  g_signal_handler_disconnect (ring, handler);
  /* Three or four seconds turned over (the old ring moved four times a second); each
   * move came with the second, give or take a busy machine. */
  g_assert_cmpuint (moves.n_moves, >=, 2);
  g_assert_cmpuint (moves.n_moves, <=, 4);
  g_assert_cmpint (moves.worst_lateness_ms, <, 500);

  left = unknot_session_get_remaining_seconds (get_session ());
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Time left");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN,
                                       0.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                       40.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                       (double) left);
  value_text = g_strdup_printf ("0:%02d left, Left side", (int) left);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       value_text);

  /* Paused, the value says so. */
  press_in (GTK_WIDGET (window), "space");
  g_assert_true (unknot_test_wait_until (is_state, GINT_TO_POINTER (UNKNOT_SESSION_PAUSED), 3000));
  g_free (value_text);
  value_text = g_strdup_printf ("0:%02d left, Paused",
                                (int) unknot_session_get_remaining_seconds (get_session ()));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ring), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       value_text);

  unknot_session_stop (get_session ());
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GTK's own record of what widgets tell assistive technologies, without the
   * accessibility bus the other UI tests leave out. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/player-keys/arrows-move-by-step", test_arrows_move_by_step);
  g_test_add_func ("/ui/player-keys/stop-question-pauses", test_stop_question_pauses);
  g_test_add_func ("/ui/player-keys/ring-moves-on-the-second", test_ring_moves_on_the_second);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
