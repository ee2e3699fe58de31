/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "unknot-calendar-heatmap-private.h"
#include "unknot-chart-data.h"
#include "unknot-chart-paint.h"
#include "unknot-format.h"
#include "unknot-style.h"

/* Sessions per day over the last weeks: one column per week, oldest on the left,
 * Monday at the top, each day a square in the accent colour, stronger the more sessions
 * it had (unknot_chart_heatmap_level()). Today has an outline; days after it are left
 * out. The names of weekdays and months come from GLib, in the user's language.
 *
 * The squares grow with the width given, between MINIMUM_CELL (a 360 px window) and
 * MAXIMUM_CELL; screen readers get the summary as the image's description, pointers a
 * tooltip per day. */

#define N_WEEKS_SHOWN 12
#define MINIMUM_CELL 10.0
#define MAXIMUM_CELL 26.0
#define GAP 3.0
#define LABEL_GAP 6.0

/* The alpha of the accent colour for levels 1 to UNKNOT_CHART_N_LEVELS. */
static const double level_alpha[UNKNOT_CHART_N_LEVELS] = { 0.3, 0.5, 0.75, 1.0 };

struct _UnknotCalendarHeatmap
{
  GtkWidget parent_instance;

  GArray *days;         /* of UnknotHistoryDay, whole weeks from a Monday; NULL until set */
  GDate today;
  guint most_sessions;  /* on the busiest day shown */
  char *summary;
  char *weekdays[7];    /* abbreviated names, Monday first */
};

typedef struct
{
  double left;          /* of the first column of squares */
  double top;           /* of the first row */
  double cell;
  double label_width;
} Geometry;

G_DEFINE_FINAL_TYPE (UnknotCalendarHeatmap, unknot_calendar_heatmap, GTK_TYPE_WIDGET)

static guint
get_n_weeks (UnknotCalendarHeatmap *self)
{
  return self->days != NULL ? self->days->len / 7 : N_WEEKS_SHOWN;
}

static void
get_text_size (UnknotCalendarHeatmap *self,
               double                *label_width,
               double                *line_height)
{
  int max_width = 0, height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->weekdays); i++)
    {
      g_autoptr (PangoLayout) layout = unknot_chart_paint_layout (GTK_WIDGET (self),
                                                                  self->weekdays[i]);
      int width;

      pango_layout_get_pixel_size (layout, &width, &height);
      max_width = MAX (max_width, width);
    }
  *label_width = max_width + LABEL_GAP;
  *line_height = height;
}

static double
grid_width (guint  n_weeks,
            double cell)
{
  return n_weeks * cell + (n_weeks - 1) * GAP;
}

static double
grid_height (double line_height,
             double cell)
{
  return line_height + GAP + 7 * cell + 6 * GAP;
}

static double
cell_for_width (UnknotCalendarHeatmap *self,
                double                 width,
                double                 label_width)
{
  guint n_weeks = get_n_weeks (self);
  double cell = (width - label_width - (n_weeks - 1) * GAP) / n_weeks;

  return CLAMP (cell, MINIMUM_CELL, MAXIMUM_CELL);
}

static void
get_geometry (UnknotCalendarHeatmap *self,
              double                 width,
              Geometry              *geometry)
{
  double line_height;

  get_text_size (self, &geometry->label_width, &line_height);
  geometry->cell = cell_for_width (self, width, geometry->label_width);
  /* Centred, for the wide window where the squares stop growing. */
  geometry->left = MAX (0, (width - geometry->label_width
                            - grid_width (get_n_weeks (self), geometry->cell)) / 2)
                   + geometry->label_width;
  geometry->top = line_height + GAP;
}

static GDate
get_date (UnknotCalendarHeatmap *self,
          guint                  index)
{
  return g_array_index (self->days, UnknotHistoryDay, index).date;
}

static void
draw_cells (UnknotCalendarHeatmap *self,
            cairo_t               *cr,
            const Geometry        *geometry)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA empty = unknot_style_lookup_color (widget, "window_fg_color", 0.08);
  GdkRGBA outline = unknot_style_lookup_color (widget, "window_fg_color", 0.9);
  double size = geometry->cell;

  for (guint i = 0; i < self->days->len; i++)
    {
      const UnknotHistoryDay *day = &g_array_index (self->days, UnknotHistoryDay, i);
      guint level = unknot_chart_heatmap_level (day->sessions, self->most_sessions);
      double x = geometry->left + (i / 7) * (size + GAP);
      double y = geometry->top + (i % 7) * (size + GAP);
      int compared = g_date_compare (&day->date, &self->today);
      GdkRGBA fill = empty;

      if (compared > 0)
        continue;
      if (level > 0)
        fill = unknot_style_lookup_color (widget, "accent_bg_color", level_alpha[level - 1]);

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + size - 2, y + 2, 2, -G_PI / 2, 0);
      cairo_arc (cr, x + size - 2, y + size - 2, 2, 0, G_PI / 2);
      cairo_arc (cr, x + 2, y + size - 2, 2, G_PI / 2, G_PI);
      cairo_arc (cr, x + 2, y + 2, 2, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &fill);
      if (compared < 0)
        {
          cairo_fill (cr);
          continue;
        }
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      gdk_cairo_set_source_rgba (cr, &outline);
      cairo_stroke (cr);
    }
}

static void
draw_weekdays (UnknotCalendarHeatmap *self,
               GtkSnapshot           *snapshot,
               const Geometry        *geometry)
{
  GdkRGBA color = unknot_style_lookup_color (GTK_WIDGET (self), "window_fg_color", 0.7);

  for (guint row = 0; row < G_N_ELEMENTS (self->weekdays); row++)
    {
      g_autoptr (PangoLayout) layout = unknot_chart_paint_layout (GTK_WIDGET (self),
                                                                  self->weekdays[row]);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      /* Rows too short for a line each get every other name, Monday first. */
      if (height > geometry->cell + GAP && row % 2 == 1)
        continue;
      unknot_chart_paint_text (snapshot, layout, geometry->left - LABEL_GAP - width,
                               geometry->top + row * (geometry->cell + GAP)
                               + (geometry->cell - height) / 2, &color);
    }
}

/* Whether the week holds the first of a month, and which day is labelled: that first,
 * or the week's Monday. */
static gboolean
starts_month (UnknotCalendarHeatmap *self,
              guint                  week,
              GDate                 *labelled)
{
  for (guint i = week * 7; i < week * 7 + 7; i++)
    {
      *labelled = get_date (self, i);
      if (g_date_get_day (labelled) == 1)
        return TRUE;
    }
  *labelled = get_date (self, week * 7);
  return FALSE;
}

/* A month is named over the column of the week that holds its first day. The first
 * column is named too, after its Monday, unless a month starts too close after it for
 * both names to fit: then the month that starts is the more useful one. */
static gboolean
get_month_label (UnknotCalendarHeatmap *self,
                 guint                  week,
                 GDate                 *labelled)
{
  GDate later;

  if (starts_month (self, week, labelled))
    return TRUE;
  if (week != 0)
    return FALSE;
  for (guint next = 1; next <= 2 && next < get_n_weeks (self); next++)
    if (starts_month (self, next, &later))
      return FALSE;
  return TRUE;
}

static void
draw_months (UnknotCalendarHeatmap *self,
             GtkSnapshot           *snapshot,
             const Geometry        *geometry,
             double                 width)
{
  GdkRGBA color = unknot_style_lookup_color (GTK_WIDGET (self), "window_fg_color", 0.7);
  double next_free = 0;  /* labels never overlap: a month that would is left out */

  for (guint week = 0; week < get_n_weeks (self); week++)
    {
      g_autoptr (GDateTime) time = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      g_autofree char *name = NULL;
      GDate first;
      double x;
      int text_width, text_height;

      if (!get_month_label (self, week, &first))
        continue;
      time = g_date_time_new_utc (g_date_get_year (&first), g_date_get_month (&first),
                                  g_date_get_day (&first), 12, 0, 0);
      name = g_date_time_format (time, "%b");
      layout = unknot_chart_paint_layout (GTK_WIDGET (self), name);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      x = MIN (geometry->left + week * (geometry->cell + GAP), width - text_width);
      if (x < next_free)
        continue;
      unknot_chart_paint_text (snapshot, layout, x, 0, &color);
      next_free = x + text_width + LABEL_GAP;
    }
}

static void
unknot_calendar_heatmap_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  UnknotCalendarHeatmap *self = UNKNOT_CALENDAR_HEATMAP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  Geometry geometry;
  cairo_t *cr;

  if (self->days == NULL || self->days->len == 0)
    return;

  get_geometry (self, width, &geometry);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_cells (self, cr, &geometry);
  cairo_destroy (cr);
  draw_weekdays (self, snapshot, &geometry);
  draw_months (self, snapshot, &geometry, width);
}

static void
unknot_calendar_heatmap_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  UnknotCalendarHeatmap *self = UNKNOT_CALENDAR_HEATMAP (widget);
  double label_width, line_height;

  get_text_size (self, &label_width, &line_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = ceil (label_width + grid_width (get_n_weeks (self), MINIMUM_CELL));
      *natural = ceil (label_width + grid_width (get_n_weeks (self), MAXIMUM_CELL));
    }
  else if (for_size >= 0)
    {
      *minimum = *natural = ceil (grid_height (line_height,
                                               cell_for_width (self, for_size, label_width)));
    }
  else
    {
      /* At no width in particular: the least height is that of the smallest squares, as
       * GTK takes it for the least the heatmap needs at any width. */
      *minimum = ceil (grid_height (line_height, MINIMUM_CELL));
      *natural = ceil (grid_height (line_height, MAXIMUM_CELL));
    }
}

static GtkSizeRequestMode
unknot_calendar_heatmap_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
unknot_calendar_heatmap_query_tooltip (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_mode,
                                       GtkTooltip *tooltip)
{
  UnknotCalendarHeatmap *self = UNKNOT_CALENDAR_HEATMAP (widget);
  g_autoptr (GDateTime) time = NULL;
  g_autofree char *day_name = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *text = NULL;
  const UnknotHistoryDay *day;
  Geometry geometry;
  int column, row;
  guint index;

  if (self->days == NULL || keyboard_mode)
    return FALSE;

  get_geometry (self, gtk_widget_get_width (widget), &geometry);
  column = floor ((x - geometry.left) / (geometry.cell + GAP));
  row = floor ((y - geometry.top) / (geometry.cell + GAP));
  if (x < geometry.left || y < geometry.top || column >= (int) get_n_weeks (self) || row >= 7)
    return FALSE;
  index = column * 7 + row;
  day = &g_array_index (self->days, UnknotHistoryDay, index);
  if (g_date_compare (&day->date, &self->today) > 0)
    return FALSE;

  time = g_date_time_new_utc (g_date_get_year (&day->date), g_date_get_month (&day->date),
                              g_date_get_day (&day->date), 12, 0, 0);
  /* Translators: a day in a tooltip, in the codes of g_date_time_format(), such as
   * "Mon 4 May" */
  day_name = g_date_time_format (time, C_("calendar day", "%a %-d %b"));
  sessions = unknot_format_sessions (day->sessions);
  /* Translators: a number of sessions and a day, such as "2 sessions, Mon 4 May" */
  text = g_strdup_printf (_("%s, %s"), sessions, day_name);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
unknot_calendar_heatmap_finalize (GObject *object)
{
  UnknotCalendarHeatmap *self = UNKNOT_CALENDAR_HEATMAP (object);

  g_clear_pointer (&self->days, g_array_unref);
  g_free (self->summary);
  for (guint i = 0; i < G_N_ELEMENTS (self->weekdays); i++)
    g_free (self->weekdays[i]);
  G_OBJECT_CLASS (unknot_calendar_heatmap_parent_class)->finalize (object);
}

static void
unknot_calendar_heatmap_class_init (UnknotCalendarHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_calendar_heatmap_finalize;
  widget_class->snapshot = unknot_calendar_heatmap_snapshot;
  widget_class->measure = unknot_calendar_heatmap_measure;
  widget_class->get_request_mode = unknot_calendar_heatmap_get_request_mode;
  widget_class->query_tooltip = unknot_calendar_heatmap_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "calendarheatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_calendar_heatmap_init (UnknotCalendarHeatmap *self)
{
  /* 1 January 2024 was a Monday; only the names of its week's days are used. */
  for (guint i = 0; i < G_N_ELEMENTS (self->weekdays); i++)
    {
      g_autoptr (GDateTime) day = g_date_time_new_utc (2024, 1, 1 + i, 12, 0, 0);
      self->weekdays[i] = g_date_time_format (day, "%a");
    }
  g_date_clear (&self->today, 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "caption");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sessions per day"), -1);
}

GtkWidget *
unknot_calendar_heatmap_new (void)
{
  return g_object_new (UNKNOT_TYPE_CALENDAR_HEATMAP, NULL);
}

/**
 * unknot_calendar_heatmap_set_days:
 * @days: (element-type UnknotHistoryDay): whole weeks from a Monday, oldest first, as
 *   unknot_history_get_calendar() gives them; the heatmap keeps a reference
 * @today: the day to mark; later days are not drawn
 */
void
unknot_calendar_heatmap_set_days (UnknotCalendarHeatmap *self,
                                  GArray                *days,
                                  const GDate           *today)
{
  g_return_if_fail (UNKNOT_IS_CALENDAR_HEATMAP (self));
  g_return_if_fail (days != NULL && days->len > 0 && days->len % 7 == 0);
  g_return_if_fail (g_date_get_weekday (&g_array_index (days, UnknotHistoryDay, 0).date)
                    == G_DATE_MONDAY);
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_array_ref (days);
  g_clear_pointer (&self->days, g_array_unref);
  self->days = days;
  self->today = *today;
  self->most_sessions = 0;
  for (guint i = 0; i < days->len; i++)
    self->most_sessions = MAX (self->most_sessions,
                               g_array_index (days, UnknotHistoryDay, i).sessions);

  g_free (self->summary);
  self->summary = unknot_chart_describe_calendar (days, today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
unknot_calendar_heatmap_get_n_weeks (UnknotCalendarHeatmap *self)
{
  g_return_val_if_fail (UNKNOT_IS_CALENDAR_HEATMAP (self), 0);
  return self->days != NULL ? self->days->len / 7 : 0;
}

static const UnknotHistoryDay *
find_day (UnknotCalendarHeatmap *self,
          const GDate           *date)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    if (g_date_compare (&g_array_index (self->days, UnknotHistoryDay, i).date, date) == 0)
      return &g_array_index (self->days, UnknotHistoryDay, i);
  return NULL;
}

/* The sessions the heatmap shows on @date, 0 for a day it does not show. */
guint
unknot_calendar_heatmap_get_sessions (UnknotCalendarHeatmap *self,
                                      const GDate           *date)
{
  const UnknotHistoryDay *day;

  g_return_val_if_fail (UNKNOT_IS_CALENDAR_HEATMAP (self), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  day = find_day (self, date);
  return day != NULL ? day->sessions : 0;
}

/* How strongly @date is coloured: 0 (no session) to UNKNOT_CHART_N_LEVELS. */
guint
unknot_calendar_heatmap_get_level (UnknotCalendarHeatmap *self,
                                   const GDate           *date)
{
  g_return_val_if_fail (UNKNOT_IS_CALENDAR_HEATMAP (self), 0);
  return unknot_chart_heatmap_level (unknot_calendar_heatmap_get_sessions (self, date),
                                     self->most_sessions);
}

/* The heatmap in words, as screen readers get it. */
const char *
unknot_calendar_heatmap_get_summary (UnknotCalendarHeatmap *self)
{
  g_return_val_if_fail (UNKNOT_IS_CALENDAR_HEATMAP (self), NULL);
  return self->summary;
}
