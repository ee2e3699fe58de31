/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_TIMER_RING (unknot_timer_ring_get_type ())
G_DECLARE_FINAL_TYPE (UnknotTimerRing, unknot_timer_ring, UNKNOT, TIMER_RING, GtkWidget)

GtkWidget *unknot_timer_ring_new           (void);
void       unknot_timer_ring_set_fraction  (UnknotTimerRing *self,
                                            double           fraction);
double     unknot_timer_ring_get_fraction  (UnknotTimerRing *self);
void       unknot_timer_ring_set_text      (UnknotTimerRing *self,
                                            const char      *text,
                                            const char      *caption);
void       unknot_timer_ring_set_seconds   (UnknotTimerRing *self,
                                            gint64           left,
                                            gint64           total);

G_END_DECLS
