/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Spoken prompts through GStreamer's espeak element, where it is installed. */

gboolean    unknot_speech_is_available  (void);
GStrv       unknot_speech_list_voices   (void);
char       *unknot_speech_choose_voice  (const char *const *language_names,
                                         const char *const *voices);
GstElement *unknot_speech_new_source    (const char         *text,
                                         const char         *voice);

G_END_DECLS
