/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-session.h"

G_BEGIN_DECLS

GPtrArray *unknot_cue_forecast (UnknotSession *session,
                                gint64         until);

G_END_DECLS
