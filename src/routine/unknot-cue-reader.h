/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "unknot-element-reader.h"

G_BEGIN_DECLS

/* The <cue>s of one step, with their translations. */
typedef struct _UnknotCueReader UnknotCueReader;

UnknotCueReader *unknot_cue_reader_new    (UnknotElementReader *elements,
                                           const char *const   *languages,
                                           gint64               step_duration,
                                           UnknotSide           side);
void             unknot_cue_reader_free   (UnknotCueReader     *self);
void             unknot_cue_reader_read   (UnknotCueReader     *self,
                                           xmlNode             *node);
GPtrArray       *unknot_cue_reader_finish (UnknotCueReader     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotCueReader, unknot_cue_reader_free)

G_END_DECLS
