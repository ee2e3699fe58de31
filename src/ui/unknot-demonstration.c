/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-demo-motion.h"
#include "unknot-demonstration.h"
#include "unknot-style.h"

/* A technique shown moving on its region: the region cut out of the body figure and
 * enlarged, with the hands or the tool doing the technique on it (the drawing is in
 * unknot-demo-stage.c and unknot-demo-motion.c).
 *
 * It plays a few cycles when it is shown and when asked to replay (a click, or the
 * player's key), then rests as a still with the motion's arrows. At rest it has no tick
 * callback and draws nothing more, so a running routine costs no more than without it;
 * the enlarged figure is drawn once per size into an image, so a frame of the motion
 * draws only the hand or tool. With animations turned off it shows the still at once. */

#define MIN_PLAY_SECONDS 6.0   /* short cycles repeat until about this long … */
#define MIN_CYCLES 2           /* … and long ones play at least twice */
#define MAX_CYCLES 5
#define NATURAL_SIZE 220
#define MINIMUM_SIZE 56

struct _UnknotDemonstration
{
  GtkWidget parent_instance;

  UnknotTechnique technique;
  UnknotRegion region;
  UnknotTool tool;
  UnknotPressure pressure;
  UnknotSide side;
  gboolean shown;          /* whether there is anything to show */

  cairo_surface_t *stage_image; /* the enlarged region, for the size below */
  cairo_surface_t *still_image; /* the same with the still drawn on it, once at rest */
  UnknotDemoStage stage;
  int stage_width, stage_height, stage_scale;

  guint tick_id;
  gint64 start_time;      /* in the frame clock's microseconds; 0 until the first frame */
  double cycles;          /* the time into the motion, or UNKNOT_DEMO_AT_REST */
};

enum
{
  PROP_0,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotDemonstration, unknot_demonstration, GTK_TYPE_WIDGET)

static void
forget_stage (UnknotDemonstration *self)
{
  g_clear_pointer (&self->still_image, cairo_surface_destroy);
  g_clear_pointer (&self->stage_image, cairo_surface_destroy);
  unknot_demo_stage_clear (&self->stage);
}

static double
play_cycles (UnknotDemonstration *self)
{
  double seconds = unknot_demo_motion_get_cycle_seconds (self->technique, self->pressure);

  return CLAMP (ceil (MIN_PLAY_SECONDS / seconds), MIN_CYCLES, MAX_CYCLES);
}

static void
stop_ticking (UnknotDemonstration *self)
{
  gboolean was_playing = self->tick_id != 0;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->cycles = UNKNOT_DEMO_AT_REST;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (was_playing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  UnknotDemonstration *self = UNKNOT_DEMONSTRATION (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double seconds = unknot_demo_motion_get_cycle_seconds (self->technique, self->pressure);

  if (self->start_time == 0)
    self->start_time = now;
  self->cycles = (now - self->start_time) / (G_USEC_PER_SEC * seconds);
  if (self->cycles >= play_cycles (self))
    {
      /* Returning G_SOURCE_REMOVE removes the callback; it must not be removed twice. */
      self->tick_id = 0;
      self->cycles = UNKNOT_DEMO_AT_REST;
      gtk_widget_queue_draw (widget);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
animations_enabled (UnknotDemonstration *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

/* Plays the motion from its start, a few cycles, then rests. */
void
unknot_demonstration_replay (UnknotDemonstration *self)
{
  gboolean was_playing;

  g_return_if_fail (UNKNOT_IS_DEMONSTRATION (self));

  was_playing = self->tick_id != 0;
  if (!self->shown || !animations_enabled (self))
    {
      stop_ticking (self);
      return;
    }
  self->start_time = 0;
  self->cycles = 0;
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!was_playing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/* Stops the motion and shows the still. */
void
unknot_demonstration_rest (UnknotDemonstration *self)
{
  g_return_if_fail (UNKNOT_IS_DEMONSTRATION (self));
  stop_ticking (self);
}

gboolean
unknot_demonstration_get_playing (UnknotDemonstration *self)
{
  g_return_val_if_fail (UNKNOT_IS_DEMONSTRATION (self), FALSE);
  return self->tick_id != 0;
}

static const char *
describe_motion (UnknotTechnique technique)
{
  /* Translators: these describe the motion a demonstration shows, for screen readers;
   * each is put into "Demonstration of %1$s on %2$s, with: %3$s" */
  switch (technique)
    {
    case UNKNOT_TECHNIQUE_EFFLEURAGE: return _("long gliding strokes toward the heart");
    case UNKNOT_TECHNIQUE_PETRISSAGE: return _("alternating kneading by two hands");
    case UNKNOT_TECHNIQUE_COMPRESSION: return _("presses stepping along the region");
    case UNKNOT_TECHNIQUE_FRICTION: return _("small quick circles on one spot");
    case UNKNOT_TECHNIQUE_TAPOTEMENT: return _("quick rhythmic taps");
    case UNKNOT_TECHNIQUE_TRIGGER_POINT: return _("one spot pressed and held");
    case UNKNOT_TECHNIQUE_MYOFASCIAL_RELEASE: return _("a slow spreading outward");
    case UNKNOT_TECHNIQUE_ROLLING: return _("the tool travelling along the region");
    case UNKNOT_TECHNIQUE_STRETCHING: return _("the direction of the stretch");
    case UNKNOT_TECHNIQUE_VIBRATION: return _("a buzzing on one spot");
    case UNKNOT_N_TECHNIQUES:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * unknot_demonstration_describe:
 *
 * Returns: (transfer full): what the demonstration shows, in words, for screen readers.
 */
char *
unknot_demonstration_describe (UnknotTechnique technique,
                               UnknotRegion    region,
                               UnknotTool      tool,
                               UnknotSide      side)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (technique < UNKNOT_N_TECHNIQUES, NULL);
  g_return_val_if_fail (region < UNKNOT_N_REGIONS, NULL);
  g_return_val_if_fail (tool < UNKNOT_N_TOOLS, NULL);

  if (side == UNKNOT_SIDE_LEFT || side == UNKNOT_SIDE_RIGHT)
    /* Translators: a body region and its side, such as "Calves, Left side" */
    where = g_strdup_printf (C_("region and side", "%s, %s"), unknot_region_get_label (region),
                             unknot_side_get_label (side));
  else
    where = g_strdup (unknot_region_get_label (region));
  /* Translators: read by screen readers for a moving demonstration; %1$s is the motion,
   * such as "small quick circles on one spot", %2$s the body region, such as "Calves,
   * Left side", %3$s the tool, such as "Foam roller" or "Hands" */
  return g_strdup_printf (_("Demonstration of %1$s on %2$s, with: %3$s"),
                          describe_motion (technique), where, unknot_tool_get_label (tool));
}

static void
update_accessible_label (UnknotDemonstration *self)
{
  g_autofree char *label = NULL;

  if (self->shown)
    label = unknot_demonstration_describe (self->technique, self->region, self->tool,
                                           self->side);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Demonstration"), -1);
}

/**
 * unknot_demonstration_show:
 * @side: the side being worked; %UNKNOT_SIDE_RIGHT shows the right one, mirrored
 *
 * Shows @technique on @region and plays it from its start.
 */
void
unknot_demonstration_show (UnknotDemonstration *self,
                           UnknotTechnique      technique,
                           UnknotRegion         region,
                           UnknotTool           tool,
                           UnknotPressure       pressure,
                           UnknotSide           side)
{
  g_return_if_fail (UNKNOT_IS_DEMONSTRATION (self));
  g_return_if_fail (technique < UNKNOT_N_TECHNIQUES);
  g_return_if_fail (region < UNKNOT_N_REGIONS);
  g_return_if_fail (tool < UNKNOT_N_TOOLS);
  g_return_if_fail (pressure <= UNKNOT_PRESSURE_UNSPECIFIED);
  g_return_if_fail (side < UNKNOT_N_SIDES);

  if (self->region != region || (self->side == UNKNOT_SIDE_RIGHT) != (side == UNKNOT_SIDE_RIGHT))
    forget_stage (self);
  g_clear_pointer (&self->still_image, cairo_surface_destroy);
  self->technique = technique;
  self->region = region;
  self->tool = tool;
  self->pressure = pressure;
  self->side = side;
  self->shown = TRUE;
  update_accessible_label (self);
  unknot_demonstration_replay (self);
}

/* The enlarged region as an image, made again only when the size or region changes. */
static void
ensure_stage (UnknotDemonstration *self,
              int                  width,
              int                  height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GdkRGBA accent = unknot_style_lookup_color (GTK_WIDGET (self), "accent_bg_color", 0.6);
  double rgba[4] = { accent.red, accent.green, accent.blue, accent.alpha };
  cairo_t *cr;

  if (self->stage_image != NULL && self->stage_width == width && self->stage_height == height
      && self->stage_scale == scale)
    return;
  forget_stage (self);
  unknot_demo_stage_init (&self->stage, self->region, self->side, width, height);
  self->stage_image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                  height * scale);
  cairo_surface_set_device_scale (self->stage_image, scale, scale);
  cr = cairo_create (self->stage_image);
  unknot_demo_stage_draw_region (&self->stage, cr, rgba);
  cairo_destroy (cr);
  self->stage_width = width;
  self->stage_height = height;
  self->stage_scale = scale;
}

/* At rest, the still is one image: when GTK paints the window again around it (the
 * timer beside it changes four times a second), it costs a copy, not a drawing. */
static cairo_surface_t *
ensure_still (UnknotDemonstration     *self,
              const UnknotDemoPalette *palette)
{
  cairo_t *cr;

  if (self->still_image != NULL)
    return self->still_image;
  self->still_image = cairo_surface_create_similar_image (self->stage_image,
                                                          CAIRO_FORMAT_ARGB32,
                                                          self->stage_width * self->stage_scale,
                                                          self->stage_height * self->stage_scale);
  cairo_surface_set_device_scale (self->still_image, self->stage_scale, self->stage_scale);
  cr = cairo_create (self->still_image);
  cairo_set_source_surface (cr, self->stage_image, 0, 0);
  cairo_paint (cr);
  unknot_demo_motion_draw (&self->stage, cr, self->technique, self->tool, UNKNOT_DEMO_AT_REST,
                           palette);
  cairo_destroy (cr);
  return self->still_image;
}

static UnknotDemoPalette
get_palette (GtkWidget *widget)
{
  GdkRGBA ink = unknot_style_lookup_color (widget, "window_fg_color", 1.0);
  GdkRGBA halo = unknot_style_lookup_color (widget, "window_bg_color", 0.9);

  return (UnknotDemoPalette) {
    { ink.red, ink.green, ink.blue, MAX (ink.alpha, 0.85) },
    { halo.red, halo.green, halo.blue, halo.alpha },
  };
}

static void
unknot_demonstration_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  UnknotDemonstration *self = UNKNOT_DEMONSTRATION (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  UnknotDemoPalette palette = get_palette (widget);
  cairo_t *cr;

  if (!self->shown || width <= 0 || height <= 0)
    return;

  ensure_stage (self, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->cycles == UNKNOT_DEMO_AT_REST)
    cairo_set_source_surface (cr, ensure_still (self, &palette), 0, 0);
  else
    cairo_set_source_surface (cr, self->stage_image, 0, 0);
  cairo_paint (cr);
  if (self->cycles != UNKNOT_DEMO_AT_REST)
    unknot_demo_motion_draw (&self->stage, cr, self->technique, self->tool, self->cycles,
                             &palette);
  cairo_destroy (cr);
}

static void
unknot_demonstration_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  int width, height, request;

  /* Where a size is asked for (the glossary's column), exactly that: not more when the
   * text beside it could give up some room. */
  gtk_widget_get_size_request (widget, &width, &height);
  request = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
  *minimum = MINIMUM_SIZE;
  *natural = request > 0 ? request : NATURAL_SIZE;
  /* Square: in a narrow window, a small square rather than a tall strip. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    *natural = MAX (MIN (*natural, for_size), *minimum);
}

static GtkSizeRequestMode
unknot_demonstration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
unknot_demonstration_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  UnknotDemonstration *self = UNKNOT_DEMONSTRATION (widget);

  GTK_WIDGET_CLASS (unknot_demonstration_parent_class)->css_changed (widget, change);
  /* The lit region takes the accent colour, which the style may have changed. */
  forget_stage (self);
  gtk_widget_queue_draw (widget);
}

static void
on_pressed (GtkGestureClick     *gesture,
            int                  n_press,
            double               x,
            double               y,
            UnknotDemonstration *self)
{
  unknot_demonstration_replay (self);
}

static void
unknot_demonstration_finalize (GObject *object)
{
  forget_stage (UNKNOT_DEMONSTRATION (object));
  G_OBJECT_CLASS (unknot_demonstration_parent_class)->finalize (object);
}

static void
unknot_demonstration_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UnknotDemonstration *self = UNKNOT_DEMONSTRATION (object);

  switch (prop_id)
    {
    case PROP_PLAYING: g_value_set_boolean (value, self->tick_id != 0); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_demonstration_class_init (UnknotDemonstrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_demonstration_finalize;
  object_class->get_property = unknot_demonstration_get_property;
  widget_class->snapshot = unknot_demonstration_snapshot;
  widget_class->measure = unknot_demonstration_measure;
  widget_class->get_request_mode = unknot_demonstration_get_request_mode;
  widget_class->css_changed = unknot_demonstration_css_changed;

  /* Whether the motion is playing; at rest the still is shown. */
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "demonstration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_demonstration_init (UnknotDemonstration *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->cycles = UNKNOT_DEMO_AT_REST;
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Click to play the motion again"));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  update_accessible_label (self);
}

GtkWidget *
unknot_demonstration_new (void)
{
  return g_object_new (UNKNOT_TYPE_DEMONSTRATION, NULL);
}
