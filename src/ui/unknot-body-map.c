/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-figure.h"
#include "unknot-body-map-caption.h"
#include "unknot-body-map.h"
#include "unknot-region-toggle.h"
#include "unknot-style.h"

/* The body figure (unknot-body-figure.c) as a widget, in two uses: in the player it
 * lights the current region and side (the "highlight"); in the library it is a filter,
 * where clicking a region adds it to or removes it from the "selection". Lit and
 * selected regions take the accent colour. In the library the map can also tint each
 * region by the days since a session last worked it (the "due" tint), under the
 * selection, in the theme's success, warning and error colours.
 *
 * The figure itself is drawn once per size into an image, so lighting a region or
 * hovering over one draws only the lit shapes again. It is painted through cairo rather
 * than given to GTK as a texture: GTK's software renderer converts a texture's pixels at
 * every frame it draws it, which cost a running routine half a percent of a core.
 *
 * As a filter, a caption under the figure names its views and sides, and each region is also
 * a real toggle button laid over its shape (unknot-region-toggle.c): a screen reader
 * reads the regions and their state, and the keyboard reaches them (Tab enters the map
 * at the last region it left, the arrows move between regions, Space or Enter toggles
 * one). The pointer still picks regions by their exact shape, not by these boxes. */

#define MINIMUM_HEIGHT 120

struct _UnknotBodyMap
{
  GtkWidget parent_instance;

  cairo_surface_t *plain; /* the figure without lit regions, at the size and scale below */
  int plain_width, plain_height, plain_scale;
  guint32 highlight;    /* 1 << UnknotRegion */
  UnknotSide highlight_side;
  guint32 selection;
  int hovered;          /* an UnknotRegion, or -1 */
  gboolean show_due;
  gint days_since[UNKNOT_N_REGIONS]; /* -1: never worked, and not tinted */
  gboolean interactive; /* clicking selects */
  GtkWidget *caption;
  GtkWidget *toggles[UNKNOT_N_REGIONS]; /* the regions as toggles, when interactive */
  UnknotRegion focus_region;            /* where the keyboard enters the map */
  gboolean syncing;                     /* toggles follow the selection, not the reverse */
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

/* The figure's height: the map's, less its caption's. The figure spans the map's width. */
int
unknot_body_map_get_figure_height (UnknotBodyMap *self)
{
  int caption_height = 0;

  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), 0);
  gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (self)), NULL, &caption_height, NULL, NULL);
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - caption_height, 1);
}

static RsvgRectangle
get_viewport (UnknotBodyMap *self)
{
  return unknot_body_figure_get_viewport (unknot_body_figure_get (),
                                          gtk_widget_get_width (GTK_WIDGET (self)),
                                          unknot_body_map_get_figure_height (self));
}

/* Lights @regions in @color, as the figure draws them for a map of this size. */
static void
paint_regions (UnknotBodyMap *self,
               cairo_t       *cr,
               guint32        regions,
               UnknotSide     side,
               const GdkRGBA *color)
{
  RsvgRectangle viewport = get_viewport (self);
  double rgba[4] = { color->red, color->green, color->blue, color->alpha };

  unknot_body_figure_paint_regions (cr, &viewport, regions, side, rgba);
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

/* The colour names of the due tint, and the days since last worked that each begins
 * at; the library's legend says the same. */
static const struct
{
  const char *color;
  gint from_days;
} due_tints[] = {
  { "success_color", 0 },
  { "warning_color", UNKNOT_BODY_MAP_DUE_SOON_DAYS },
  { "error_color", UNKNOT_BODY_MAP_DUE_DAYS },
};

/* 1 << UnknotRegion of the regions in tint @tint. */
static guint32
get_due_regions (UnknotBodyMap *self,
                 guint          tint)
{
  gint until = tint + 1 < G_N_ELEMENTS (due_tints) ? due_tints[tint + 1].from_days : G_MAXINT;
  guint32 regions = 0;

  for (guint i = 0; i < UNKNOT_N_REGIONS; i++)
    if (self->days_since[i] >= due_tints[tint].from_days && self->days_since[i] < until)
      regions |= 1u << i;
  return regions;
}

static void
paint_due (UnknotBodyMap *self,
           cairo_t       *cr)
{
  for (guint tint = 0; self->show_due && tint < G_N_ELEMENTS (due_tints); tint++)
    {
      GdkRGBA color = unknot_style_lookup_color (GTK_WIDGET (self), due_tints[tint].color, 0.6);
      guint32 regions = get_due_regions (self, tint) & ~self->selection;

      if (regions != 0)
        paint_regions (self, cr, regions, UNKNOT_SIDE_BOTH, &color);
    }
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
  int height = unknot_body_map_get_figure_height (self);
  GdkRGBA accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, get_plain_figure (self, width, height), 0, 0);
  cairo_paint (cr);
  paint_due (self, cr);

  accent = unknot_style_lookup_color (widget, "accent_bg_color", 1.0);
  paint_regions (self, cr, self->highlight | self->selection,
                 self->highlight ? self->highlight_side : UNKNOT_SIDE_BOTH, &accent);

  if (is_hovering_unselected (self))
    {
      accent.alpha = 0.4;
      paint_regions (self, cr, 1u << self->hovered, UNKNOT_SIDE_BOTH, &accent);
    }

  cairo_destroy (cr);
  gtk_widget_snapshot_child (widget, self->caption, snapshot);
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    if (self->toggles[r] != NULL)
      gtk_widget_snapshot_child (widget, self->toggles[r], snapshot);
}

typedef struct
{
  UnknotBodyMap *map;
  double x, y;
  gboolean hit;
} HitTest;

/* Whether the shape covers the point: its bounding box first, then its pixel. */
static void
test_shape (const char *id,
            gpointer    data)
{
  HitTest *test = data;
  UnknotBodyMap *self = test->map;
  RsvgRectangle viewport = get_viewport (self);
  RsvgRectangle box;
  cairo_surface_t *pixel;
  cairo_t *cr;

  if (test->hit
      || !unknot_body_figure_get_shape_bounds (unknot_body_figure_get (), id,
                                               gtk_widget_get_width (GTK_WIDGET (self)),
                                               unknot_body_map_get_figure_height (self), &box)
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
      HitTest test = { self, x, y, FALSE };

      unknot_body_figure_foreach_shape (r, UNKNOT_SIDE_BOTH, test_shape, &test);
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
  else if (self->interactive)
    /* Translators: %s is a list of body regions, such as "Calves, Feet" */
    label = g_strdup_printf (_("Body map, selected: %s"), names->str);
  else
    /* Translators: %s is a list of the body regions a step works on, such as "Calves, Feet" */
    label = g_strdup_printf (_("Body map, working on: %s"), names->str);
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
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  RsvgHandle *figure = unknot_body_figure_get ();
  int natural_width, natural_height;
  int caption_minimum, caption_natural;

  unknot_body_figure_get_natural_size (figure, &natural_width, &natural_height);
  gtk_widget_measure (self->caption, orientation, for_size, &caption_minimum, &caption_natural,
                      NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MINIMUM_HEIGHT;
      *natural = for_size > 0 ? unknot_body_figure_height_for_width (figure, for_size)
                              : natural_height;
      *natural = MAX (*natural, *minimum) + caption_natural;
      *minimum += caption_natural;
    }
  else
    {
      *minimum = MAX (MINIMUM_HEIGHT * natural_width / natural_height, caption_minimum);
      *natural = MAX (natural_width, caption_natural);
    }
}

static void
unknot_body_map_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  int caption_height;

  gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL, width, NULL, &caption_height,
                      NULL, NULL);
  caption_height = MIN (caption_height, height);
  if (gtk_widget_get_visible (self->caption))
    gtk_widget_size_allocate (self->caption,
                              &(GtkAllocation) { 0, height - caption_height, width,
                                                 caption_height },
                              -1);
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    if (self->toggles[r] != NULL)
      unknot_region_toggle_allocate (self->toggles[r], width, MAX (height - caption_height, 1));
}

static void
on_toggled (GtkToggleButton *toggle,
            UnknotBodyMap   *self)
{
  UnknotRegion region = unknot_region_toggle_get_region (GTK_WIDGET (toggle));

  if (self->syncing)
    return;
  self->focus_region = region;
  unknot_body_map_set_selection (self, self->selection ^ (1u << region));
}

static void
sync_toggles (UnknotBodyMap *self)
{
  self->syncing = TRUE;
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    if (self->toggles[r] != NULL)
      unknot_region_toggle_set_selected (self->toggles[r], (self->selection & (1u << r)) != 0);
  self->syncing = FALSE;
}

static void
add_toggles (UnknotBodyMap *self)
{
  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    {
      self->toggles[r] = unknot_region_toggle_new (r);
      g_signal_connect_object (self->toggles[r], "toggled", G_CALLBACK (on_toggled), self, 0);
      gtk_widget_insert_before (self->toggles[r], GTK_WIDGET (self), self->caption);
    }
  sync_toggles (self);
}

static UnknotRegion
step_region (UnknotBodyMap    *self,
             GtkDirectionType  direction)
{
  int step = direction == GTK_DIR_LEFT || direction == GTK_DIR_UP ? -1 : 1;

  return CLAMP ((int) self->focus_region + step, 0, UNKNOT_N_REGIONS - 1);
}

/* One stop in the Tab order for the whole map; the arrows move within it. */
static gboolean
unknot_body_map_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (widget);
  gboolean inside = gtk_widget_get_focus_child (widget) != NULL;

  if (!self->interactive)
    return FALSE;
  if (inside && (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    return FALSE;
  if (inside)
    self->focus_region = step_region (self, direction);
  return gtk_widget_grab_focus (self->toggles[self->focus_region]);
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
      if (self->interactive && self->toggles[0] == NULL)
        add_toggles (self);
      gtk_widget_set_visible (self->caption, self->interactive);
      update_accessible_label (self);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_body_map_dispose (GObject *object)
{
  UnknotBodyMap *self = UNKNOT_BODY_MAP (object);

  for (UnknotRegion r = 0; r < UNKNOT_N_REGIONS; r++)
    g_clear_pointer (&self->toggles[r], gtk_widget_unparent);
  g_clear_pointer (&self->caption, gtk_widget_unparent);
  g_clear_pointer (&self->plain, cairo_surface_destroy);
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
  widget_class->size_allocate = unknot_body_map_size_allocate;
  widget_class->focus = unknot_body_map_focus;

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
  for (guint i = 0; i < UNKNOT_N_REGIONS; i++)
    self->days_since[i] = -1;
  /* Only the filter names its views and sides: the player's map is small, and lights the
   * side it means. */
  self->caption = unknot_body_map_caption_new ();
  gtk_widget_set_visible (self->caption, FALSE);
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));

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
  sync_toggles (self);
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

/**
 * unknot_body_map_set_due:
 * @days_since: (nullable) (array fixed-size=20): per region, the days since a session
 *   last worked it, -1 for never; %NULL to tint nothing
 *
 * Tints each region worked by how long ago that was.
 */
void
unknot_body_map_set_due (UnknotBodyMap *self,
                         const gint    *days_since)
{
  g_return_if_fail (UNKNOT_IS_BODY_MAP (self));

  self->show_due = days_since != NULL;
  for (guint i = 0; i < UNKNOT_N_REGIONS; i++)
    self->days_since[i] = days_since != NULL ? days_since[i] : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the due tint is on, and the tint of @region: 0 worked lately, 1 soon due,
 * 2 due, or -1 for none. For tests and the accessible description. */
int
unknot_body_map_get_due_tint (UnknotBodyMap *self,
                              UnknotRegion   region)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_MAP (self), -1);
  g_return_val_if_fail (region < UNKNOT_N_REGIONS, -1);

  for (guint tint = 0; self->show_due && tint < G_N_ELEMENTS (due_tints); tint++)
    if (get_due_regions (self, tint) & (1u << region))
      return (int) tint;
  return -1;
}
