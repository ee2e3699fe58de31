/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-body-figure.h"

/* The body maps' figure, drawn without a display: the drawing made in advance on
 * another thread is the one a map of the natural size would draw for itself, and a
 * map of the natural width asks for exactly the natural height, so that it is used. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

static GBytes *
get_pixels (cairo_surface_t *image)
{
  cairo_surface_flush (image);
  return g_bytes_new (cairo_image_surface_get_data (image),
                      (gsize) cairo_image_surface_get_stride (image)
                        * cairo_image_surface_get_height (image));
}

/* Whether any pixel is drawn: the figure, not an empty picture. */
static gboolean
has_ink (GBytes *pixels)
{
  gsize size;
  const guchar *data = g_bytes_get_data (pixels, &size);

  for (gsize i = 3; i < size; i += 4)
    if (data[i] != 0)
      return TRUE;
  return FALSE;
}

static void
test_prepared_drawing_is_the_figure (void)
{
  int width, height;
  g_autoptr (cairo_surface_t) prepared = NULL;
  g_autoptr (cairo_surface_t) drawn = NULL;
  g_autoptr (GBytes) prepared_pixels = NULL;
  g_autoptr (GBytes) drawn_pixels = NULL;

  unknot_body_figure_prepare_in_background ();
  unknot_body_figure_get_natural_size (unknot_body_figure_get (), &width, &height);

  /* The first drawing at the natural size is the prepared one, the second is new. */
  prepared = unknot_body_figure_draw (width, height, 1);
  drawn = unknot_body_figure_draw (width, height, 1);
  g_assert_cmpint (cairo_image_surface_get_width (prepared), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (prepared), ==, height);

  prepared_pixels = get_pixels (prepared);
  drawn_pixels = get_pixels (drawn);
  g_assert_true (has_ink (prepared_pixels));
  g_assert_true (g_bytes_equal (prepared_pixels, drawn_pixels));
}

static void
test_natural_size_round_trips (void)
{
  RsvgHandle *figure = unknot_body_figure_get ();
  int width, height;

  unknot_body_figure_get_natural_size (figure, &width, &height);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (unknot_body_figure_height_for_width (figure, width), ==, height);
  /* Wider than natural: still the natural height. Narrower: in proportion. */
  g_assert_cmpint (unknot_body_figure_height_for_width (figure, width * 3), ==, height);
  g_assert_cmpint (unknot_body_figure_height_for_width (figure, width / 2), <, height);
}

static void
test_scale_draws_more_pixels (void)
{
  g_autoptr (cairo_surface_t) image = unknot_body_figure_draw (100, 120, 2);
  g_autoptr (GBytes) pixels = get_pixels (image);

  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 240);
  g_assert_true (has_ink (pixels));
}

/* A map wider than tall draws the figure centred, with the sides left empty. */
static void
test_viewport_is_centred (void)
{
  RsvgHandle *figure = unknot_body_figure_get ();
  RsvgRectangle viewport = unknot_body_figure_get_viewport (figure, 1000, 260);

  g_assert_cmpfloat (viewport.height, ==, 260);
  g_assert_cmpfloat (viewport.x, >, 0);
  g_assert_cmpfloat_with_epsilon (viewport.x * 2 + viewport.width, 1000, 1e-6);
  g_assert_cmpfloat (viewport.y, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The first test is the one that takes the prepared drawing. */
  g_test_add_func ("/ui/body-figure/prepared-drawing", test_prepared_drawing_is_the_figure);
  g_test_add_func ("/ui/body-figure/natural-size", test_natural_size_round_trips);
  g_test_add_func ("/ui/body-figure/scale", test_scale_draws_more_pixels);
  g_test_add_func ("/ui/body-figure/viewport", test_viewport_is_centred);

  return g_test_run ();
}
