/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_CUE (unknot_cue_get_type ())

/* A <cue at="20s">text</cue>: a prompt shown and spoken part-way through a step. */
typedef struct _UnknotCue UnknotCue;

GType        unknot_cue_get_type  (void) G_GNUC_CONST;
UnknotCue   *unknot_cue_new       (gint64      at_ms,
                                   const char *text);
UnknotCue   *unknot_cue_ref       (UnknotCue  *self);
void         unknot_cue_unref     (UnknotCue  *self);
gint64       unknot_cue_get_at    (UnknotCue  *self);
const char  *unknot_cue_get_text  (UnknotCue  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotCue, unknot_cue_unref)

G_END_DECLS
