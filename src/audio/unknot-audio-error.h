/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UNKNOT_AUDIO_ERROR (unknot_audio_error_quark ())

typedef enum
{
  UNKNOT_AUDIO_ERROR_NO_OUTPUT,      /* no audio device, or the sink cannot be made or opened */
  UNKNOT_AUDIO_ERROR_MISSING_PLUGIN, /* an element GStreamer's base plugins should have */
  UNKNOT_AUDIO_ERROR_SOUND,          /* a sound file is missing or cannot be decoded */
} UnknotAudioError;

GQuark unknot_audio_error_quark (void);

G_END_DECLS
