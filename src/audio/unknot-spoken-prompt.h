/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-cue-event.h"

G_BEGIN_DECLS

/* What the cue player says for a cue, translated. */

char *unknot_spoken_prompt_for_cue      (UnknotCueEvent *event);
char *unknot_spoken_prompt_for_duration (gint64          ms);

G_END_DECLS
