/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "unknot-player-page.h"
#include "unknot-routine-row.h"
#include "unknot-ui-test.h"

/* Where the keyboard is must be plain to see. WCAG 2.2 measures a focus indicator by
 * the same pixels in the focused and the unfocused state: they must change by at least
 * 3:1 (and, at its highest level, over an area as large as a 2 px line around the
 * control). Here the focus is moved by a real key press onto the player's blue Pause
 * button and onto a library row, in the light and in the dark style, and the window is
 * rendered with its focus shown and with it hidden: the pixels around the control that
 * changed by 3:1 must cover at least its perimeter, a 1 px line all round (the edges of
 * a 2 px ring are smoothed, and do not all reach 3:1). libadwaita's own half-strength
 * ring changes none of them by 3:1. */

#define MIN_CONTRAST 3.0
/* px around the control where its ring may be; it also covers the few pixels by which
 * GTK's bounds and its drawing disagree for some widgets */
#define AROUND       8
#define TRANSITION_MS 400 /* libadwaita fades rings in and out in 200 ms */

static UnknotApplication *application;
static UnknotXTest *xtest;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

/* ---- pixels ------------------------------------------------------------------------- */

typedef struct
{
  GdkTexture *texture;
  guint32 *pixels;     /* premultiplied ARGB, as GdkTexture downloads */
  int width;
  int height;
} Picture;

static Picture *
picture_take (const char *screenshot_name)
{
  Picture *picture = g_new0 (Picture, 1);

  unknot_ui_test_screenshot (GTK_WIDGET (get_window ()), screenshot_name);
  picture->texture = unknot_ui_test_render (GTK_WIDGET (get_window ()));
  picture->width = gdk_texture_get_width (picture->texture);
  picture->height = gdk_texture_get_height (picture->texture);
  picture->pixels = g_new (guint32, (gsize) picture->width * picture->height);
  gdk_texture_download (picture->texture, (guchar *) picture->pixels, picture->width * 4);
  return picture;
}

static void
picture_free (Picture *picture)
{
  g_object_unref (picture->texture);
  g_free (picture->pixels);
  g_free (picture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picture, picture_free)

static double
linear (guint8 channel)
{
  double c = channel / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG's relative luminance of an opaque pixel. */
static double
luminance_at (Picture *picture,
              int      x,
              int      y)
{
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, picture->width);
  g_assert_cmpint (y, <, picture->height);
  pixel = picture->pixels[(gsize) y * picture->width + x];
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  return 0.2126 * linear ((pixel >> 16) & 0xff) + 0.7152 * linear ((pixel >> 8) & 0xff) +
         0.0722 * linear (pixel & 0xff);
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* How many pixels around @bounds changed by MIN_CONTRAST from @hidden to @shown. */
static guint
count_changed (Picture               *shown,
               Picture               *hidden,
               const graphene_rect_t *bounds)
{
  int left = MAX ((int) bounds->origin.x - AROUND, 0);
  int top = MAX ((int) bounds->origin.y - AROUND, 0);
  int right = MIN ((int) (bounds->origin.x + bounds->size.width) + AROUND, shown->width);
  int bottom = MIN ((int) (bounds->origin.y + bounds->size.height) + AROUND, shown->height);
  guint changed = 0;

  for (int y = top; y < bottom; y++)
    for (int x = left; x < right; x++)
      if (contrast (luminance_at (shown, x, y), luminance_at (hidden, x, y)) >= MIN_CONTRAST)
        changed++;
  return changed;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Until @widget stays where it is: a list scrolls smoothly to the row that takes the
 * focus. */
static void
wait_still (GtkWidget *widget)
{
  graphene_rect_t before = unknot_ui_test_get_bounds (widget, GTK_WIDGET (get_window ()));
  graphene_rect_t now;

  for (guint tries = 0; tries < 100; tries++)
    {
      unknot_ui_test_wait_frames (widget, 3);
      now = unknot_ui_test_get_bounds (widget, GTK_WIDGET (get_window ()));
      if (graphene_rect_equal (&now, &before))
        return;
      before = now;
    }
  g_error ("The focused widget never came to rest");
}

/* ---- the cases ---------------------------------------------------------------------- */

static void
set_dark (gboolean dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (adw_style_manager_get_dark (style) == dark);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
}

/* The keyboard's focus, moved there by a real key press, which is what shows rings. */
static GtkWidget *
press_to_focus (const char *key)
{
  GtkWidget *focus;

  unknot_xtest_press (xtest, key);
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  focus = gtk_root_get_focus (GTK_ROOT (get_window ()));
  g_assert_nonnull (focus);
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (get_window ())));
  return focus;
}

/* The window with its focus shown or hidden, once it has faded in or out. */
static Picture *
picture_with_focus (gboolean    visible,
                    const char *screenshot_name)
{
  gtk_window_set_focus_visible (GTK_WINDOW (get_window ()), visible);
  unknot_test_wait_until (never, NULL, TRANSITION_MS);
  return picture_take (screenshot_name);
}

/* Around @widget, which has the focus: the pixels that its ring changes by 3:1 cover
 * at least its perimeter. */
static void
assert_ring_stands_out (GtkWidget  *widget,
                        const char *screenshot_name)
{
  g_autofree char *hidden_name = g_strconcat (screenshot_name, "-unfocused", NULL);
  g_autoptr (Picture) hidden = NULL;
  g_autoptr (Picture) shown = NULL;
  graphene_rect_t bounds;
  guint changed;
  guint perimeter;

  wait_still (widget);
  bounds = unknot_ui_test_get_bounds (widget, GTK_WIDGET (get_window ()));
  hidden = picture_with_focus (FALSE, hidden_name);
  shown = picture_with_focus (TRUE, screenshot_name);
  changed = count_changed (shown, hidden, &bounds);
  perimeter = (guint) (2 * (bounds.size.width + bounds.size.height));
  g_test_message ("%s: %u pixels changed by %.0f:1 or more, perimeter %u", screenshot_name,
                  changed, MIN_CONTRAST, perimeter);
  g_assert_cmpuint (changed, >=, perimeter);
}

/* The Pause button is blue: its ring must stand out from the window beside it. */
static void
check_pause_button (gboolean dark)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "player");
  GtkWidget *pause = unknot_ui_test_get_child (page, UNKNOT_TYPE_PLAYER_PAGE, "toggle_button");
  GtkWidget *previous = gtk_widget_get_prev_sibling (pause);

  set_dark (dark);
  g_assert_true (gtk_widget_grab_focus (previous));
  g_assert_true (press_to_focus ("Tab") == pause);
  assert_ring_stands_out (pause, dark ? "focus-ring-pause-dark" : "focus-ring-pause");
}

static void
test_pause_button (void)
{
  g_assert_true (unknot_window_start (get_window (), "calves-and-achilles", NULL));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  check_pause_button (FALSE);
  check_pause_button (TRUE);
}

/* A library row, reached with the arrow keys from the row above. */
static void
check_library_row (gboolean dark)
{
  GtkWidget *first = unknot_ui_test_find_mapped (GTK_WIDGET (get_window ()),
                                                 UNKNOT_TYPE_ROUTINE_ROW);
  GtkWidget *row;

  set_dark (dark);
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_grab_focus (first));
  row = press_to_focus ("Down");
  g_assert_true (UNKNOT_IS_ROUTINE_ROW (row));
  g_assert_true (row != first);
  assert_ring_stands_out (row, dark ? "focus-ring-row-dark" : "focus-ring-row");
}

static void
test_library_row (void)
{
  unknot_ui_test_focus_window (xtest, GTK_WINDOW (get_window ()));
  check_library_row (FALSE);
  check_library_row (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  xtest = unknot_xtest_open ();

  /* The library first: the run that the player's case starts is left running. */
  g_test_add_func ("/ui/focus-ring/library-row", test_library_row);
  g_test_add_func ("/ui/focus-ring/pause-button", test_pause_button);

  status = g_test_run ();
  unknot_xtest_close (xtest);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  g_clear_object (&application);
  return status;
}
