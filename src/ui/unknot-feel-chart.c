/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-chart-data.h"
#include "unknot-chart-paint.h"
#include "unknot-feel-chart-private.h"
#include "unknot-format.h"
#include "unknot-style.h"

/* How the muscles felt after each rated session, 1 (still tight) to 5 (loose and
 * light), as a line over time: each rating a dot placed by when its session started,
 * the scale on the left, the first and last day of the span below.
 *
 * Time runs to scale, so a gap of two weeks without sessions looks like one. Screen
 * readers get the count, the average and the latest rating as the image's description. */

#define N_LEVELS 5
#define GAP 6.0
#define DOT_RADIUS 4.0
#define LINE_WIDTH 2.0
#define MINIMUM_WIDTH 200
#define NATURAL_WIDTH 400
#define MINIMUM_HEIGHT 120
#define NATURAL_HEIGHT 150

struct _UnknotFeelChart
{
  GtkWidget parent_instance;

  GArray *ratings;  /* of UnknotHistoryFeel, oldest first; NULL until set */
  gint64 start;     /* Unix time at the left edge */
  gint64 end;       /* at the right edge */
  char *summary;
};

typedef struct
{
  double left, right, top, bottom;
} Plot;

G_DEFINE_FINAL_TYPE (UnknotFeelChart, unknot_feel_chart, GTK_TYPE_WIDGET)

static double
level_y (const Plot *plot,
         guint       level)
{
  return plot->bottom - (plot->bottom - plot->top) * (level - 1) / (N_LEVELS - 1);
}

static double
time_x (UnknotFeelChart *self,
        const Plot      *plot,
        gint64           time)
{
  double fraction = (double) (time - self->start) / MAX (self->end - self->start, 1);

  return plot->left + (plot->right - plot->left) * CLAMP (fraction, 0.0, 1.0);
}

static void
draw_scale (UnknotFeelChart *self,
            GtkSnapshot     *snapshot,
            const Plot      *plot,
            double           line_height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA grid = unknot_style_lookup_color (widget, "window_fg_color", 0.1);
  GdkRGBA text = unknot_style_lookup_color (widget, "window_fg_color", 0.7);
  /* A chart too short for every number gets 1, 3 and 5. */
  gboolean every_level = (plot->bottom - plot->top) / (N_LEVELS - 1) >= line_height;

  for (guint level = 1; level <= N_LEVELS; level++)
    {
      g_autofree char *number = g_strdup_printf ("%u", level);
      g_autoptr (PangoLayout) layout = unknot_chart_paint_layout (widget, number);
      double y = level_y (plot, level);
      int width;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (plot->left, y - 0.5,
                                                      plot->right - plot->left, 1));
      if (!every_level && level % 2 == 0)
        continue;
      pango_layout_get_pixel_size (layout, &width, NULL);
      unknot_chart_paint_text (snapshot, layout, plot->left - GAP - width,
                               y - line_height / 2, &text);
    }
}

static void
draw_days (UnknotFeelChart *self,
           GtkSnapshot     *snapshot,
           const Plot      *plot,
           double           width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA color = unknot_style_lookup_color (widget, "window_fg_color", 0.7);
  g_autoptr (GDateTime) start = g_date_time_new_from_unix_local (self->start);
  g_autoptr (GDateTime) end = g_date_time_new_from_unix_local (self->end);
  g_autofree char *first = unknot_format_day (start);
  g_autofree char *last = unknot_format_day (end);
  g_autoptr (PangoLayout) first_layout = unknot_chart_paint_layout (widget, first);
  g_autoptr (PangoLayout) last_layout = unknot_chart_paint_layout (widget, last);
  int last_width;

  pango_layout_get_pixel_size (last_layout, &last_width, NULL);
  unknot_chart_paint_text (snapshot, first_layout, plot->left, plot->bottom + GAP, &color);
  unknot_chart_paint_text (snapshot, last_layout, width - last_width, plot->bottom + GAP,
                           &color);
}

static void
draw_line (UnknotFeelChart *self,
           cairo_t         *cr,
           const Plot      *plot)
{
  GdkRGBA color = unknot_style_lookup_color (GTK_WIDGET (self), "accent_color", 1.0);

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->ratings->len; i++)
    {
      const UnknotHistoryFeel *rating = &g_array_index (self->ratings, UnknotHistoryFeel, i);

      cairo_line_to (cr, time_x (self, plot, rating->started_at), level_y (plot, rating->feel));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->ratings->len; i++)
    {
      const UnknotHistoryFeel *rating = &g_array_index (self->ratings, UnknotHistoryFeel, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, time_x (self, plot, rating->started_at), level_y (plot, rating->feel),
                 DOT_RADIUS, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
unknot_feel_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  UnknotFeelChart *self = UNKNOT_FEEL_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr (PangoLayout) widest = unknot_chart_paint_layout (widget, "5");
  int number_width, line_height;
  Plot plot;
  cairo_t *cr;

  if (self->ratings == NULL)
    return;

  pango_layout_get_pixel_size (widest, &number_width, &line_height);
  plot.left = number_width + GAP + DOT_RADIUS;
  plot.right = width - DOT_RADIUS;
  plot.top = MAX (line_height / 2.0, DOT_RADIUS);
  plot.bottom = height - line_height - GAP - DOT_RADIUS;
  if (plot.right <= plot.left || plot.bottom <= plot.top)
    return;

  draw_scale (self, snapshot, &plot, line_height);
  draw_days (self, snapshot, &plot, width);
  if (self->ratings->len == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_line (self, cr, &plot);
  cairo_destroy (cr);
}

static void
unknot_feel_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MINIMUM_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MINIMUM_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
unknot_feel_chart_finalize (GObject *object)
{
  UnknotFeelChart *self = UNKNOT_FEEL_CHART (object);

  g_clear_pointer (&self->ratings, g_array_unref);
  g_free (self->summary);
  G_OBJECT_CLASS (unknot_feel_chart_parent_class)->finalize (object);
}

static void
unknot_feel_chart_class_init (UnknotFeelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_feel_chart_finalize;
  widget_class->snapshot = unknot_feel_chart_snapshot;
  widget_class->measure = unknot_feel_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "feelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_feel_chart_init (UnknotFeelChart *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How you felt after each session, from 1 to 5"), -1);
}

GtkWidget *
unknot_feel_chart_new (void)
{
  return g_object_new (UNKNOT_TYPE_FEEL_CHART, NULL);
}

/**
 * unknot_feel_chart_set_ratings:
 * @ratings: (element-type UnknotHistoryFeel): oldest first, as
 *   unknot_history_get_feel_ratings() gives them; the chart keeps a reference
 * @start: the Unix time at the left edge
 * @end: the Unix time at the right edge, after @start
 */
void
unknot_feel_chart_set_ratings (UnknotFeelChart *self,
                               GArray          *ratings,
                               gint64           start,
                               gint64           end)
{
  g_return_if_fail (UNKNOT_IS_FEEL_CHART (self));
  g_return_if_fail (ratings != NULL);
  g_return_if_fail (start < end);

  g_array_ref (ratings);
  g_clear_pointer (&self->ratings, g_array_unref);
  self->ratings = ratings;
  self->start = start;
  self->end = end;

  g_free (self->summary);
  self->summary = unknot_chart_describe_feel (ratings);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
unknot_feel_chart_get_n_points (UnknotFeelChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_FEEL_CHART (self), 0);
  return self->ratings != NULL ? self->ratings->len : 0;
}

/* The rating of the @index-th dot from the left, 1 to 5. */
guint
unknot_feel_chart_get_feel (UnknotFeelChart *self,
                            guint            index)
{
  g_return_val_if_fail (UNKNOT_IS_FEEL_CHART (self), 0);
  g_return_val_if_fail (index < unknot_feel_chart_get_n_points (self), 0);
  return g_array_index (self->ratings, UnknotHistoryFeel, index).feel;
}

/* The chart in words, as screen readers get it. */
const char *
unknot_feel_chart_get_summary (UnknotFeelChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_FEEL_CHART (self), NULL);
  return self->summary;
}
