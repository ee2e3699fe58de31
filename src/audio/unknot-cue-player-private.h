/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

#include "unknot-cue-player.h"

G_BEGIN_DECLS

/* For tests, which look into the pipelines; the app has no use for it. */

GPtrArray *unknot_cue_player_get_pipelines (UnknotCuePlayer *self);

G_END_DECLS
