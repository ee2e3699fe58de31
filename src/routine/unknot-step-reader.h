/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "unknot-element-reader.h"
#include "unknot-media-reader.h"
#include "unknot-step.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_STEP_READER (unknot_step_reader_get_type ())
G_DECLARE_FINAL_TYPE (UnknotStepReader, unknot_step_reader, UNKNOT, STEP_READER, GObject)

UnknotStepReader *unknot_step_reader_new       (UnknotElementReader *elements,
                                                UnknotMediaReader   *media,
                                                const char *const   *languages);
UnknotStep       *unknot_step_reader_read_step (UnknotStepReader    *self,
                                                xmlNode             *node);
UnknotStep       *unknot_step_reader_read_rest (UnknotStepReader    *self,
                                                xmlNode             *node);
gboolean          unknot_step_reader_is_child  (const char          *name);

G_END_DECLS
