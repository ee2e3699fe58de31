/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk/x11/gdkx.h>

#include "unknot-summary-page.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* The summary after a routine stopped early, read and rated as its user does: by
 * keyboard, with real key presses on the X server. */

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotRun *
get_run (void)
{
  return unknot_window_get_run (get_window ());
}

static gpointer
get_summary_child (const char *name)
{
  return unknot_ui_test_get_child (unknot_ui_test_get_page (get_window (), "summary"),
                                   UNKNOT_TYPE_SUMMARY_PAGE, name);
}

static gboolean
is_on_summary (gpointer data)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (get_window ()), "summary") == 0;
}

static gboolean
is_rated (gpointer data)
{
  return unknot_run_get_rating (get_run ()) == GPOINTER_TO_UINT (data);
}

/* The summary's button for @rating, 1 to 5. */
static GtkWidget *
get_rating_button (guint rating)
{
  GtkWidget *button = gtk_widget_get_first_child (get_summary_child ("rating_box"));

  for (guint i = 1; i < rating; i++)
    button = gtk_widget_get_next_sibling (button);
  return button;
}

/* Moves the keyboard focus to @rating's button and presses Space, as a keyboard user
 * chooses it. */
static void
press_rating (guint rating)
{
  GtkWidget *window = GTK_WIDGET (get_window ());

  unknot_xtest_focus (xtest, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  unknot_ui_test_wait_frames (window, 2);
  g_assert_true (gtk_widget_grab_focus (get_rating_button (rating)));
  unknot_xtest_press (xtest, "space");
}

/* Only the button of @rating looks chosen: pressed, and filled in the accent colour. */
static void
assert_marked (guint rating)
{
  for (guint i = 1; i <= 5; i++)
    {
      GtkWidget *button = get_rating_button (i);

      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)), ==, i == rating);
      g_assert_cmpint (gtk_widget_has_css_class (button, "suggested-action"), ==, i == rating);
    }
}

static void
test_stopped_run_summary (void)
{
  UnknotWindow *window = get_window ();
  AdwStatusPage *status;
  GtkLabel *chosen;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "pre-run-warm-up", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  unknot_run_stop (get_run ());
  g_assert_true (unknot_test_wait_until (is_on_summary, NULL, 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  /* A title in the header, and for a run stopped early, a neutral clock of the history
   * instead of the stop button's square. */
  g_assert_cmpstr (adw_window_title_get_title (get_summary_child ("window_title")), ==,
                   "Pre-run warm-up");
  g_assert_cmpstr (adw_window_title_get_subtitle (get_summary_child ("window_title")), ==,
                   "Summary");
  status = get_summary_child ("status_page");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Stopped Early");
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "document-open-recent-symbolic");

  /* Both ends of the scale in words, in sight; nothing chosen yet. */
  g_assert_true (unknot_ui_test_is_showing (unknot_ui_test_find_label (GTK_WIDGET (window),
                                                                       "1: still tight")));
  g_assert_true (unknot_ui_test_is_showing (unknot_ui_test_find_label (GTK_WIDGET (window),
                                                                       "5: loose and light")));
  assert_marked (0);
  chosen = get_summary_child ("rating_chosen_label");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chosen)));

  /* Choosing 4 marks it and says what it means. */
  press_rating (4);
  g_assert_true (unknot_test_wait_until (is_rated, GUINT_TO_POINTER (4), 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  assert_marked (4);
  g_assert_true (unknot_ui_test_is_showing (GTK_WIDGET (chosen)));
  g_assert_cmpstr (gtk_label_get_label (chosen), ==, "4 of 5: Loose");
  unknot_ui_test_screenshot (GTK_WIDGET (window), "summary-stopped-rated");

  /* Pressing it again keeps it. */
  press_rating (4);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_cmpuint (unknot_run_get_rating (get_run ()), ==, 4);
  assert_marked (4);

  /* Another one replaces it. */
  press_rating (2);
  g_assert_true (unknot_test_wait_until (is_rated, GUINT_TO_POINTER (2), 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  assert_marked (2);
  g_assert_cmpstr (gtk_label_get_label (chosen), ==, "2 of 5: A little looser");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/summary/stopped-run", test_stopped_run_summary);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
