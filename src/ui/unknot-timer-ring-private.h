/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-timer-ring.h"

G_BEGIN_DECLS

/* What the widget shows, for the tests to check; the app reads none of it. */
const char *unknot_timer_ring_get_text (UnknotTimerRing *self);

G_END_DECLS
