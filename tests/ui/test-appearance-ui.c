/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-body-map.h"
#include "unknot-timer-ring.h"
#include "unknot-ui-test.h"

/* The player in the dark style, in high contrast and right to left: each saved as a
 * screenshot, with the layout checked for what a picture alone would not prove. */

static UnknotApplication *application;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static graphene_rect_t
bounds_in_window (GtkWidget *widget)
{
  return unknot_ui_test_get_bounds (widget, GTK_WIDGET (get_window ()));
}

static void
show_player (void)
{
  UnknotWindow *window = get_window ();

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, "calves-and-achilles", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 3);
}

/* The ring and the body map sit side by side without touching, inside the window. */
static void
assert_player_layout (gboolean right_to_left)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "player");
  graphene_rect_t ring =
    bounds_in_window (unknot_ui_test_find_mapped (page, UNKNOT_TYPE_TIMER_RING));
  graphene_rect_t map = bounds_in_window (unknot_ui_test_find_mapped (page, UNKNOT_TYPE_BODY_MAP));
  int width = gtk_widget_get_width (GTK_WIDGET (get_window ()));

  g_assert_false (graphene_rect_intersection (&ring, &map, NULL));
  g_assert_cmpfloat (MIN (ring.origin.x, map.origin.x), >=, 0);
  g_assert_cmpfloat (MAX (ring.origin.x + ring.size.width, map.origin.x + map.size.width), <=,
                     width);
  if (right_to_left)
    g_assert_cmpfloat (ring.origin.x, >, map.origin.x);
  else
    g_assert_cmpfloat (ring.origin.x, <, map.origin.x);
}

static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  show_player ();
  g_assert_true (adw_style_manager_get_dark (style));
  assert_player_layout (FALSE);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "player-dark");
  unknot_run_stop (unknot_window_get_run (get_window ()));
  unknot_ui_test_activate (get_window (), "win.show-library", NULL);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "library-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
is_high_contrast (gpointer data)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

static void
test_high_contrast (void)
{
  g_autoptr (GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  g_assert_true (unknot_test_wait_until (is_high_contrast, NULL, 2000));
  show_player ();
  assert_player_layout (FALSE);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "player-high-contrast");
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
}

static void
test_right_to_left (void)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  show_player ();
  assert_player_layout (TRUE);
  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), "player-rtl");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  assert_player_layout (FALSE);
}

/* The player's button with this label lies whole inside the window. */
static void
assert_control_shown (const char *label)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "player");
  graphene_rect_t bounds = bounds_in_window (unknot_ui_test_find_label (page, label));

  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (get_window ())));
}

/* A phone-sized window: nothing forces it wider, and the controls stay in sight while
 * the step's text scrolls. */
static void
test_narrow_player (void)
{
  GtkWindow *window = GTK_WINDOW (get_window ());
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, 360, 640);
  show_player ();
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  assert_control_shown ("Stop");
  assert_control_shown ("+15 s");
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-narrow");
  gtk_window_set_default_size (window, width, height);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();

  g_test_add_func ("/ui/appearance/dark", test_dark);
  g_test_add_func ("/ui/appearance/high-contrast", test_high_contrast);
  g_test_add_func ("/ui/appearance/right-to-left", test_right_to_left);
  g_test_add_func ("/ui/appearance/narrow-player", test_narrow_player);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
