/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Where cue sounds go: a sink bin made from a gst-launch style description. */

const char *unknot_audio_sink_get_default_description (void);
GstElement *unknot_audio_sink_new                     (const char  *description,
                                                       GError     **error);
gboolean    unknot_audio_sink_is_fallback             (GstElement  *sink);

G_END_DECLS
