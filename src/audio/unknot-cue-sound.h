/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The sounds Unknot ships, one file each in $pkgdatadir/sounds (see README.md). */
typedef enum
{
  UNKNOT_CUE_SOUND_START,
  UNKNOT_CUE_SOUND_COUNTDOWN_TICK,
  UNKNOT_CUE_SOUND_SWITCH_SIDES,
  UNKNOT_CUE_SOUND_STEP_END,
  UNKNOT_CUE_SOUND_ROUTINE_COMPLETE,
} UnknotCueSound;

#define UNKNOT_N_CUE_SOUNDS (UNKNOT_CUE_SOUND_ROUTINE_COMPLETE + 1)

#define UNKNOT_TYPE_CUE_SOUND (unknot_cue_sound_get_type ())
GType       unknot_cue_sound_get_type (void) G_GNUC_CONST;

const char *unknot_cue_sound_get_name (UnknotCueSound sound);
GFile      *unknot_cue_sound_get_file (UnknotCueSound sound);

G_END_DECLS
