/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <librsvg/rsvg.h>

#include "unknot-step-picture.h"

/* A step's picture, as large as the space allows and sharp at any size: an SVG is
 * drawn anew at the size it is shown, a PNG or JPEG is scaled by the renderer. For the
 * right side of a step done on each side, the picture is shown mirrored, since authors
 * draw the left side.
 *
 * The file is read and decoded in a worker thread, so that a large picture does not hold
 * up the timer; the widget stays hidden while there is nothing to show. When one picture
 * follows another, as in a sequence, the one shown stays until the next is ready, so
 * that the space around it neither closes nor flickers at every change. */

#define MAX_HEIGHT 240.0   /* about the height of the timer beside it */
#define MIN_HEIGHT 48.0    /* in a narrow window, room for a wide picture to shrink */

struct _UnknotStepPicture
{
  GtkWidget parent_instance;

  GFile *file;
  gboolean mirrored;
  GCancellable *loading;
  RsvgHandle *svg;      /* one of these two once loaded, or neither */
  GdkTexture *texture;
  double width;         /* the picture's own size, in pixels */
  double height;
};

G_DEFINE_FINAL_TYPE (UnknotStepPicture, unknot_step_picture, GTK_TYPE_WIDGET)

static gboolean
has_picture (UnknotStepPicture *self)
{
  return self->svg != NULL || self->texture != NULL;
}

static void
stop_loading (UnknotStepPicture *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

static void
drop_decoded (UnknotStepPicture *self)
{
  g_clear_object (&self->svg);
  g_clear_object (&self->texture);
  self->width = self->height = 0;
}

static void
forget_picture (UnknotStepPicture *self)
{
  stop_loading (self);
  drop_decoded (self);
}

/* Its own size, or failing that the proportions of its view box. */
static gboolean
get_svg_size (RsvgHandle *svg,
              double     *width,
              double     *height)
{
  gboolean has_viewbox;
  RsvgRectangle viewbox;

  if (rsvg_handle_get_intrinsic_size_in_pixels (svg, width, height)
      && *width > 0 && *height > 0)
    return TRUE;
  rsvg_handle_get_intrinsic_dimensions (svg, NULL, NULL, NULL, NULL, &has_viewbox, &viewbox);
  if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
    return FALSE;
  *width = viewbox.width;
  *height = viewbox.height;
  return TRUE;
}

static gboolean
is_svg (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".svg");
}

/* In the worker thread: an RsvgHandle for an SVG, a GdkTexture for anything else. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GFile *file = data;
  GError *error = NULL;
  GObject *picture;

  if (is_svg (file))
    picture = G_OBJECT (rsvg_handle_new_from_gfile_sync (file, RSVG_HANDLE_FLAGS_NONE,
                                                         cancellable, &error));
  else
    picture = G_OBJECT (gdk_texture_new_from_file (file, &error));
  if (picture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, picture, g_object_unref);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  UnknotStepPicture *self = UNKNOT_STEP_PICTURE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) picture = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  /* The picture shown before makes way now, whether or not this one can be shown. */
  drop_decoded (self);
  if (picture == NULL)
    {
      /* The library checked the file when it read the routine; if it has gone or is
       * broken since, the step is shown without it. */
      g_debug ("The step's picture cannot be shown: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  if (RSVG_IS_HANDLE (picture))
    {
      if (!get_svg_size (RSVG_HANDLE (picture), &self->width, &self->height))
        {
          gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
          return;
        }
      self->svg = RSVG_HANDLE (g_steal_pointer (&picture));
    }
  else
    {
      self->texture = GDK_TEXTURE (g_steal_pointer (&picture));
      self->width = gdk_texture_get_width (self->texture);
      self->height = gdk_texture_get_height (self->texture);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
start_loading (UnknotStepPicture *self)
{
  g_autoptr (GTask) task = NULL;

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_loaded, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * unknot_step_picture_show:
 * @file: (nullable): the picture; %NULL hides the widget
 * @label: (nullable): what a screen reader says of it, such as the step's title
 * @mirrored: whether to flip it left to right
 */
void
unknot_step_picture_show (UnknotStepPicture *self,
                          GFile             *file,
                          const char        *label,
                          gboolean           mirrored)
{
  g_return_if_fail (UNKNOT_IS_STEP_PICTURE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : "", -1);
  if (self->mirrored != !!mirrored)
    {
      self->mirrored = !!mirrored;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (file == self->file || (file != NULL && self->file != NULL && g_file_equal (file, self->file)))
    return;

  g_set_object (&self->file, file);
  stop_loading (self);
  if (file == NULL)
    {
      drop_decoded (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  /* Hidden until there is something to show, so that no empty space opens meanwhile;
   * a picture already shown stays until this one replaces it. */
  if (!has_picture (self))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  start_loading (self);
}

GFile *
unknot_step_picture_get_file (UnknotStepPicture *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP_PICTURE (self), NULL);
  return self->file;
}

gboolean
unknot_step_picture_get_mirrored (UnknotStepPicture *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP_PICTURE (self), FALSE);
  return self->mirrored;
}

/* Whether the file asked for is the one drawn: not while it loads, even if the picture
 * before it is still shown meanwhile. */
gboolean
unknot_step_picture_is_loaded (UnknotStepPicture *self)
{
  g_return_val_if_fail (UNKNOT_IS_STEP_PICTURE (self), FALSE);
  return self->loading == NULL && has_picture (self);
}

/* The height the picture takes at @width: its own proportions, within the limits. */
static double
height_for_width (UnknotStepPicture *self,
                  double             width)
{
  if (self->width <= 0)
    return 0;
  return CLAMP (width * self->height / self->width, MIN_HEIGHT, MAX_HEIGHT);
}

static void
unknot_step_picture_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  UnknotStepPicture *self = UNKNOT_STEP_PICTURE (widget);
  /* At its largest, as wide as its greatest height allows. */
  double widest = self->height > 0 ? MAX_HEIGHT * self->width / self->height : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Shrinks with the window, however narrow. */
      *minimum = 0;
      *natural = (int) ceil (widest);
    }
  else if (for_size >= 0)
    *minimum = *natural = (int) ceil (height_for_width (self, MIN (for_size, widest)));
  else
    {
      /* With no width given: as tall as at its narrowest, up to as tall as at its
       * widest. Its full height as the minimum would make the row it sits in ask for
       * more height than its natural one at a narrow width (GTK ≥ 4.14 checks). */
      *minimum = (int) ceil (height_for_width (self, 0));
      *natural = (int) ceil (height_for_width (self, widest));
    }
}

static GtkSizeRequestMode
unknot_step_picture_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Where the picture goes: as large as fits, its proportions kept, in the middle. */
static graphene_rect_t
fit_picture (UnknotStepPicture *self,
             double             width,
             double             height)
{
  double scale = MIN (width / self->width, height / self->height);
  double w = self->width * scale;
  double h = self->height * scale;

  return GRAPHENE_RECT_INIT ((width - w) / 2, (height - h) / 2, w, h);
}

static void
unknot_step_picture_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  UnknotStepPicture *self = UNKNOT_STEP_PICTURE (widget);
  double width = gtk_widget_get_width (widget);
  graphene_rect_t area;

  if (!has_picture (self))
    return;
  area = fit_picture (self, width, gtk_widget_get_height (widget));

  gtk_snapshot_save (snapshot);
  if (self->mirrored)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  if (self->svg != NULL)
    {
      /* Drawn at the size shown, so that it is as sharp as the screen allows. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &area);
      RsvgRectangle viewport = { area.origin.x, area.origin.y, area.size.width,
                                 area.size.height };

      rsvg_handle_render_document (self->svg, cr, &viewport, NULL);
      cairo_destroy (cr);
    }
  else
    gtk_snapshot_append_texture (snapshot, self->texture, &area);
  gtk_snapshot_restore (snapshot);
}

static void
unknot_step_picture_dispose (GObject *object)
{
  UnknotStepPicture *self = UNKNOT_STEP_PICTURE (object);

  forget_picture (self);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (unknot_step_picture_parent_class)->dispose (object);
}

static void
unknot_step_picture_class_init (UnknotStepPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_step_picture_dispose;
  widget_class->measure = unknot_step_picture_measure;
  widget_class->get_request_mode = unknot_step_picture_get_request_mode;
  widget_class->snapshot = unknot_step_picture_snapshot;
  gtk_widget_class_set_css_name (widget_class, "step-picture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_step_picture_init (UnknotStepPicture *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
unknot_step_picture_new (void)
{
  return g_object_new (UNKNOT_TYPE_STEP_PICTURE, NULL);
}
