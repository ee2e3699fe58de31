/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

G_BEGIN_DECLS

/* A sound decoded once into memory, and a source that plays it from there. */

GBytes     *unknot_sound_decoder_decode     (GFile    *file,
                                             guint     max_seconds,
                                             gint     *rate,
                                             gint     *channels,
                                             GError  **error);
GBytes     *unknot_sound_decoder_render     (GstElement  *source,
                                             const char  *name,
                                             GError     **error);
GstElement *unknot_sound_decoder_new_source (GBytes   *samples,
                                             gint      rate,
                                             gint      channels);

G_END_DECLS
