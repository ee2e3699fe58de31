/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "unknot-chart-data.h"
#include "unknot-chart-paint.h"
#include "unknot-format.h"
#include "unknot-region-chart-private.h"
#include "unknot-style.h"

/* Time per body region as horizontal bars, most time first, one row each: the region's
 * name, the bar, and the time in words ("24 minutes"). Only regions with time have a
 * row, so the chart is as tall as it needs to be and empty when there is nothing.
 *
 * Names take at most NAME_SHARE of the width and are ellipsized past it, so a long name
 * in some language still leaves room for the bars in a 360 px window. Screen readers
 * get the rows in words as the image's description. */

#define GAP 8.0
#define ROW_GAP 8.0
#define NAME_SHARE 0.4
#define MINIMUM_WIDTH 200
#define NATURAL_WIDTH 400

struct _UnknotRegionChart
{
  GtkWidget parent_instance;

  UnknotRegionTime bars[UNKNOT_N_REGIONS];
  guint n_bars;
  char *summary;
};

G_DEFINE_FINAL_TYPE (UnknotRegionChart, unknot_region_chart, GTK_TYPE_WIDGET)

static PangoLayout *
make_time_layout (UnknotRegionChart *self,
                  guint              index)
{
  g_autofree char *time = unknot_format_duration_rounded ((gint64) self->bars[index].seconds
                                                          * 1000);
  return unknot_chart_paint_layout (GTK_WIDGET (self), time);
}

static int
get_line_height (UnknotRegionChart *self)
{
  g_autoptr (PangoLayout) layout = unknot_chart_paint_layout (GTK_WIDGET (self), "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* The widest name and the widest time of the rows. */
static void
get_column_widths (UnknotRegionChart *self,
                   double            *name_width,
                   double            *time_width)
{
  int widest_name = 0, widest_time = 0;

  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autoptr (PangoLayout) name = unknot_chart_paint_layout (
        GTK_WIDGET (self), unknot_region_get_label (self->bars[i].region));
      g_autoptr (PangoLayout) time = make_time_layout (self, i);
      int width;

      pango_layout_get_pixel_size (name, &width, NULL);
      widest_name = MAX (widest_name, width);
      pango_layout_get_pixel_size (time, &width, NULL);
      widest_time = MAX (widest_time, width);
    }
  *name_width = widest_name;
  *time_width = widest_time;
}

static void
unknot_region_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  UnknotRegionChart *self = UNKNOT_REGION_CHART (widget);
  double width = gtk_widget_get_width (widget);
  GdkRGBA name_color = unknot_style_lookup_color (widget, "window_fg_color", 1.0);
  GdkRGBA time_color = unknot_style_lookup_color (widget, "window_fg_color", 0.7);
  GdkRGBA bar_color = unknot_style_lookup_color (widget, "accent_bg_color", 1.0);
  double line_height = get_line_height (self);
  double bar_height = MAX (line_height - 6, 4);
  double name_width, time_width, bar_space;

  if (self->n_bars == 0)
    return;

  get_column_widths (self, &name_width, &time_width);
  name_width = MIN (name_width, floor (width * NAME_SHARE));
  bar_space = MAX (width - name_width - time_width - 2 * GAP, 1);

  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autoptr (PangoLayout) name = unknot_chart_paint_layout (
        widget, unknot_region_get_label (self->bars[i].region));
      g_autoptr (PangoLayout) time = make_time_layout (self, i);
      double top = i * (line_height + ROW_GAP);
      double length = MAX (bar_space * self->bars[i].seconds / self->bars[0].seconds, 2);
      double x = name_width + GAP;
      GskRoundedRect bar;

      pango_layout_set_width (name, name_width * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      unknot_chart_paint_text (snapshot, name, 0, top, &name_color);

      gsk_rounded_rect_init_from_rect (&bar, &GRAPHENE_RECT_INIT (x, top + (line_height
                                                                            - bar_height) / 2,
                                                                  length, bar_height),
                                       MIN (3, length / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &bar);
      gtk_snapshot_append_color (snapshot, &bar_color, &bar.bounds);
      gtk_snapshot_pop (snapshot);

      unknot_chart_paint_text (snapshot, time, x + length + GAP, top, &time_color);
    }
}

static void
unknot_region_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  UnknotRegionChart *self = UNKNOT_REGION_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MINIMUM_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else if (self->n_bars == 0)
    *minimum = *natural = 0;
  else
    *minimum = *natural = self->n_bars * (get_line_height (self) + ROW_GAP) - ROW_GAP;
}

static void
unknot_region_chart_finalize (GObject *object)
{
  UnknotRegionChart *self = UNKNOT_REGION_CHART (object);

  g_free (self->summary);
  G_OBJECT_CLASS (unknot_region_chart_parent_class)->finalize (object);
}

static void
unknot_region_chart_class_init (UnknotRegionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_region_chart_finalize;
  widget_class->snapshot = unknot_region_chart_snapshot;
  widget_class->measure = unknot_region_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "regionchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_region_chart_init (UnknotRegionChart *self)
{
  self->summary = unknot_chart_describe_regions (self->bars, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time per region"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

GtkWidget *
unknot_region_chart_new (void)
{
  return g_object_new (UNKNOT_TYPE_REGION_CHART, NULL);
}

/**
 * unknot_region_chart_set_seconds:
 * @seconds: per #UnknotRegion, as unknot_history_get_region_seconds() gives them
 */
void
unknot_region_chart_set_seconds (UnknotRegionChart *self,
                                 const guint64      seconds[UNKNOT_N_REGIONS])
{
  g_return_if_fail (UNKNOT_IS_REGION_CHART (self));
  g_return_if_fail (seconds != NULL);

  self->n_bars = unknot_chart_sort_regions (seconds, self->bars);
  g_free (self->summary);
  self->summary = unknot_chart_describe_regions (self->bars, self->n_bars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* How many regions have a bar: those with time. */
guint
unknot_region_chart_get_n_bars (UnknotRegionChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION_CHART (self), 0);
  return self->n_bars;
}

/* The region of the @index-th bar from the top. */
UnknotRegion
unknot_region_chart_get_region (UnknotRegionChart *self,
                                guint              index)
{
  g_return_val_if_fail (UNKNOT_IS_REGION_CHART (self), 0);
  g_return_val_if_fail (index < self->n_bars, 0);
  return self->bars[index].region;
}

guint64
unknot_region_chart_get_seconds (UnknotRegionChart *self,
                                 guint              index)
{
  g_return_val_if_fail (UNKNOT_IS_REGION_CHART (self), 0);
  g_return_val_if_fail (index < self->n_bars, 0);
  return self->bars[index].seconds;
}

/* The chart in words, "Calves 24 minutes, Feet 12 minutes", as screen readers get it. */
const char *
unknot_region_chart_get_summary (UnknotRegionChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_REGION_CHART (self), NULL);
  return self->summary;
}
