/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-chart-paint.h"
#include "unknot-format.h"
#include "unknot-goal-ring.h"
#include "unknot-style.h"

/* The weekly goal as a ring that fills with each session of the week, the count and
 * goal in its middle ("1/2"). A week past its goal shows a full ring: the goal is met,
 * there is nothing more to fill.
 *
 * Screen readers get a meter with the same words the page shows beside it, "1 of 2
 * this week". */

#define LINE_WIDTH 8.0
#define MINIMUM_SIZE 72
#define NATURAL_SIZE 96

struct _UnknotGoalRing
{
  GtkWidget parent_instance;

  guint sessions;
  guint goal;
  char *text;
};

enum
{
  PROP_0,
  PROP_SESSIONS,
  PROP_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotGoalRing, unknot_goal_ring, GTK_TYPE_WIDGET)

static double
get_fraction (UnknotGoalRing *self)
{
  return MIN ((double) self->sessions / self->goal, 1.0);
}

static void
draw_ring (UnknotGoalRing *self,
           cairo_t        *cr,
           double          cx,
           double          cy,
           double          radius)
{
  GdkRGBA track = unknot_style_lookup_color (GTK_WIDGET (self), "window_fg_color", 0.1);
  GdkRGBA arc = unknot_style_lookup_color (GTK_WIDGET (self), "accent_bg_color", 1.0);
  double fraction = get_fraction (self);

  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (fraction > 0)
    {
      /* Clockwise from twelve o'clock, as a clock fills an hour. */
      gdk_cairo_set_source_rgba (cr, &arc);
      cairo_arc (cr, cx, cy, radius, -G_PI / 2, -G_PI / 2 + 2 * G_PI * fraction);
      cairo_stroke (cr);
    }
}

static void
draw_count (UnknotGoalRing *self,
            GtkSnapshot    *snapshot,
            double          cx,
            double          cy,
            double          radius)
{
  /* Translators: sessions this week and the weekly goal, in the middle of a ring,
   * such as "1/2" */
  g_autofree char *count = g_strdup_printf (_("%u/%u"), self->sessions, self->goal);
  g_autoptr (PangoLayout) layout = unknot_chart_paint_layout (GTK_WIDGET (self), count);
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  GdkRGBA color = unknot_style_lookup_color (GTK_WIDGET (self), "window_fg_color", 1.0);
  int width, height;

  /* Sized to the ring, whatever the font size, so the count always fits inside it. */
  pango_font_description_set_absolute_size (font, radius * 0.5 * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, &width, &height);
  if (width > 2 * (radius - LINE_WIDTH))
    return;
  unknot_chart_paint_text (snapshot, layout, cx - width / 2.0, cy - height / 2.0, &color);
}

static void
unknot_goal_ring_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  UnknotGoalRing *self = UNKNOT_GOAL_RING (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double radius = MIN (width, height) / 2 - LINE_WIDTH / 2;
  cairo_t *cr;

  if (radius <= LINE_WIDTH)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_ring (self, cr, width / 2, height / 2, radius);
  cairo_destroy (cr);
  draw_count (self, snapshot, width / 2, height / 2, radius);
}

static void
unknot_goal_ring_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = MINIMUM_SIZE;
  *natural = NATURAL_SIZE;
}

static void
update_accessible (UnknotGoalRing *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->goal,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  (double) MIN (self->sessions, self->goal),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text,
                                  -1);
}

static void
unknot_goal_ring_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UnknotGoalRing *self = UNKNOT_GOAL_RING (object);

  switch (prop_id)
    {
    case PROP_SESSIONS: g_value_set_uint (value, self->sessions); break;
    case PROP_GOAL: g_value_set_uint (value, self->goal); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_goal_ring_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UnknotGoalRing *self = UNKNOT_GOAL_RING (object);

  switch (prop_id)
    {
    case PROP_SESSIONS:
      unknot_goal_ring_set_progress (self, g_value_get_uint (value), self->goal);
      break;
    case PROP_GOAL:
      unknot_goal_ring_set_progress (self, self->sessions, g_value_get_uint (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_goal_ring_finalize (GObject *object)
{
  UnknotGoalRing *self = UNKNOT_GOAL_RING (object);

  g_free (self->text);
  G_OBJECT_CLASS (unknot_goal_ring_parent_class)->finalize (object);
}

static void
unknot_goal_ring_class_init (UnknotGoalRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_goal_ring_finalize;
  object_class->get_property = unknot_goal_ring_get_property;
  object_class->set_property = unknot_goal_ring_set_property;
  widget_class->snapshot = unknot_goal_ring_snapshot;
  widget_class->measure = unknot_goal_ring_measure;

  /* Sessions this week that count toward the goal. */
  properties[PROP_SESSIONS] = g_param_spec_uint ("sessions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Sessions a week to aim for. */
  properties[PROP_GOAL] = g_param_spec_uint ("goal", NULL, NULL, 1, G_MAXUINT, 1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "goalring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
unknot_goal_ring_init (UnknotGoalRing *self)
{
  self->goal = 1;
  self->text = unknot_format_goal_progress (self->sessions, self->goal);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Weekly goal"), -1);
  update_accessible (self);
}

GtkWidget *
unknot_goal_ring_new (void)
{
  return g_object_new (UNKNOT_TYPE_GOAL_RING, NULL);
}

/* @sessions: this week's sessions; @goal: the weekly goal, at least 1 */
void
unknot_goal_ring_set_progress (UnknotGoalRing *self,
                               guint           sessions,
                               guint           goal)
{
  gboolean sessions_changed, goal_changed;

  g_return_if_fail (UNKNOT_IS_GOAL_RING (self));
  g_return_if_fail (goal > 0);

  sessions_changed = self->sessions != sessions;
  goal_changed = self->goal != goal;
  if (!sessions_changed && !goal_changed)
    return;

  self->sessions = sessions;
  self->goal = goal;
  g_free (self->text);
  self->text = unknot_format_goal_progress (sessions, goal);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (sessions_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS]);
  if (goal_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
}

guint
unknot_goal_ring_get_sessions (UnknotGoalRing *self)
{
  g_return_val_if_fail (UNKNOT_IS_GOAL_RING (self), 0);
  return self->sessions;
}

guint
unknot_goal_ring_get_goal (UnknotGoalRing *self)
{
  g_return_val_if_fail (UNKNOT_IS_GOAL_RING (self), 1);
  return self->goal;
}

/* "1 of 2 this week", as the ring says it to screen readers. */
const char *
unknot_goal_ring_get_text (UnknotGoalRing *self)
{
  g_return_val_if_fail (UNKNOT_IS_GOAL_RING (self), NULL);
  return self->text;
}
