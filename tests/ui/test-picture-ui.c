/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-player-page.h"
#include "unknot-step-picture.h"
#include "unknot-test-utils.h"
#include "unknot-ui-test.h"

/* A step's picture in the player: shown as drawn for the left side, mirrored for the
 * right side, gone for a step without one, and pictures in turn for a sequence. The
 * pictures are ones the app has never seen, written here: a red bar on the left and a
 * blue dot on the right, so that a flip shows in the pixels the window renders; for a
 * sequence, a red one and a blue one. */

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

static UnknotStepPicture *
get_picture (void)
{
  GtkWidget *page = unknot_ui_test_get_page (get_window (), "player");
  return unknot_ui_test_get_child (page, UNKNOT_TYPE_PLAYER_PAGE, "picture");
}

static char *
write_routine (const char *folder)
{
  unknot_test_write_file (folder, "bar-and-dot.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\n"
    "  <rect width=\"200\" height=\"100\" fill=\"#ffffff\"/>\n"
    "  <rect x=\"10\" y=\"10\" width=\"50\" height=\"80\" fill=\"#ff0000\"/>\n"
    "  <circle cx=\"160\" cy=\"50\" r=\"20\" fill=\"#0000ff\"/>\n"
    "</svg>\n");
  unknot_test_write_file (folder, "pictured.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"pictured\">\n"
    "  <name>With a picture</name>\n"
    "  <description>A step on each side with a picture, then one without.</description>\n"
    "  <prepare duration=\"1s\"/>\n"
    "  <step region=\"calves\" technique=\"compression\" tool=\"hands\" side=\"each\"\n"
    "        duration=\"30s\" switch=\"5s\">\n"
    "    <title>Press the calf</title>\n"
    "    <instructions>Press and hold.</instructions>\n"
    "    <image src=\"bar-and-dot.svg\"/>\n"
    "  </step>\n"
    "  <step region=\"shins\" technique=\"compression\" tool=\"hands\" duration=\"30s\">\n"
    "    <title>Press the shin</title>\n"
    "    <instructions>Press along the bone, not on it.</instructions>\n"
    "  </step>\n"
    "</routine>\n");
  return g_build_filename (folder, "pictured.xml", NULL);
}

/* In a step, on @data's side. */
static gboolean
is_in_step_on_side (gpointer data)
{
  UnknotSegment *segment = unknot_session_get_segment (get_session ());

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP
         && unknot_segment_get_side (segment) == (UnknotSide) GPOINTER_TO_INT (data);
}

static gboolean
is_in_step_number (gpointer data)
{
  UnknotSegment *segment = unknot_session_get_segment (get_session ());

  return segment != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP
         && unknot_segment_get_step_number (segment) == GPOINTER_TO_UINT (data);
}

static gboolean
is_loaded (gpointer data)
{
  return unknot_step_picture_is_loaded (get_picture ());
}

/* Skips segments until @condition holds. */
static void
skip_until (gboolean (*condition) (gpointer),
            gpointer  data)
{
  for (guint i = 0; i < 4 && !condition (data); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "player.next", NULL));
      unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 1);
    }
  g_assert_true (unknot_test_wait_until (condition, data, 3000));
}

/* @widget as the window renders it, as 32-bit pixels of @width × @height. */
static guint32 *
render_pixels (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guint32 *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  g_assert_cmpint (*width, >, 0);
  g_assert_cmpint (*height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_new (guint32, (gsize) *width * *height);
  gdk_texture_download (texture, (guchar *) pixels, (gsize) *width * 4);
  return pixels;
}

/* Cairo's order: B, G, R, A in memory on a little-endian machine. */
static gboolean
is_red (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) > 200 && ((pixel >> 8) & 0xff) < 60 && (pixel & 0xff) < 60;
}

static gboolean
is_blue (guint32 pixel)
{
  return (pixel & 0xff) > 200 && ((pixel >> 16) & 0xff) < 60 && ((pixel >> 8) & 0xff) < 60;
}

/* Where the red bar is, across the picture as the window renders it: 0 at its left
 * edge, 1 at its right. */
static double
find_red (GtkWidget *widget)
{
  int width, height;
  g_autofree guint32 *pixels = render_pixels (widget, &width, &height);
  double sum = 0;
  guint count = 0, blue = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixels[y * width + x];

        if (is_red (pixel))
          {
            sum += x;
            count++;
          }
        else if (is_blue (pixel))
          blue++;
      }
  /* The bar and the dot are there, large: not a thumbnail, not cut off. */
  g_assert_cmpuint (count, >, (guint) (width * height / 20));
  g_assert_cmpuint (blue, >, (guint) (width * height / 100));
  return sum / count / width;
}

/* The shares of red and of blue pixels in @widget as the window renders it. */
static void
measure_colours (GtkWidget *widget,
                 double    *red,
                 double    *blue)
{
  int width, height;
  g_autofree guint32 *pixels = render_pixels (widget, &width, &height);
  guint n_red = 0, n_blue = 0;

  for (int i = 0; i < width * height; i++)
    {
      n_red += is_red (pixels[i]);
      n_blue += is_blue (pixels[i]);
    }
  *red = (double) n_red / (width * height);
  *blue = (double) n_blue / (width * height);
}

static void
test_picture_left_right_and_none (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-picture-ui");
  g_autofree char *path = write_routine (folder);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  UnknotWindow *window = get_window ();
  UnknotStepPicture *picture;
  GtkWidget *toggle;
  graphene_rect_t bounds;
  int width, height;

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, NULL, file));
  picture = get_picture ();

  /* The left side: the picture as drawn, the bar on the left. */
  g_assert_true (unknot_test_wait_until (is_in_step_on_side, GINT_TO_POINTER (UNKNOT_SIDE_LEFT),
                                         5000));
  g_assert_true (unknot_test_wait_until (is_loaded, NULL, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (unknot_ui_test_is_showing (GTK_WIDGET (picture)));
  g_assert_false (unknot_step_picture_get_mirrored (picture));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (picture)), >=, 80);
  g_assert_cmpfloat (find_red (GTK_WIDGET (picture)), <, 0.3);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-left");

  /* The right side: mirrored, the bar on the right. */
  skip_until (is_in_step_on_side, GINT_TO_POINTER (UNKNOT_SIDE_RIGHT));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (unknot_ui_test_is_showing (GTK_WIDGET (picture)));
  g_assert_true (unknot_step_picture_get_mirrored (picture));
  g_assert_cmpfloat (find_red (GTK_WIDGET (picture)), >, 0.7);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-right");

  /* In a phone-sized window the picture shrinks beside the timer, nothing is cut off
   * at the sides, and the controls stay in sight below. (GTK 4.14 and later warn, which
   * fails the test, where a box's natural size at this width is below its minimum, as
   * the player's row was while the picture asked for its full height at least.) */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 4);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (picture), GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_true (unknot_step_picture_get_mirrored (picture));
  g_test_message ("picture at 360 × 640: %d × %d", gtk_widget_get_width (GTK_WIDGET (picture)),
                  gtk_widget_get_height (GTK_WIDGET (picture)));
  toggle = unknot_ui_test_get_child (unknot_ui_test_get_page (window, "player"),
                                     UNKNOT_TYPE_PLAYER_PAGE, "toggle_button");
  g_assert_true (gtk_widget_compute_bounds (toggle, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (window)));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);

  /* A step without a picture: no picture, and no room left for one. */
  skip_until (is_in_step_number, GUINT_TO_POINTER (2));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picture)));
  g_assert_null (unknot_step_picture_get_file (picture));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-none");

  unknot_session_stop (get_session ());
  unknot_test_remove_folder (folder);
}

/* A right side drawn by the author: shown as drawn, not the left one mirrored. The
 * right side's picture has its red bar on the right. */
static void
test_picture_for_the_right_side (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-picture-sides-ui");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) right_picture = NULL;
  g_autoptr (GFile) parent = NULL;
  UnknotWindow *window = get_window ();
  UnknotStepPicture *picture;

  unknot_test_write_file (folder, "bar-on-the-right.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\n"
    "  <rect width=\"200\" height=\"100\" fill=\"#ffffff\"/>\n"
    "  <rect x=\"140\" y=\"10\" width=\"50\" height=\"80\" fill=\"#ff0000\"/>\n"
    "  <circle cx=\"40\" cy=\"50\" r=\"20\" fill=\"#0000ff\"/>\n"
    "</svg>\n");
  unknot_test_write_file (folder, "bar-and-dot.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\n"
    "  <rect width=\"200\" height=\"100\" fill=\"#ffffff\"/>\n"
    "  <rect x=\"10\" y=\"10\" width=\"50\" height=\"80\" fill=\"#ff0000\"/>\n"
    "  <circle cx=\"160\" cy=\"50\" r=\"20\" fill=\"#0000ff\"/>\n"
    "</svg>\n");
  unknot_test_write_file (folder, "sides.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"picture-sides\">\n"
    "  <name>A picture for each side</name>\n"
    "  <description>One step, drawn for each side.</description>\n"
    "  <prepare duration=\"1s\"/>\n"
    "  <step region=\"calves\" technique=\"compression\" tool=\"hands\" side=\"each\"\n"
    "        duration=\"30s\" switch=\"5s\">\n"
    "    <title>Press the calf</title>\n"
    "    <instructions>Press and hold.</instructions>\n"
    "    <image src=\"bar-and-dot.svg\"/>\n"
    "    <image side=\"right\" src=\"bar-on-the-right.svg\"/>\n"
    "  </step>\n"
    "</routine>\n");
  path = g_build_filename (folder, "sides.xml", NULL);
  file = g_file_new_for_path (path);
  parent = g_file_get_parent (file);
  right_picture = g_file_get_child (parent, "bar-on-the-right.svg");

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, NULL, file));
  picture = get_picture ();
  g_assert_true (unknot_test_wait_until (is_in_step_on_side, GINT_TO_POINTER (UNKNOT_SIDE_LEFT),
                                         5000));
  g_assert_true (unknot_test_wait_until (is_loaded, NULL, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpfloat (find_red (GTK_WIDGET (picture)), <, 0.3);

  skip_until (is_in_step_on_side, GINT_TO_POINTER (UNKNOT_SIDE_RIGHT));
  g_assert_true (unknot_test_wait_until (is_loaded, NULL, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (g_file_equal (unknot_step_picture_get_file (picture), right_picture));
  g_assert_false (unknot_step_picture_get_mirrored (picture));
  g_assert_cmpfloat (find_red (GTK_WIDGET (picture)), >, 0.7);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-right-own");

  unknot_session_stop (get_session ());
  unknot_test_remove_folder (folder);
}

/* How far into the segment under way the session is, in routine ms. */
static gint64
get_segment_elapsed (void)
{
  UnknotSegment *segment = unknot_session_get_segment (get_session ());

  return unknot_segment_get_duration (segment) - unknot_session_get_remaining (get_session ());
}

static gboolean
is_past (gpointer data)
{
  return get_segment_elapsed () >= GPOINTER_TO_INT (data);
}

static gboolean
keep_polling (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits until the playhead is @ms into the segment: the session wakes only on whole
 * seconds, so a short timer wakes the loop to look in between. */
static void
wait_for_playhead (gint64 ms)
{
  guint poll = g_timeout_add (10, keep_polling, NULL);

  g_assert_true (unknot_test_wait_until (is_past, GINT_TO_POINTER ((int) ms), 10000));
  g_source_remove (poll);
}

/* The player shows @data, a GFile, as the step's picture, drawn. */
static gboolean
shows_file (gpointer data)
{
  GFile *shown = unknot_step_picture_get_file (get_picture ());

  return shown != NULL && g_file_equal (shown, data)
         && unknot_step_picture_is_loaded (get_picture ());
}

static void
write_square (const char *folder,
              const char *name,
              const char *colour)
{
  g_autofree char *svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                          "width=\"200\" height=\"100\">\n"
                                          "  <rect width=\"200\" height=\"100\" fill=\"%s\"/>\n"
                                          "</svg>\n", colour);

  unknot_test_write_file (folder, name, svg);
}

/* A sequence of two pictures, a second each: the first at the start of the step, the
 * second once the playhead is past one second. The session is paused to look, so the
 * picture must follow the session's time, not a clock of its own; it runs at half
 * speed, so that the test does not depend on the machine being quick. */
static void
test_picture_sequence (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-picture-sequence-ui");
  g_autofree char *path = g_build_filename (folder, "sequence.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) red_file = g_file_new_build_filename (folder, "red.svg", NULL);
  g_autoptr (GFile) blue_file = g_file_new_build_filename (folder, "blue.svg", NULL);
  UnknotWindow *window = get_window ();
  UnknotStepPicture *picture;
  double red, blue;

  write_square (folder, "red.svg", "#ff0000");
  write_square (folder, "blue.svg", "#0000ff");
  unknot_test_write_file (folder, "sequence.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<routine format=\"1\" id=\"picture-sequence\">\n"
    "  <name>Pictures in turn</name>\n"
    "  <description>One step, two pictures that take turns.</description>\n"
    "  <prepare duration=\"1s\"/>\n"
    "  <step region=\"calves\" technique=\"effleurage\" tool=\"hands\" duration=\"30s\">\n"
    "    <title>Stroke the calf</title>\n"
    "    <instructions>Glide up and down.</instructions>\n"
    "    <image src=\"red.svg\" duration=\"1s\"/>\n"
    "    <image src=\"blue.svg\" duration=\"1s\"/>\n"
    "  </step>\n"
    "</routine>\n");

  unknot_application_set_speed (application, 0.5);
  g_assert_true (unknot_window_start (window, NULL, file));
  picture = get_picture ();

  /* At the start of the step: the first picture. */
  g_assert_true (unknot_test_wait_until (is_in_step_number, GUINT_TO_POINTER (1), 10000));
  unknot_session_pause (get_session ());
  g_assert_cmpint (get_segment_elapsed (), <, 1000);
  g_assert_true (unknot_test_wait_until (shows_file, red_file, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  measure_colours (GTK_WIDGET (picture), &red, &blue);
  g_test_message ("at the start: %.2f red, %.2f blue", red, blue);
  g_assert_cmpfloat (red, >, 0.25);
  g_assert_cmpfloat (blue, <, 0.01);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-sequence-first");

  /* 1.2 s into the step: the second. */
  unknot_session_resume (get_session ());
  wait_for_playhead (1200);
  unknot_session_pause (get_session ());
  g_assert_cmpint (get_segment_elapsed (), <, 2000);
  g_assert_true (unknot_test_wait_until (shows_file, blue_file, 5000));
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  measure_colours (GTK_WIDGET (picture), &red, &blue);
  g_test_message ("after 1.2 s: %.2f red, %.2f blue", red, blue);
  g_assert_cmpfloat (blue, >, 0.25);
  g_assert_cmpfloat (red, <, 0.01);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "player-picture-sequence-second");

  unknot_session_stop (get_session ());
  unknot_application_set_speed (application, 1.0);
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();

  g_test_add_func ("/ui/picture/left-right-and-none", test_picture_left_right_and_none);
  g_test_add_func ("/ui/picture/right-side-drawn", test_picture_for_the_right_side);
  g_test_add_func ("/ui/picture/sequence", test_picture_sequence);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
