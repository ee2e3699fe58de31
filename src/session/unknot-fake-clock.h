/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-clock.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_FAKE_CLOCK (unknot_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (UnknotFakeClock, unknot_fake_clock, UNKNOT, FAKE_CLOCK, UnknotClock)

UnknotFakeClock *unknot_fake_clock_new             (void);
void             unknot_fake_clock_advance         (UnknotFakeClock *self,
                                                    gint64           ms);
void             unknot_fake_clock_jump            (UnknotFakeClock *self,
                                                    gint64           ms);
gboolean         unknot_fake_clock_run_next        (UnknotFakeClock *self);
guint            unknot_fake_clock_get_n_deadlines (UnknotFakeClock *self);

G_END_DECLS
