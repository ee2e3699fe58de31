/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-body-figure.h"
#include "unknot-print-items.h"

/* Text, notes, rules, the body figure and pictures as items of a page flow. Sizes are in
 * points, and text is measured at 72 dpi without hinting, so that a handout lays out
 * alike on a PDF surface and on any printer's, and a page break falls in the same place
 * in "Print to File" and in `unknot --handout`. */

/* The figure's lit regions: a calm blue that stays clear in grey on a black-and-white
 * printer. */
static const double region_rgba[4] = { 0.11, 0.44, 0.85, 0.85 };
static const double rule_grey = 0.75;
static const double note_fill_grey = 0.94;
static const double note_padding = 8;

/* A font map of the handout's own: the default one of a thread is the toolkit's in the
 * app, which sets it up for the screen, and a handout must measure alike in both. */
static PangoFontMap *
get_font_map (void)
{
  static GPrivate font_map = G_PRIVATE_INIT (g_object_unref);
  PangoFontMap *map = g_private_get (&font_map);

  if (map == NULL)
    {
      map = pango_cairo_font_map_new ();
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72);
      g_private_set (&font_map, map);
    }
  return map;
}

PangoContext *
unknot_print_items_new_context (void)
{
  PangoContext *context = pango_font_map_create_context (get_font_map ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  /* Glyphs placed to the whole point would make lines wider or narrower by chance. */
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
make_layout (PangoContext *context,
             double        width,
             const char   *font,
             const char   *markup)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (description);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_text (cairo_t  *cr,
           double    x,
           double    y,
           gpointer  data)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, data);
}

/* @font: a Pango font description, such as "Sans Bold 12"; @markup: Pango markup. */
double
unknot_print_add_text (UnknotPageFlow *flow,
                       PangoContext   *context,
                       double          x,
                       double          y,
                       double          width,
                       const char     *font,
                       const char     *markup)
{
  PangoLayout *layout = make_layout (context, width, font, markup);
  double height = layout_height (layout);

  unknot_page_flow_add (flow, x, y, height, draw_text, layout, g_object_unref);
  return height;
}

static int
label_width (PangoContext *context,
             const char   *label)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", label);
  g_autoptr (PangoLayout) layout = make_layout (context, -1, "Sans 10", markup);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return width;
}

/**
 * unknot_print_add_facts:
 * @labels_and_values: label, value, label, value…: a value %NULL or empty leaves out
 *   its line
 *
 * Lines of "Label   value", the values lined up after the longest label.
 */
double
unknot_print_add_facts (UnknotPageFlow *flow,
                        PangoContext   *context,
                        double          x,
                        double          y,
                        double          width,
                        GPtrArray      *labels_and_values)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autoptr (PangoTabArray) tabs = NULL;
  PangoLayout *layout;
  int tab = 0;
  double height;

  for (guint i = 0; i + 1 < labels_and_values->len; i += 2)
    {
      const char *label = g_ptr_array_index (labels_and_values, i);
      const char *value = g_ptr_array_index (labels_and_values, i + 1);
      g_autofree char *line = NULL;

      if (value == NULL || *value == '\0')
        continue;
      line = g_markup_printf_escaped ("%s<b>%s</b>\t%s", markup->len > 0 ? "\n" : "", label,
                                      value);
      g_string_append (markup, line);
      tab = MAX (tab, label_width (context, label));
    }

  layout = make_layout (context, width, "Sans 10", markup->str);
  tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, tab + 10 * PANGO_SCALE);
  pango_layout_set_tabs (layout, tabs);
  /* A wrapped value goes on under the values, not under the labels. */
  pango_layout_set_indent (layout, -(tab + 10 * PANGO_SCALE));
  height = layout_height (layout);
  unknot_page_flow_add (flow, x, y, height, draw_text, layout, g_object_unref);
  return height;
}

typedef struct
{
  PangoLayout *layout;
  double width;
  double height;
} Note;

static void
note_free (gpointer data)
{
  Note *note = data;

  g_object_unref (note->layout);
  g_free (note);
}

static void
draw_note (cairo_t  *cr,
           double    x,
           double    y,
           gpointer  data)
{
  Note *note = data;

  cairo_rectangle (cr, x, y, note->width, note->height);
  cairo_set_source_rgb (cr, note_fill_grey, note_fill_grey, note_fill_grey);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, rule_grey, rule_grey, rule_grey);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  draw_text (cr, x + note_padding, y + note_padding, note->layout);
}

/* Text in a shaded frame, for what a reader must not miss: the safety note. */
double
unknot_print_add_note (UnknotPageFlow *flow,
                       PangoContext   *context,
                       double          x,
                       double          y,
                       double          width,
                       const char     *markup)
{
  Note *note = g_new0 (Note, 1);

  note->layout = make_layout (context, width - 2 * note_padding, "Sans 10", markup);
  note->width = width;
  note->height = layout_height (note->layout) + 2 * note_padding;
  unknot_page_flow_add (flow, x, y, note->height, draw_note, note, note_free);
  return note->height;
}

static void
draw_rule (cairo_t  *cr,
           double    x,
           double    y,
           gpointer  data)
{
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, *(double *) data, 0);
  cairo_set_source_rgb (cr, rule_grey, rule_grey, rule_grey);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

/* A thin line across @width, taking no height of its own. */
void
unknot_print_add_rule (UnknotPageFlow *flow,
                       double          x,
                       double          y,
                       double          width)
{
  unknot_page_flow_add (flow, x, y, 0, draw_rule, g_memdup2 (&width, sizeof width), g_free);
}

typedef struct
{
  guint32 regions;
  double width;
  double height;
} Figure;

static void
draw_figure (cairo_t  *cr,
             double    x,
             double    y,
             gpointer  data)
{
  Figure *figure = data;
  RsvgHandle *svg = unknot_body_figure_get ();
  RsvgRectangle viewport = unknot_body_figure_get_viewport (svg, figure->width,
                                                            figure->height);

  cairo_translate (cr, x, y);
  rsvg_handle_render_document (svg, cr, &viewport, NULL);
  unknot_body_figure_paint_regions (cr, &viewport, figure->regions, UNKNOT_SIDE_BOTH,
                                    region_rgba);
}

/* The body figure, front and back, with @regions (1 << UnknotRegion each) marked. */
double
unknot_print_add_figure (UnknotPageFlow *flow,
                         double          x,
                         double          y,
                         double          width,
                         guint32         regions)
{
  Figure *figure = g_new0 (Figure, 1);
  int natural_width, natural_height;

  unknot_body_figure_get_natural_size (unknot_body_figure_get (), &natural_width,
                                       &natural_height);
  figure->regions = regions;
  figure->width = width;
  figure->height = width * natural_height / natural_width;
  unknot_page_flow_add (flow, x, y, figure->height, draw_figure, figure, g_free);
  return figure->height;
}

typedef struct
{
  UnknotPicture *picture;
  double width;
  double height;
} Picture;

static void
picture_free (gpointer data)
{
  Picture *picture = data;

  unknot_picture_free (picture->picture);
  g_free (picture);
}

static void
draw_picture (cairo_t  *cr,
              double    x,
              double    y,
              gpointer  data)
{
  Picture *picture = data;

  unknot_picture_draw (picture->picture, cr, x, y, picture->width, picture->height);
}

/* A step's picture, @width wide unless that makes it taller than @max_height; the flow
 * takes @picture. */
double
unknot_print_add_picture (UnknotPageFlow *flow,
                          double          x,
                          double          y,
                          double          width,
                          double          max_height,
                          UnknotPicture  *picture)
{
  Picture *item = g_new0 (Picture, 1);

  item->picture = picture;
  item->width = width;
  item->height = MIN (max_height, width / unknot_picture_get_aspect (picture));
  unknot_page_flow_add (flow, x, y, item->height, draw_picture, item, picture_free);
  return item->height;
}
