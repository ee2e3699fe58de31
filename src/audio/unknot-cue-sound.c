/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-cue-sound.h"

G_DEFINE_ENUM_TYPE (UnknotCueSound, unknot_cue_sound,
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_SOUND_START, "start"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_SOUND_COUNTDOWN_TICK, "countdown-tick"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_SOUND_SWITCH_SIDES, "switch-sides"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_SOUND_STEP_END, "step-end"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_CUE_SOUND_ROUTINE_COMPLETE, "routine-complete"))

/* The file's base name, and what UnknotCuePlayer::played reports for it. */
const char *
unknot_cue_sound_get_name (UnknotCueSound sound)
{
  g_autoptr (GEnumClass) enum_class = g_type_class_ref (UNKNOT_TYPE_CUE_SOUND);
  GEnumValue *value = g_enum_get_value (enum_class, sound);

  g_return_val_if_fail (value != NULL, NULL);
  return value->value_nick;
}

/* $UNKNOT_DATA_DIR/sounds/NAME.oga: the build tree's copy for `meson devenv` and the
 * tests, else the installed one. */
GFile *
unknot_cue_sound_get_file (UnknotCueSound sound)
{
  const char *data_dir = g_getenv ("UNKNOT_DATA_DIR");
  g_autofree char *basename = NULL;

  g_return_val_if_fail (sound < UNKNOT_N_CUE_SOUNDS, NULL);

  basename = g_strconcat (unknot_cue_sound_get_name (sound), ".oga", NULL);
  return g_file_new_build_filename (data_dir != NULL && *data_dir != '\0' ? data_dir : PKGDATADIR,
                                    "sounds", basename, NULL);
}
