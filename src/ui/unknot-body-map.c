/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-figure.h"
#include "unknot-body-map.h"
#include "unknot-style.h"

/* A front and a back figure (data/body-map.svg) with one shape per region and side,
 * named "<view>-<region>-<side>" ("front-quadriceps-left") or "<view>-<region>" for
 * regions without sides ("back-neck").
 *
 * Two uses: in the player it lights the current region and side (the "highlight");
 * in the library it is a filter, where clicking a region adds it to or removes it from
 * the "selection". Lit and selected regions take the accent colour, drawn through the
 * region's own shape as a mask, so the artwork needs no colours of ours; the masks come
 * from a copy of the figure with every shape made opaque, as the artwork draws its
 * regions faintly.
 *
 * The figure itself is drawn once per size into an image (unknot-body-figure.c), so
 * lighting a region or hovering over one draws only the lit shapes again. It is
 * painted through cairo rather than given to GTK as a texture: GTK's software
 * renderer converts a texture's pixels at every frame it draws it, which cost a
 * running routine half a percent of a core. */

#define MINIMUM_HEIGHT 120

static const char *const views[] = { "front", "back" };

struct _UnknotBodyMap
{
  GtkWidget parent_instance;

  cairo_surface_t *plain; /* the figure without lit regions, at the size and scale below */
  int plain_width, plain_height, plain_scale;
  guint32 highlight;    /* 1 << UnknotRegion */
  UnknotSide highlight_side;
  guint32 selection;
  int hovered;          /* an UnknotRegion, or -1 */
  gboolean interactive; /* clicking selects */
};

enum
{
  PROP_0,
  PROP_SELECTION,
  PROP_INTERACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotBodyMap, unknot_body_map, GTK_TYPE_WIDGET)

static gboolean
region_has_sides (UnknotRegion region)
{
  return region != UNKNOT_REGION_NECK && region != UNKNOT_REGION_UPPER_BACK
         && region != UNKNOT_REGION_LOWER_BACK && region != UNKNOT_REGION_CHEST;
}

/**
 * unknot_body_map_element_id:
 * @view: "front" or "back"
 * @side: %UNKNOT_SIDE_LEFT or %UNKNOT_SIDE_RIGHT; ignored for regions without sides
 *
 * Returns: (transfer full): the SVG element id, with the "#" librsvg expects.
 */
char *
unknot_body_map_element_id (const char   *view,
                            UnknotRegion  region,
                            UnknotSide    side)
{
  const char *id = unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION, region);

  if (!region_has_sides (region))
    return g_strdup_printf ("#%s-%s", view, id);
  return g_strdup_printf ("#%s-%s-%s", view, id, side == UNKNOT_SIDE_LEFT ? "left" : "right");
}

/* Calls @func for every shape of @region on either figure, for the given side(s). */
static void
foreach_shape (UnknotBodyMap *self,
               UnknotRegion   region,
               UnknotSide     side,
               void         (*func) (UnknotBodyMap *, const char *, gpointer),
               gpointer       data)
{
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (UnknotSide s = UNKNOT_SIDE_LEFT; s <= UNKNOT_SIDE_RIGHT; s++)
      {
        g_autofree char *id = NULL;

        if (region_has_sides (region) && side != UNKNOT_SIDE_BOTH && side != UNKNOT_SIDE_EACH
            && side != s)
          continue;
        if (!region_has_sides (region) && s == UNKNOT_SIDE_RIGHT)
          continue;
        id = unknot_body_map_element_id (views[v], region, s);
        if (rsvg_handle_has_sub (unknot_body_figure_get (), id))
          func (self, id, data);
      }
}

static RsvgRectangle
get_viewport (UnknotBodyMap *self)
{
  return unknot_body_figure_get_viewport (unknot_body_figure_get (),
                                          gtk_widget_get_width (GTK_WIDGET (self)),
                                          gtk_widget_get_height (GTK_WIDGET (self)));
}

typedef struct
{
  cairo_t *cr;
  RsvgRectangle viewport;
  GdkRGBA color;
} Paint;

static void
paint_shape (UnknotBodyMap *self,
             const char    *id,
             gpointer       data)
{
  Paint *paint = data;
  cairo_pattern_t *mask;

  cairo_push_group (paint->cr);
  rsvg_handle_render_layer (unknot_body_figure_get_masks (), paint->cr, id, &paint->viewport,
                            NULL);
  mask = cairo_pop_group (paint->cr);
  gdk_cairo_set_source_rgba (paint->cr, &paint->color);
  cairo_mask (paint->cr, mask);
  cairo_pattern_destroy (mask);
}

static void
paint_regions (UnknotBodyMap *self,
               Paint         *paint,
               guint32        regions,
               UnknotSide     side)
{
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    if (regions & (1u << r))
      foreach_shape (self, r, side, paint_shape, paint);
}

static cairo_surface_t *
get_plain_figure (UnknotBodyMap *self,
                  int            width,
                  int            height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->plain == NULL || self->plain_width != width || self->plain_height != height
      || self->plain_scale != scale)
    {
      g_clear_pointer (&self->plain, cairo_surface_destroy);
      self->plain = unknot_body_figure_draw (width, height, scale);
      self->plain_width = width;
      self->plain_height = height;
      self->plain_scale = scale;
    }
  return self->plain;
}

static gboolean
is_hovering_unselected (UnknotBodyMap *self)
{
  return self->interactive && self->hovered >= 0 && !(self->selection & (1u << self->hovered));
}

static void
unknot_body_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Paint paint;

  if (width <= 0 || height <= 0)
    return;

  paint.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (paint.cr, get_plain_figure (self, width, height), 0, 0);
  cairo_paint (paint.cr);

  paint.viewport = get_viewport (self);
  paint.color = unknot_style_lookup_color (widget, "accent_bg_color", 1.0);
  paint_regions (self, &paint, self->highlight | self->selection,
                 self->highlight ? self->highlight_side : UNKNOT_SIDE_BOTH);

  if (is_hovering_unselected (self))
    {
      paint.color.alpha = 0.4;
      paint_regions (self, &paint, 1u << self->hovered, UNKNOT_SIDE_BOTH);
    }

  cairo_destroy (paint.cr);
}

typedef struct
{
  double x, y;
  gboolean hit;
} HitTest;

/* Whether the shape covers the point: its bounding box first, then its pixel. */
static void
test_shape (UnknotBodyMap *self,
            const char    *id,
            gpointer       data)
{
  HitTest *test = data;
  RsvgRectangle viewport = get_viewport (self);
  RsvgRectangle box;
  cairo_surface_t *pixel;
  cairo_t *cr;

  if (test->hit
      || !unknot_body_figure_get_shape_bounds (unknot_body_figure_get (), id,
                                               gtk_widget_get_width (GTK_WIDGET (self)),
                                               gtk_widget_get_height (GTK_WIDGET (self)), &box)
      || test->x < box.x || test->x > box.x + box.width
      || test->y < box.y || test->y > box.y + box.height)
    return;

  pixel = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (pixel);
  cairo_translate (cr, -test->x, -test->y);
  rsvg_handle_render_layer (unknot_body_figure_get_masks (), cr, id, &viewport, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (pixel);
  test->hit = cairo_image_surface_get_data (pixel)[0] > 0;
  cairo_surface_destroy (pixel);
}

static int
region_at (UnknotBodyMap *self,
           double         x,
           double         y)
{
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    {
      HitTest test = { x, y, FALSE };

      foreach_shape (self, r, UNKNOT_SIDE_BOTH, test_shape, &test);
      if (test.hit)
        return r;
    }
  return -1;
}

static void
update_accessible_label (UnknotBodyMap *self)
{
  guint32 regions = self->interactive ? self->selection : self->highlight;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *label = NULL;

  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    if (regions & (1u << r))
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", unknot_region_get_label (r));

  if (names->len == 0)
    label = g_strdup (self->interactive ? _("Body map: click a region to filter by it")
                                        : _("Body map"));
  else
    /* Translators: %s is a list of body regions, such as "Calves, Feet" */
    label = g_strdup_printf (self->interactive ? _("Body map, selected: %s")
                                               : _("Body map, working on: %s"), names->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            UnknotBodyMap   *self)
{
  int region;

  if (!self->interactive)
    return;
  region = region_at (self, x, y);
  if (region < 0)
    return;
  unknot_body_map_set_selection (self, self->selection ^ (1u << region));
}

static void
set_hovered (UnknotBodyMap *self,
             int            region)
{
  if (self->hovered == region)
    return;
  self->hovered = region;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), region >= 0 ? "pointer" : NULL);
  /* The name under the pointer, so that a region is known before it is clicked. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), region >= 0 ? unknot_region_get_label (region)
                                                              : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           UnknotBodyMap            *self)
{
  if (self->interactive)
    set_hovered (self, region_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          UnknotBodyMap            *self)
{
  set_hovered (self, -1);
}

static void
unknot_body_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RsvgHandle *figure = unknot_body_figure_get ();
  int natural_width, natural_height;

  unknot_body_figure_get_natural_size (figure, &natural_width, &natural_height);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MINIMUM_HEIGHT;
      *natural = for_size > 0 ? unknot_body_figure_height_for_width (figure, for_size)
                              : natural_height;
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      *minimum = MINIMUM_HEIGHT * natural_width / natural_height;
      *natural = natural_width;
    }
}

static void
unknot_body_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTION: g_value_set_uint (value, self->selection); break;
    case PROP_INTERACTIVE: g_value_set_boolean (value, self->interactive); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      unknot_body_map_set_selection (self, g_value_get_uint (value));
      break;
    case PROP_INTERACTIVE:
      self->interactive = g_value_get_boolean (value);
      update_accessible_label (self);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_dispose (GObject *object)
{
  g_clear_pointer (&UNKNOT_BODY_MAP (object)->plain, cairo_surface_destroy);
  G_OBJECT_CLASS (unknot_body_map_parent_class)->dispose (object);
}

static void
unknot_body_map_class_init (UnknotBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_body_map_dispose;
  object_class->get_property = unknot_body_map_get_property;
  object_class->set_property = unknot_body_map_set_property;
  widget_class->snapshot = unknot_body_map_snapshot;
  widget_class->measure = unknot_body_map_measure;

  properties[PROP_SELECTION] =
    g_param_spec_uint ("selection", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERACTIVE] =
    g_param_spec_boolean ("interactive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_body_map_init (UnknotBodyMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hovered = -1;
  self->highlight_side = UNKNOT_SIDE_BOTH;

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
unknot_body_map_new (void)
{
  return g_object_new (UNKNOT_TYPE_BODY_MAP, NULL);
}

/* Lights @regions (1 << UnknotRegion) on @side: left, right, or both for the rest. */
void
unknot_body_map_set_highlight (UnknotBodyMap *self,
                               guint32        regions,
                               UnknotSide     side)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  if (self->highlight == regions && self->highlight_side == side)
    return;
  self->highlight = regions;
  self->highlight_side = side;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint32
unknot_body_map_get_highlight (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), 0);
  return self->highlight;
}

void
unknot_body_map_set_selection (UnknotBodyMap *self,
                               guint32        regions)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  if (self->selection == regions)
    return;
  self->selection = regions;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

guint32
unknot_body_map_get_selection (UnknotBodyMap *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), 0);
  return self->selection;
}
