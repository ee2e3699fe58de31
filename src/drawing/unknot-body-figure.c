/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "unknot-body-figure.h"
#include "unknot-drawing-resources.h"

/* The artwork behind every body map (data/body-map.svg): parsed once for all of them,
 * and drawn into images, so that a map paints its figure as a picture and draws only
 * its lit regions as shapes. The printed handout draws the same figure, and marks its
 * regions the same way; nothing here needs GTK.
 *
 * The figure has a front and a back view with one shape per region and side, named
 * "<view>-<region>-<side>" ("front-quadriceps-left") or "<view>-<region>" for regions
 * without sides ("back-neck"). A region is lit by painting a colour through its own
 * shapes as a mask, so the artwork needs no colours of ours; the masks come from a copy
 * of the figure with every shape made opaque, as the artwork draws its regions faintly.
 *
 * The library shows a body map in the first window. Parsing the figure and drawing it
 * at its natural size are both done on another core while GTK starts, if the app asks
 * for it with unknot_body_figure_prepare_in_background(); the map takes that drawing
 * when its size turns out to be the natural one. */

#define RESOURCE "/io/github/unknot/Unknot/body-map.svg"
#define NATURAL_HEIGHT 260
/* The artwork draws its regions faintly; the masks for lighting them need them opaque. */
#define OPAQUE_SHAPES "* { opacity: 1 !important; fill-opacity: 1 !important; }"

static RsvgHandle *figure;
static RsvgHandle *masks;
static GThread *preparer;
static cairo_surface_t *prepared_drawing; /* the figure at its natural size, scale 1 */

/* The figure is part of the program; if it does not load, the build is broken. */
static RsvgHandle *
load (const char *stylesheet)
{
  g_autoptr (GBytes) bytes = NULL;
  RsvgHandle *loaded;

  /* Keeps the resources linked in programs that never name them, such as tests. */
  unknot_drawing_get_resource ();
  bytes = g_resources_lookup_data (RESOURCE, 0, NULL);
  loaded = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      NULL);

  g_assert (loaded != NULL);
  if (stylesheet != NULL)
    {
      gboolean styled = rsvg_handle_set_stylesheet (loaded, (const guint8 *) stylesheet,
                                                    strlen (stylesheet), NULL);
      g_assert (styled);
    }
  return loaded;
}

/* The figure's size in its own units: its viewBox, which is all the artwork sets. */
static void
get_svg_size (RsvgHandle *svg,
              double     *width,
              double     *height)
{
  gboolean has_viewbox = FALSE;
  RsvgRectangle viewbox = { 0, 0, 400, 440 };

  rsvg_handle_get_intrinsic_dimensions (svg, NULL, NULL, NULL, NULL, &has_viewbox, &viewbox);
  *width = viewbox.width > 0 ? viewbox.width : 400;
  *height = viewbox.height > 0 ? viewbox.height : 440;
}

void
unknot_body_figure_get_natural_size (RsvgHandle *svg,
                                     int        *width,
                                     int        *height)
{
  double svg_width, svg_height;

  get_svg_size (svg, &svg_width, &svg_height);
  *width = (int) round (NATURAL_HEIGHT * svg_width / svg_height);
  *height = NATURAL_HEIGHT;
}

/* Rounded as the natural size is, so that the natural width gives back the natural
 * height and the map is as large as the drawing made for it in advance. */
int
unknot_body_figure_height_for_width (RsvgHandle *svg,
                                     int         width)
{
  double svg_width, svg_height;

  get_svg_size (svg, &svg_width, &svg_height);
  return MIN (NATURAL_HEIGHT, (int) round (width * svg_height / svg_width));
}

/* Where the figure goes in a map of this size: as large as fits, centred. */
RsvgRectangle
unknot_body_figure_get_viewport (RsvgHandle *svg,
                                 double      width,
                                 double      height)
{
  double svg_width, svg_height, scale;

  get_svg_size (svg, &svg_width, &svg_height);
  scale = MIN (width / svg_width, height / svg_height);
  return (RsvgRectangle) {
    (width - svg_width * scale) / 2, (height - svg_height * scale) / 2,
    svg_width * scale, svg_height * scale
  };
}

/**
 * unknot_body_figure_get_shape_bounds:
 * @id: an element id, with its "#"
 * @bounds: (out): the shape's ink rectangle, in the coordinates of a map of @width ×
 *   @height
 *
 * Returns: whether the figure has the shape.
 */
gboolean
unknot_body_figure_get_shape_bounds (RsvgHandle    *svg,
                                     const char    *id,
                                     int            width,
                                     int            height,
                                     RsvgRectangle *bounds)
{
  RsvgRectangle viewport = unknot_body_figure_get_viewport (svg, width, height);
  double svg_width, svg_height;
  RsvgRectangle ink;

  /* librsvg gives a layer's rectangle in the figure's own units, whatever viewport it
   * is given; asked with the figure's own size, the answer is the same either way. */
  get_svg_size (svg, &svg_width, &svg_height);
  if (!rsvg_handle_get_geometry_for_layer (svg, id,
                                           &(RsvgRectangle) { 0, 0, svg_width, svg_height },
                                           &ink, NULL, NULL))
    return FALSE;
  bounds->x = viewport.x + ink.x * viewport.width / svg_width;
  bounds->y = viewport.y + ink.y * viewport.height / svg_height;
  bounds->width = ink.width * viewport.width / svg_width;
  bounds->height = ink.height * viewport.height / svg_height;
  return TRUE;
}

static cairo_surface_t *
draw_surface (RsvgHandle *svg,
              int         width,
              int         height,
              int         scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);
  RsvgRectangle viewport = unknot_body_figure_get_viewport (svg, width, height);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  rsvg_handle_render_document (svg, cr, &viewport, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gpointer
prepare (gpointer data)
{
  RsvgHandle *prepared = load (NULL);
  int width, height;

  unknot_body_figure_get_natural_size (prepared, &width, &height);
  prepared_drawing = draw_surface (prepared, width, height, 1);
  return prepared;
}

/**
 * unknot_body_figure_prepare_in_background:
 *
 * Parses the figure and draws it at its natural size on another thread. Call it
 * before the first body map is made, which waits for it to finish.
 */
void
unknot_body_figure_prepare_in_background (void)
{
  if (figure == NULL && preparer == NULL)
    preparer = g_thread_new ("unknot-figure", prepare, NULL);
}

/* Returns: (transfer none): the figure every body map draws. */
RsvgHandle *
unknot_body_figure_get (void)
{
  if (preparer != NULL)
    {
      figure = g_thread_join (preparer);
      preparer = NULL;
    }
  if (figure == NULL)
    figure = load (NULL);
  return figure;
}

/* Returns: (transfer none): the same figure with every shape opaque, whose shapes light
 * regions and find the one under the pointer; loaded at the first highlight or hover. */
RsvgHandle *
unknot_body_figure_get_masks (void)
{
  if (masks == NULL)
    masks = load (OPAQUE_SHAPES);
  return masks;
}

static gboolean
matches_prepared (int width,
                  int height,
                  int scale)
{
  return prepared_drawing != NULL && scale == 1
         && cairo_image_surface_get_width (prepared_drawing) == width
         && cairo_image_surface_get_height (prepared_drawing) == height;
}

/**
 * unknot_body_figure_draw:
 * @scale: the map's scale factor: the image has @scale pixels per unit
 *
 * Returns: (transfer full): the figure drawn for a map of @width × @height, without
 * any region lit; the drawing made in advance, the first time it fits.
 */
cairo_surface_t *
unknot_body_figure_draw (int width,
                         int height,
                         int scale)
{
  RsvgHandle *svg = unknot_body_figure_get ();

  if (matches_prepared (width, height, scale))
    return g_steal_pointer (&prepared_drawing);
  return draw_surface (svg, width, height, scale);
}

static const char *const views[] = { "front", "back" };

static gboolean
region_has_sides (UnknotRegion region)
{
  return region != UNKNOT_REGION_NECK && region != UNKNOT_REGION_UPPER_BACK
         && region != UNKNOT_REGION_LOWER_BACK && region != UNKNOT_REGION_CHEST;
}

/**
 * unknot_body_figure_element_id:
 * @view: "front" or "back"
 * @side: %UNKNOT_SIDE_LEFT or %UNKNOT_SIDE_RIGHT; ignored for regions without sides
 *
 * Returns: (transfer full): the SVG element id, with the "#" librsvg expects.
 */
char *
unknot_body_figure_element_id (const char   *view,
                               UnknotRegion  region,
                               UnknotSide    side)
{
  const char *id = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, region);

  if (!region_has_sides (region))
    return g_strdup_printf ("#%s-%s", view, id);
  return g_strdup_printf ("#%s-%s-%s", view, id, side == UNKNOT_SIDE_LEFT ? "left" : "right");
}

/* Calls @func for every shape of @region on either view, for the given side(s): left or
 * right alone, or both for %UNKNOT_SIDE_BOTH and %UNKNOT_SIDE_EACH. */
void
unknot_body_figure_foreach_shape (UnknotRegion              region,
                                  UnknotSide                side,
                                  UnknotBodyFigureShapeFunc func,
                                  gpointer                  data)
{
  RsvgHandle *svg = unknot_body_figure_get ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (UnknotSide s = UNKNOT_SIDE_LEFT; s <= UNKNOT_SIDE_RIGHT; s++)
      {
        g_autofree char *id = NULL;

        if (region_has_sides (region) && side != UNKNOT_SIDE_BOTH && side != UNKNOT_SIDE_EACH
            && side != s)
          continue;
        if (!region_has_sides (region) && s == UNKNOT_SIDE_RIGHT)
          continue;
        id = unknot_body_figure_element_id (views[v], region, s);
        if (rsvg_handle_has_sub (svg, id))
          func (id, data);
      }
}

typedef struct
{
  cairo_t *cr;
  const RsvgRectangle *viewport;
  const double *rgba;
} Paint;

static void
paint_shape (const char *id,
             gpointer    data)
{
  Paint *paint = data;
  cairo_pattern_t *mask;

  cairo_push_group (paint->cr);
  rsvg_handle_render_layer (unknot_body_figure_get_masks (), paint->cr, id, paint->viewport,
                            NULL);
  mask = cairo_pop_group (paint->cr);
  cairo_set_source_rgba (paint->cr, paint->rgba[0], paint->rgba[1], paint->rgba[2],
                         paint->rgba[3]);
  cairo_mask (paint->cr, mask);
  cairo_pattern_destroy (mask);
}

/**
 * unknot_body_figure_paint_regions:
 * @viewport: where the figure is drawn, from unknot_body_figure_get_viewport()
 * @regions: 1 << UnknotRegion for each region to light
 * @side: which side of them, as for unknot_body_figure_foreach_shape()
 * @rgba: the colour, each part from 0 to 1
 *
 * Lights regions of a figure drawn at @viewport in one colour.
 */
void
unknot_body_figure_paint_regions (cairo_t             *cr,
                                  const RsvgRectangle *viewport,
                                  guint32              regions,
                                  UnknotSide           side,
                                  const double         rgba[4])
{
  Paint paint = { cr, viewport, rgba };

  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    if (regions & (1u << r))
      unknot_body_figure_foreach_shape (r, side, paint_shape, &paint);
}
