/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "unknot-style.h"
#include "unknot-timer-ring-private.h"

/* A ring that empties as a segment runs, with the time left in its middle and a short
 * caption under it ("Left side", "Paused").
 *
 * The ring draws its text itself, sized to the ring, so it stays readable from across
 * the room on a large screen and still fits a phone-sized window. The track, arc and
 * text take the theme's named colours, for light, dark and high-contrast styles.
 *
 * To assistive technologies it is a progress bar that keeps one name and gives its
 * value: the seconds left of the segment's seconds, and in words the time left with
 * the caption, which a screen reader reads whenever asked. */

#define LINE_WIDTH 10.0
#define MINIMUM_SIZE 140
#define NATURAL_SIZE 260

struct _UnknotTimerRing
{
  GtkWidget parent_instance;

  double fraction;  /* of the segment left, 1 at its start */
  char *text;       /* the time left */
  char *caption;
  gint64 seconds_left;
  gint64 seconds_total;
};

enum
{
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotTimerRing, unknot_timer_ring, GTK_TYPE_WIDGET)

static void
draw_ring (UnknotTimerRing *self,
           cairo_t         *cr,
           double           cx,
           double           cy,
           double           radius)
{
  GdkRGBA track = unknot_style_lookup_color (GTK_WIDGET (self), "window_fg_color", 0.1);
  GdkRGBA arc = unknot_style_lookup_color (GTK_WIDGET (self), "accent_bg_color", 1.0);

  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  gdk_cairo_set_source_rgba (cr, &track);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (self->fraction > 0)
    {
      /* Clockwise from twelve o'clock, shrinking toward it as time runs out. */
      gdk_cairo_set_source_rgba (cr, &arc);
      cairo_arc (cr, cx, cy, radius, -G_PI / 2, -G_PI / 2 + 2 * G_PI * self->fraction);
      cairo_stroke (cr);
    }
}

/* A centred line of text, @height pixels tall, with figures of equal width so the
 * countdown does not jitter. */
static PangoLayout *
make_layout (UnknotTimerRing *self,
             const char      *text,
             double           height,
             int              weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, height * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_font_description_free (font);
  return layout;
}

static void
append_text (UnknotTimerRing *self,
             GtkSnapshot     *snapshot,
             const char      *text,
             double           height,
             int              weight,
             double           cx,
             double           top,
             double           alpha)
{
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA color = unknot_style_lookup_color (GTK_WIDGET (self), "window_fg_color", 1.0);
  int width, layout_height;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (self, text, height, weight);
  pango_layout_get_pixel_size (layout, &width, &layout_height);
  color.alpha *= alpha;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx - width / 2.0, top));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
unknot_timer_ring_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  UnknotTimerRing *self = UNKNOT_TIMER_RING (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double cx = width / 2, cy = height / 2;
  double radius = MIN (width, height) / 2 - LINE_WIDTH / 2;
  double time_height = radius * 0.5;
  double caption_height = radius * 0.13;
  cairo_t *cr;

  if (radius <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_ring (self, cr, cx, cy, radius);
  cairo_destroy (cr);

  append_text (self, snapshot, self->text, time_height, PANGO_WEIGHT_LIGHT, cx,
               cy - time_height * 0.75, 1.0);
  append_text (self, snapshot, self->caption, caption_height, PANGO_WEIGHT_BOLD, cx,
               cy + time_height * 0.6, 0.8);
}

static void
unknot_timer_ring_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = MINIMUM_SIZE;
  *natural = for_size > 0 ? CLAMP (for_size, MINIMUM_SIZE, NATURAL_SIZE) : NATURAL_SIZE;
}

static GtkSizeRequestMode
unknot_timer_ring_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
unknot_timer_ring_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotTimerRing *self = UNKNOT_TIMER_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION: g_value_set_double (value, self->fraction); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_timer_ring_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UnknotTimerRing *self = UNKNOT_TIMER_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION: unknot_timer_ring_set_fraction (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_timer_ring_finalize (GObject *object)
{
  UnknotTimerRing *self = UNKNOT_TIMER_RING (object);

  g_free (self->text);
  g_free (self->caption);
  G_OBJECT_CLASS (unknot_timer_ring_parent_class)->finalize (object);
}

static void
unknot_timer_ring_class_init (UnknotTimerRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_timer_ring_finalize;
  object_class->get_property = unknot_timer_ring_get_property;
  object_class->set_property = unknot_timer_ring_set_property;
  widget_class->snapshot = unknot_timer_ring_snapshot;
  widget_class->measure = unknot_timer_ring_measure;
  widget_class->get_request_mode = unknot_timer_ring_get_request_mode;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timerring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
unknot_timer_ring_init (UnknotTimerRing *self)
{
  self->fraction = 1.0;
  self->seconds_left = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time left"), -1);
}

GtkWidget *
unknot_timer_ring_new (void)
{
  return g_object_new (UNKNOT_TYPE_TIMER_RING, NULL);
}

void
unknot_timer_ring_set_fraction (UnknotTimerRing *self,
                                double           fraction)
{
  g_return_if_fail (UNKNOT_IS_TIMER_RING (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fabs (self->fraction - fraction) < 1e-4)
    return;
  self->fraction = fraction;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
unknot_timer_ring_get_fraction (UnknotTimerRing *self)
{
  g_return_val_if_fail (UNKNOT_IS_TIMER_RING (self), 0.0);
  return self->fraction;
}

/* "0:21 left, Left side": the value in words, as a screen reader reads it. */
static void
update_value_text (UnknotTimerRing *self)
{
  g_autofree char *value = NULL;

  if (self->text == NULL)
    return;
  if (self->caption != NULL && *self->caption != '\0')
    /* Translators: how a screen reader reads the timer: the time left, then where in
     * the routine, such as "0:21 left, Left side" or "0:05 left, Paused" */
    value = g_strdup_printf (_("%s left, %s"), self->text, self->caption);
  else
    /* Translators: how a screen reader reads the timer, such as "0:21 left" */
    value = g_strdup_printf (_("%s left"), self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value, -1);
}

/* @text: the time left, such as "0:45"; @caption: (nullable): such as "Left side" */
void
unknot_timer_ring_set_text (UnknotTimerRing *self,
                            const char      *text,
                            const char      *caption)
{
  g_return_if_fail (UNKNOT_IS_TIMER_RING (self));

  if (g_strcmp0 (self->text, text) == 0 && g_strcmp0 (self->caption, caption) == 0)
    return;
  g_free (self->text);
  g_free (self->caption);
  self->text = g_strdup (text);
  self->caption = g_strdup (caption);
  update_value_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * unknot_timer_ring_set_seconds:
 * @left: whole seconds left of the segment
 * @total: the segment's length in whole seconds
 *
 * The ring's value for assistive technologies; what it draws comes from
 * unknot_timer_ring_set_fraction() and unknot_timer_ring_set_text().
 */
void
unknot_timer_ring_set_seconds (UnknotTimerRing *self,
                               gint64           left,
                               gint64           total)
{
  g_return_if_fail (UNKNOT_IS_TIMER_RING (self));

  total = MAX (total, 0);
  left = CLAMP (left, 0, total);
  if (left == self->seconds_left && total == self->seconds_total)
    return;
  self->seconds_left = left;
  self->seconds_total = total;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) total,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) left, -1);
}

const char *
unknot_timer_ring_get_text (UnknotTimerRing *self)
{
  g_return_val_if_fail (UNKNOT_IS_TIMER_RING (self), NULL);
  return self->text;
}
