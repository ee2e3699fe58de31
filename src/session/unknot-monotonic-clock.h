/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-clock.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_MONOTONIC_CLOCK (unknot_monotonic_clock_get_type ())
G_DECLARE_FINAL_TYPE (UnknotMonotonicClock, unknot_monotonic_clock,
                      UNKNOT, MONOTONIC_CLOCK, UnknotClock)

UnknotClock *unknot_monotonic_clock_new (void);

G_END_DECLS
