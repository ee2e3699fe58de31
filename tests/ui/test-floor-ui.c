/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk/x11/gdkx.h>

#include "unknot-player-page.h"
#include "unknot-ui-test.h"
#include "unknot-xtest.h"

/* Floor mode, entered and left with F11 as a user does, with real key presses and
 * pointer moves on the X server. The private X server has no window manager, which
 * would make the window as large as the screen: the test gives it a screen's size. */

#define SCREEN_WIDTH 1280
#define SCREEN_HEIGHT 1024

static UnknotApplication *application;
static UnknotXTest *xtest;

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

static gpointer
get_player_child (const char *name)
{
  return unknot_ui_test_get_child (get_player_page (), UNKNOT_TYPE_PLAYER_PAGE, name);
}

static void
press (const char *accelerator)
{
  GtkWidget *window = GTK_WIDGET (get_window ());

  unknot_xtest_focus (xtest, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  unknot_ui_test_wait_frames (window, 2);
  unknot_xtest_press (xtest, accelerator);
}

static gboolean
is_floor_mode (gpointer data)
{
  return unknot_player_page_get_floor_mode (get_player_page ()) == GPOINTER_TO_INT (data);
}

/* Whether the header bar is on screen: its revealer open, its transition over. */
static gboolean
header_shown (gpointer data)
{
  GtkRevealer *revealer = get_player_child ("header_revealer");

  return gtk_revealer_get_reveal_child (revealer) == GPOINTER_TO_INT (data)
         && gtk_revealer_get_child_revealed (revealer) == GPOINTER_TO_INT (data);
}

static int
get_height (const char *name)
{
  return gtk_widget_get_height (GTK_WIDGET (get_player_child (name)));
}

static void
test_floor_mode (void)
{
  UnknotWindow *window = get_window ();
  GtkWidget *title;
  int normal_ring, normal_title;

  gtk_window_set_default_size (GTK_WINDOW (window), SCREEN_WIDTH, SCREEN_HEIGHT);
  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "calves-and-achilles", NULL));
  press ("space");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  title = get_player_child ("title_label");
  normal_ring = get_height ("ring");
  normal_title = gtk_widget_get_height (title);
  g_assert_true (header_shown (GINT_TO_POINTER (TRUE)));

  /* F11: the ring fills most of the screen's height (the time left and the side are
   * drawn in it, sized to it), the title is twice as tall, the header bar is gone. */
  press ("F11");
  g_assert_true (unknot_test_wait_until (is_floor_mode, GINT_TO_POINTER (TRUE), 3000));
  g_assert_true (unknot_test_wait_until (header_shown, GINT_TO_POINTER (FALSE), 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_cmpint (get_height ("ring"), >=, SCREEN_HEIGHT / 2);
  g_assert_cmpint (get_height ("ring"), >, normal_ring * 2);
  g_assert_cmpint (gtk_widget_get_height (title), >=, normal_title * 2);
  g_assert_true (unknot_ui_test_is_showing (title));
  g_assert_true (unknot_ui_test_is_showing (get_player_child ("body_map")));
  g_assert_false (gtk_widget_get_visible (get_player_child ("instructions_label")));
  /* Nothing has to scroll: the controls are still on screen. */
  g_assert_true (unknot_ui_test_is_showing (get_player_child ("toggle_button")));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-floor");

  /* The status line a screen reader hears stays on screen with the header bar gone. */
  press ("space");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (get_player_child ("status_label")));
  g_assert_cmpstr (gtk_label_get_label (get_player_child ("status_label")), ==, "Resumed");
  press ("space");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_label_get_label (get_player_child ("status_label")), ==, "Paused");

  /* The pointer moves: the header bar comes back, and goes again when it rests. */
  unknot_xtest_move_pointer (xtest, SCREEN_WIDTH / 2, SCREEN_HEIGHT / 2);
  unknot_xtest_move_pointer (xtest, SCREEN_WIDTH / 2 + 20, SCREEN_HEIGHT / 2 + 20);
  g_assert_true (unknot_test_wait_until (header_shown, GINT_TO_POINTER (TRUE), 3000));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-floor-pointer");
  g_assert_true (unknot_test_wait_until (header_shown, GINT_TO_POINTER (FALSE), 6000));

  /* F11 again: back to the usual player. */
  press ("F11");
  g_assert_true (unknot_test_wait_until (is_floor_mode, GINT_TO_POINTER (FALSE), 3000));
  g_assert_true (unknot_test_wait_until (header_shown, GINT_TO_POINTER (TRUE), 3000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_true (gtk_widget_get_visible (get_player_child ("instructions_label")));
  g_assert_cmpint (get_height ("ring"), ==, normal_ring);

  unknot_session_stop (unknot_run_get_session (unknot_window_get_run (window)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  g_test_add_func ("/ui/floor/f11", test_floor_mode);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  g_application_quit (G_APPLICATION (application));
  g_clear_object (&application);
  return status;
}
