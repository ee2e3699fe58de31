/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Hides a revealer's child (a header bar) until the pointer moves over a widget, and
 * again a few seconds after it stopped: for a full-screen view that is read, not
 * touched. */
typedef struct _UnknotAutoHide UnknotAutoHide;

UnknotAutoHide *unknot_auto_hide_new         (GtkWidget      *watched,
                                              GtkRevealer    *revealer);
void            unknot_auto_hide_free        (UnknotAutoHide *self);
void            unknot_auto_hide_set_enabled (UnknotAutoHide *self,
                                              gboolean        enabled);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotAutoHide, unknot_auto_hide_free)

G_END_DECLS
