/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-compat.h"
#include "unknot-player-page.h"
#include "unknot-summary-page.h"
#include "unknot-ui-test.h"

/* A phone-sized window, 360 × 640: the player, the summary, Preferences and Shortcuts
 * fit in it (the window does not have to grow) or scroll, and what is to be read or
 * pressed is inside the window. */

#define WIDTH 360
#define HEIGHT 640

static UnknotApplication *application;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static gpointer
get_child (const char *page_name,
           GType       page_type,
           const char *name)
{
  return unknot_ui_test_get_child (unknot_ui_test_get_page (get_window (), page_name), page_type,
                                   name);
}

/* @widget lies inside @window, whole, or is inside a scrolled window that lies there and
 * can bring it in sight. */
static void
assert_reachable (GtkWidget *window,
                  GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *shown = scrolled != NULL ? scrolled : widget;
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (shown, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
  /* A scrolled part has room to show something. */
  g_assert_cmpfloat (bounds.size.height, >=, scrolled != NULL ? 120 : 1);
}

/* @widget is in sight as the page opens, without scrolling. */
static void
assert_in_sight (GtkWidget *window,
                 GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds, view;

  assert_reachable (window, widget);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  if (scrolled == NULL)
    return;
  g_assert_true (gtk_widget_compute_bounds (scrolled, window, &view));
  g_assert_cmpfloat (bounds.origin.y, >=, view.origin.y);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, view.origin.y + view.size.height);
}

/* The window stayed at the size asked: its content fits in it. */
static void
assert_window_size (GtkWidget *window,
                    int        width,
                    int        height)
{
  g_assert_cmpint (gtk_widget_get_width (window), <=, width);
  g_assert_cmpint (gtk_widget_get_height (window), <=, height);
}

static gboolean
is_on_summary (gpointer data)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (get_window ()), "summary") == 0;
}

static void
test_player_and_summary (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *widget = GTK_WIDGET (window);
  GtkWidget *rating_box;
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "calves-and-achilles", NULL));
  unknot_session_next (unknot_run_get_session (unknot_window_get_run (window)));
  unknot_ui_test_wait_frames (widget, 4);
  unknot_ui_test_screenshot (widget, "small-player");
  assert_window_size (widget, WIDTH, HEIGHT);
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "ring"));
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "title_label"));
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "instructions_label"));
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "toggle_button"));
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "next_button"));
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "add_time_button"));
  assert_reachable (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "next_label"));
  /* The title is in sight at once; the instructions, under it, scroll into sight. */
  assert_in_sight (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "title_label"));
  adjustment = gtk_scrolled_window_get_vadjustment (get_child ("player", UNKNOT_TYPE_PLAYER_PAGE,
                                                                "scroller"));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  unknot_ui_test_wait_frames (widget, 4);
  assert_in_sight (widget, get_child ("player", UNKNOT_TYPE_PLAYER_PAGE, "instructions_label"));
  unknot_ui_test_screenshot (widget, "small-player-scrolled");

  unknot_run_stop (unknot_window_get_run (window));
  g_assert_true (unknot_test_wait_until (is_on_summary, NULL, 3000));
  unknot_ui_test_wait_frames (widget, 4);
  unknot_ui_test_screenshot (widget, "small-summary");
  assert_window_size (widget, WIDTH, HEIGHT);
  rating_box = get_child ("summary", UNKNOT_TYPE_SUMMARY_PAGE, "rating_box");
  for (GtkWidget *button = gtk_widget_get_first_child (rating_box); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    assert_in_sight (widget, button);
  assert_in_sight (widget, unknot_ui_test_find_label (widget, "5: loose and light"));
  assert_reachable (widget, get_child ("summary", UNKNOT_TYPE_SUMMARY_PAGE, "done_button"));
  assert_reachable (widget, unknot_ui_test_find_label (widget, "Repeat"));
}

static gboolean
has_dialog (gpointer data)
{
  GtkWidget *dialog = unknot_ui_test_get_dialog (get_window ());
  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

static gboolean
has_no_dialog (gpointer data)
{
  return unknot_ui_test_get_dialog (get_window ()) == NULL;
}

/* Opens the dialog @action shows, checks it fits the small window, and closes it. */
static void
check_dialog (const char *action,
              const char *screenshot)
{
  UnknotWindow *window = get_window ();
  GtkWidget *dialog;
  GtkWidget *shown;

  unknot_ui_test_activate (window, action, NULL);
  g_assert_true (unknot_test_wait_until (has_dialog, NULL, 3000));
  dialog = unknot_ui_test_get_dialog (window);
  unknot_ui_test_wait_frames (dialog, 4);
  /* A dialog inside the window fits it; a window of its own is no larger. */
  shown = GTK_IS_WINDOW (dialog) ? dialog : GTK_WIDGET (window);
  unknot_ui_test_screenshot (shown, screenshot);
  assert_window_size (dialog, WIDTH, HEIGHT);
  assert_window_size (GTK_WIDGET (window), WIDTH, HEIGHT);
  /* The shortcuts while a routine runs are a section of their own. */
  if (GTK_IS_SHORTCUTS_WINDOW (dialog))
    {
      g_autofree char *name = g_strconcat (screenshot, "-player", NULL);

      g_object_set (dialog, "section-name", "player", NULL);
      unknot_ui_test_wait_frames (dialog, 4);
      unknot_ui_test_screenshot (dialog, name);
      assert_window_size (dialog, WIDTH, HEIGHT);
    }
  unknot_compat_close_dialog (dialog);
  g_assert_true (unknot_test_wait_until (has_no_dialog, NULL, 3000));
}

static void
test_dialogs (void)
{
  UnknotWindow *window = get_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  unknot_ui_test_activate (window, "win.show-library", NULL);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
#if UNKNOT_HAVE_ADW_DIALOG
  /* Where dialogs are sheets inside the window, libadwaita warns that one asks 360 px
   * where this window, 360 px with the frame drawn around it on a server without a
   * window manager, leaves 350 inside: an artefact of the test's frame, not of a phone.
   * The sizes are checked below all the same. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
#endif
  check_dialog ("app.preferences", "small-preferences");
  check_dialog ("win.show-help-overlay", "small-shortcuts");
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();

  g_test_add_func ("/ui/small-window/player-and-summary", test_player_and_summary);
  g_test_add_func ("/ui/small-window/dialogs", test_dialogs);

  status = g_test_run ();
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
