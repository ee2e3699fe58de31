/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "unknot-test-utils.h"
#include "unknot-vocabulary.h"

/* The body map widget finds a region by id, highlights it by recolouring its shape and
 * hit-tests clicks against the shapes, so these tests hold the drawing to what the widget
 * relies on: the ids, the sides, and shapes that stay apart and inside the figure. */

/* Pixels per user unit when a test renders the drawing to look at its pixels. */
#define SCALE 2

static const char * const views[] = { "front", "back" };
static const char * const sides[] = { "left", "right" };

typedef enum
{
  VIEW_FRONT,
  VIEW_BACK,
  N_VIEWS
} View;

static RsvgHandle *
load_svg (const char *first_element,
          ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *part;
  RsvgHandle *handle;
  va_list args;

  va_start (args, first_element);
  for (part = first_element; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  handle = rsvg_handle_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handle);
  return handle;
}

static RsvgHandle *
load_body_map (void)
{
  g_autofree char *data = unknot_test_source_path ("data", NULL);

  return load_svg (data, "body-map.svg", NULL);
}

static RsvgRectangle
get_view_box (RsvgHandle *handle)
{
  gboolean has_view_box;
  RsvgRectangle view_box;

  rsvg_handle_get_intrinsic_dimensions (handle, NULL, NULL, NULL, NULL, &has_view_box,
                                        &view_box);
  g_assert_true (has_view_box);
  return view_box;
}

/* The ink rectangle of one element, in the drawing's own units. */
static RsvgRectangle
get_ink_rect (RsvgHandle *handle,
              const char *id)
{
  RsvgRectangle view_box = get_view_box (handle);
  RsvgRectangle viewport = { 0, 0, view_box.width, view_box.height };
  g_autoptr (GError) error = NULL;
  g_autofree char *ref = id ? g_strconcat ("#", id, NULL) : NULL;
  RsvgRectangle ink;

  g_assert_true (rsvg_handle_get_geometry_for_layer (handle, ref, &viewport, &ink, NULL,
                                                     &error));
  g_assert_no_error (error);
  return ink;
}

static gboolean
has_element (RsvgHandle *handle,
             const char *id)
{
  g_autofree char *ref = g_strconcat ("#", id, NULL);

  return rsvg_handle_has_sub (handle, ref);
}

/* Regions that are one area in the middle of the body; the others come in pairs. */
static gboolean
region_has_sides (guint region)
{
  return region != UNKNOT_REGION_NECK && region != UNKNOT_REGION_UPPER_BACK &&
         region != UNKNOT_REGION_LOWER_BACK && region != UNKNOT_REGION_CHEST;
}

static char *
region_element_id (View        view,
                   guint       region,
                   const char *side)
{
  const char *name = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, region);

  if (side == NULL)
    return g_strdup_printf ("%s-%s", views[view], name);
  return g_strdup_printf ("%s-%s-%s", views[view], name, side);
}

/* The ids a region shape on one view may have: one per side, or one for the whole. */
static GPtrArray *
possible_region_ids (View view)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < unknot_vocabulary_get_n_terms (UNKNOT_VOCABULARY_REGION); r++)
    {
      if (region_has_sides (r))
        for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
          g_ptr_array_add (ids, region_element_id (view, r, sides[s]));
      else
        g_ptr_array_add (ids, region_element_id (view, r, NULL));
    }
  return ids;
}

/* The ids of all region shapes drawn on one view. */
static GPtrArray *
list_region_ids (RsvgHandle *handle,
                 View        view)
{
  GPtrArray *ids = possible_region_ids (view);

  for (guint i = ids->len; i > 0; i--)
    if (!has_element (handle, g_ptr_array_index (ids, i - 1)))
      g_ptr_array_remove_index (ids, i - 1);
  return ids;
}

static double
center_x (RsvgRectangle rect)
{
  return rect.x + rect.width / 2;
}

/* Renders one element alone, SCALE pixels per unit, for a look at its pixels. */
static cairo_surface_t *
render_layer (RsvgHandle *handle,
              const char *id)
{
  RsvgRectangle view_box = get_view_box (handle);
  RsvgRectangle viewport = { 0, 0, view_box.width * SCALE, view_box.height * SCALE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) viewport.width,
                                                         (int) viewport.height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *ref = id ? g_strconcat ("#", id, NULL) : NULL;
  g_autoptr (GError) error = NULL;

  if (ref != NULL)
    g_assert_true (rsvg_handle_render_layer (handle, cr, ref, &viewport, &error));
  else
    g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint8
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  const guint32 *row = (const guint32 *) (data + y * cairo_image_surface_get_stride (surface));

  return row[x] >> 24;
}

static guint8
max_alpha (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint8 max = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      max = MAX (max, alpha_at (surface, x, y));
  return max;
}

static void
test_renders (void)
{
  RsvgHandle *handle = load_body_map ();
  RsvgRectangle view_box = get_view_box (handle);
  RsvgRectangle chest = get_ink_rect (handle, "front-chest");
  cairo_surface_t *surface = render_layer (handle, NULL);

  /* Two figures side by side, each taller than wide. */
  g_assert_cmpfloat (view_box.width, >, 0);
  g_assert_cmpfloat (view_box.height, >, view_box.width / 2);

  g_assert_cmpuint (alpha_at (surface, 0, 0), ==, 0);
  g_assert_cmpuint (alpha_at (surface, (int) (center_x (chest) * SCALE),
                              (int) ((chest.y + chest.height / 2) * SCALE)), ==, 255);
  cairo_surface_destroy (surface);

  g_object_unref (handle);
}

static void
test_every_region_is_drawn (void)
{
  RsvgHandle *handle = load_body_map ();

  g_assert_true (has_element (handle, "front-figure"));
  g_assert_true (has_element (handle, "back-figure"));
  /* The front of the neck is not a place to massage. */
  g_assert_false (has_element (handle, "front-neck"));

  for (guint r = 0; r < unknot_vocabulary_get_n_terms (UNKNOT_VOCABULARY_REGION); r++)
    {
      guint n_views = 0;

      for (View v = 0; v < N_VIEWS; v++)
        {
          g_autofree char *whole = region_element_id (v, r, NULL);
          g_autofree char *left = region_element_id (v, r, "left");
          g_autofree char *right = region_element_id (v, r, "right");

          if (region_has_sides (r))
            {
              g_test_message ("%s: %d %d", left, has_element (handle, left),
                              has_element (handle, right));
              g_assert_cmpint (has_element (handle, left), ==, has_element (handle, right));
              g_assert_false (has_element (handle, whole));
              n_views += has_element (handle, left);
            }
          else
            {
              g_assert_false (has_element (handle, left));
              g_assert_false (has_element (handle, right));
              n_views += has_element (handle, whole);
            }
        }

      g_test_message ("%s: on %u views",
                      unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, r), n_views);
      g_assert_cmpuint (n_views, >=, 1);
    }

  g_object_unref (handle);
}

/* Every id in the file is a figure or a region shape the widget can look up, once, and
 * every region is one closed shape: a stray or misspelt id would be a region nobody can
 * click. */
static void
test_ids_are_known (void)
{
  g_autofree char *path = unknot_test_source_path ("data", "body-map.svg", NULL);
  g_autoptr (GHashTable) possible = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) front = possible_region_ids (VIEW_FRONT);
  g_autoptr (GPtrArray) back = possible_region_ids (VIEW_BACK);
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContext *xpath;
  xmlXPathObject *result;
  guint n_regions = 0;

  for (guint i = 0; i < front->len; i++)
    g_hash_table_add (possible, g_ptr_array_index (front, i));
  for (guint i = 0; i < back->len; i++)
    g_hash_table_add (possible, g_ptr_array_index (back, i));

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  result = xmlXPathEvalExpression (BAD_CAST "//*[@id]", xpath);
  g_assert_nonnull (result->nodesetval);

  for (int i = 0; i < result->nodesetval->nodeNr; i++)
    {
      xmlNode *node = result->nodesetval->nodeTab[i];
      char *id = (char *) xmlGetProp (node, BAD_CAST "id");
      char *d = (char *) xmlGetProp (node, BAD_CAST "d");

      g_test_message ("id %s", id);
      g_assert_true (g_hash_table_add (seen, g_strdup (id)));

      if (g_hash_table_contains (possible, id))
        {
          g_assert_cmpstr ((const char *) node->name, ==, "path");
          g_assert_nonnull (d);
          g_strchomp (d);
          g_assert_true (g_str_has_suffix (d, "Z") || g_str_has_suffix (d, "z"));
          n_regions++;
        }
      else
        {
          g_assert_true (g_str_equal (id, "front-figure") || g_str_equal (id, "back-figure"));
        }
      xmlFree (d);
      xmlFree (id);
    }
  g_assert_cmpuint (n_regions, >, 0);

  xmlXPathFreeObject (result);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

/* Sides are the person's own: on the front view the person's left is on the viewer's
 * right, on the back view on the viewer's left. */
static void
test_sides_are_mirrored (void)
{
  RsvgHandle *handle = load_body_map ();

  for (View v = 0; v < N_VIEWS; v++)
    {
      RsvgRectangle figure = get_ink_rect (handle, v == VIEW_FRONT ? "front-figure"
                                                                   : "back-figure");
      double middle = center_x (figure);
      /* +1 where the person's left is to the viewer's right. */
      double left_is = v == VIEW_FRONT ? 1.0 : -1.0;

      for (guint r = 0; r < unknot_vocabulary_get_n_terms (UNKNOT_VOCABULARY_REGION); r++)
        {
          g_autofree char *left = region_element_id (v, r, "left");
          g_autofree char *right = region_element_id (v, r, "right");
          RsvgRectangle left_rect, right_rect;

          if (!region_has_sides (r) || !has_element (handle, left))
            continue;

          left_rect = get_ink_rect (handle, left);
          right_rect = get_ink_rect (handle, right);
          g_test_message ("%s at %.1f, %s at %.1f", left, center_x (left_rect), right,
                          center_x (right_rect));
          g_assert_cmpfloat ((center_x (left_rect) - middle) * left_is, >, 0);
          g_assert_cmpfloat ((center_x (right_rect) - middle) * left_is, <, 0);
          /* A twin of the same size, drawn as a mirror image. */
          g_assert_cmpfloat_with_epsilon (left_rect.width, right_rect.width, 1.0);
          g_assert_cmpfloat_with_epsilon (left_rect.y, right_rect.y, 1.0);
          g_assert_cmpfloat_with_epsilon (center_x (left_rect) - middle,
                                          middle - center_x (right_rect), 1.0);
        }
    }

  g_object_unref (handle);
}

static void
test_regions_inside_figure (void)
{
  RsvgHandle *handle = load_body_map ();

  for (View v = 0; v < N_VIEWS; v++)
    {
      const char *figure_id = v == VIEW_FRONT ? "front-figure" : "back-figure";
      RsvgRectangle figure = get_ink_rect (handle, figure_id);
      cairo_surface_t *figure_pixels = render_layer (handle, figure_id);
      guint8 figure_alpha = max_alpha (figure_pixels);
      g_autoptr (GPtrArray) ids = list_region_ids (handle, v);
      int width = cairo_image_surface_get_width (figure_pixels);
      int height = cairo_image_surface_get_height (figure_pixels);

      g_assert_cmpuint (figure_alpha, >, 0);

      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          RsvgRectangle rect = get_ink_rect (handle, id);
          cairo_surface_t *pixels = render_layer (handle, id);
          guint8 alpha = max_alpha (pixels);
          guint outside = 0;

          g_assert_cmpfloat (rect.x, >=, figure.x);
          g_assert_cmpfloat (rect.y, >=, figure.y);
          g_assert_cmpfloat (rect.x + rect.width, <=, figure.x + figure.width);
          g_assert_cmpfloat (rect.y + rect.height, <=, figure.y + figure.height);

          /* Not just within the figure's box: on the figure, pixel by pixel. */
          g_assert_cmpuint (alpha, >, 0);
          for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
              if (alpha_at (pixels, x, y) >= alpha / 2 &&
                  alpha_at (figure_pixels, x, y) < figure_alpha / 2)
                outside++;
          g_test_message ("%s: %u pixels off the figure", id, outside);
          g_assert_cmpuint (outside, ==, 0);
          cairo_surface_destroy (pixels);
        }
      cairo_surface_destroy (figure_pixels);
    }

  g_object_unref (handle);
}

static double
overlap_area (RsvgRectangle a,
              RsvgRectangle b)
{
  double w = MIN (a.x + a.width, b.x + b.width) - MAX (a.x, b.x);
  double h = MIN (a.y + a.height, b.y + b.height) - MAX (a.y, b.y);

  return w > 0 && h > 0 ? w * h : 0;
}

static void
test_regions_apart (void)
{
  RsvgHandle *handle = load_body_map ();

  for (View v = 0; v < N_VIEWS; v++)
    {
      g_autoptr (GPtrArray) ids = list_region_ids (handle, v);
      g_autofree int *owner = NULL;
      int width = 0, height = 0;

      /* The widget hit-tests the boxes first: no box may hide most of another. */
      for (guint i = 0; i < ids->len; i++)
        for (guint j = i + 1; j < ids->len; j++)
          {
            RsvgRectangle a = get_ink_rect (handle, g_ptr_array_index (ids, i));
            RsvgRectangle b = get_ink_rect (handle, g_ptr_array_index (ids, j));
            double smaller = MIN (a.width * a.height, b.width * b.height);

            g_test_message ("%s and %s share %.0f%%", (char *) g_ptr_array_index (ids, i),
                            (char *) g_ptr_array_index (ids, j),
                            100 * overlap_area (a, b) / smaller);
            g_assert_cmpfloat (overlap_area (a, b), <=, smaller / 2);
          }

      /* And the shapes themselves do not overlap at all. */
      for (guint i = 0; i < ids->len; i++)
        {
          cairo_surface_t *pixels = render_layer (handle, g_ptr_array_index (ids, i));
          guint8 alpha = max_alpha (pixels);
          guint shared = 0;

          if (owner == NULL)
            {
              width = cairo_image_surface_get_width (pixels);
              height = cairo_image_surface_get_height (pixels);
              owner = g_new0 (int, width * height);
            }

          for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
              if (alpha_at (pixels, x, y) >= alpha / 2)
                {
                  if (owner[y * width + x] != 0)
                    shared++;
                  owner[y * width + x] = i + 1;
                }
          g_test_message ("%s: %u pixels shared", (char *) g_ptr_array_index (ids, i), shared);
          g_assert_cmpuint (shared, ==, 0);
          cairo_surface_destroy (pixels);
        }
    }

  g_object_unref (handle);
}

/* An icon: it loads, its canvas is size × size, and it draws a good part of that canvas
 * and nothing outside it. */
static RsvgHandle *
check_icon (const char *folder,
            const char *name,
            double      size)
{
  g_autofree char *icons = unknot_test_source_path ("data", "icons", "hicolor", NULL);
  RsvgHandle *handle = load_svg (icons, folder, name, NULL);
  RsvgRectangle view_box = get_view_box (handle);
  RsvgRectangle ink = get_ink_rect (handle, NULL);
  gboolean has_width, has_height;
  RsvgLength width, height;

  g_assert_cmpfloat (view_box.x, ==, 0);
  g_assert_cmpfloat (view_box.y, ==, 0);
  g_assert_cmpfloat (view_box.width, ==, size);
  g_assert_cmpfloat (view_box.height, ==, size);

  rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &width, &has_height, &height,
                                        NULL, NULL);
  g_assert_true (has_width && has_height);
  g_assert_cmpfloat (width.length, ==, size);
  g_assert_cmpfloat (height.length, ==, size);

  g_test_message ("%s draws %.1f,%.1f %.1fx%.1f", name, ink.x, ink.y, ink.width, ink.height);
  g_assert_cmpfloat (ink.x, >=, 0);
  g_assert_cmpfloat (ink.y, >=, 0);
  g_assert_cmpfloat (ink.x + ink.width, <=, size);
  g_assert_cmpfloat (ink.y + ink.height, <=, size);
  g_assert_cmpfloat (ink.width, >, size / 2);
  g_assert_cmpfloat (ink.height, >, size / 2);
  return handle;
}

static void
test_app_icon (void)
{
  g_object_unref (check_icon ("scalable/apps", "io.github.unknot.Unknot.svg", 128));
}

static void
test_mime_icon (void)
{
  g_object_unref (check_icon ("scalable/mimetypes", "io.github.unknot.Unknot-routine.svg", 128));
}

/* The symbolic icon is recoloured by the toolkit: one colour, filled shapes only. */
static void
test_symbolic_icon (void)
{
  RsvgHandle *handle = check_icon ("symbolic/apps", "io.github.unknot.Unknot-symbolic.svg", 16);
  g_autofree char *path = unknot_test_source_path ("data", "icons", "hicolor", "symbolic",
                                                   "apps", "io.github.unknot.Unknot-symbolic.svg",
                                                   NULL);
  cairo_surface_t *surface = render_layer (handle, NULL);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContext *xpath;
  xmlXPathObject *strokes;
  guint solid = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = ((const guint32 *) (data + y * stride))[x];
        guint a = pixel >> 24;

        if (a < 255)
          continue;
        solid++;
        g_assert_cmphex (pixel & 0xffffff, ==, 0x2e3436);
      }
  g_assert_cmpuint (solid, >, 0);
  cairo_surface_destroy (surface);

  g_assert_nonnull (doc);
  xpath = xmlXPathNewContext (doc);
  strokes = xmlXPathEvalExpression (BAD_CAST "//@stroke[. != 'none'] | //@stroke-width", xpath);
  g_assert_true (strokes->nodesetval == NULL || strokes->nodesetval->nodeNr == 0);
  xmlXPathFreeObject (strokes);
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);

  g_object_unref (handle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/body-map/renders", test_renders);
  g_test_add_func ("/body-map/every-region-is-drawn", test_every_region_is_drawn);
  g_test_add_func ("/body-map/ids-are-known", test_ids_are_known);
  g_test_add_func ("/body-map/sides-are-mirrored", test_sides_are_mirrored);
  g_test_add_func ("/body-map/regions-inside-figure", test_regions_inside_figure);
  g_test_add_func ("/body-map/regions-apart", test_regions_apart);
  g_test_add_func ("/icons/app", test_app_icon);
  g_test_add_func ("/icons/mime-type", test_mime_icon);
  g_test_add_func ("/icons/symbolic", test_symbolic_icon);

  return g_test_run ();
}
