/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include "unknot-picture.h"

/* A step's picture for print, without GTK: an SVG stays vector (librsvg draws it into
 * the PDF as shapes, sharp at any size), anything else gdk-pixbuf reads becomes a cairo
 * image. */

struct _UnknotPicture
{
  RsvgHandle *svg;            /* or */
  cairo_surface_t *image;
  double width;
  double height;
};

static gboolean
is_svg (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_str_has_suffix (name, ".svg") || g_str_has_suffix (name, ".SVG");
}

/* gdk-pixbuf keeps RGB(A) bytes; cairo wants native-endian, premultiplied ARGB words. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int out_stride = cairo_image_surface_get_stride (surface);
  guint8 *out = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;
        guint alpha = channels == 4 ? p[3] : 255;
        guint32 *q = (guint32 *) (out + y * out_stride + x * 4);

        *q = alpha << 24 | (p[0] * alpha / 255) << 16 | (p[1] * alpha / 255) << 8
             | (p[2] * alpha / 255);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
load_svg (UnknotPicture *self,
          GFile         *file,
          GError       **error)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;

  self->svg = rsvg_handle_new_from_gfile_sync (file, RSVG_HANDLE_FLAGS_NONE, NULL, error);
  if (self->svg == NULL)
    return FALSE;
  rsvg_handle_set_dpi (self->svg, 72);
  rsvg_handle_get_intrinsic_dimensions (self->svg, &has_width, &width, &has_height, &height,
                                        &has_viewbox, &viewbox);
  if (!rsvg_handle_get_intrinsic_size_in_pixels (self->svg, &self->width, &self->height)
      && has_viewbox)
    {
      self->width = viewbox.width;
      self->height = viewbox.height;
    }
  if (self->width <= 0 || self->height <= 0)
    self->width = self->height = 1;
  return TRUE;
}

/**
 * unknot_picture_load:
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL if it cannot be read.
 */
UnknotPicture *
unknot_picture_load (GFile   *file,
                     GError **error)
{
  g_autoptr (UnknotPicture) self = g_new0 (UnknotPicture, 1);
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (is_svg (file))
    return load_svg (self, file, error) ? g_steal_pointer (&self) : NULL;

  path = g_file_get_path (file);
  pixbuf = path != NULL ? gdk_pixbuf_new_from_file (path, error) : NULL;
  if (pixbuf == NULL)
    return NULL;
  self->image = surface_from_pixbuf (pixbuf);
  self->width = gdk_pixbuf_get_width (pixbuf);
  self->height = gdk_pixbuf_get_height (pixbuf);
  return g_steal_pointer (&self);
}

void
unknot_picture_free (UnknotPicture *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->svg);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_free (self);
}

/* Width over height. */
double
unknot_picture_get_aspect (UnknotPicture *self)
{
  return self->width / self->height;
}

/* Draws the picture as large as fits into the box, centred in it. */
void
unknot_picture_draw (UnknotPicture *self,
                     cairo_t       *cr,
                     double         x,
                     double         y,
                     double         width,
                     double         height)
{
  double scale = MIN (width / self->width, height / self->height);
  double drawn_width = self->width * scale;
  double drawn_height = self->height * scale;
  RsvgRectangle viewport = { x + (width - drawn_width) / 2, y + (height - drawn_height) / 2,
                             drawn_width, drawn_height };

  if (self->svg != NULL)
    {
      rsvg_handle_render_document (self->svg, cr, &viewport, NULL);
      return;
    }
  cairo_save (cr);
  cairo_translate (cr, viewport.x, viewport.y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}
