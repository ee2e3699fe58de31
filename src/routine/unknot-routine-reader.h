/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "unknot-element-reader.h"
#include "unknot-routine.h"
#include "unknot-step-reader.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_READER (unknot_routine_reader_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutineReader, unknot_routine_reader, UNKNOT, ROUTINE_READER, GObject)

UnknotRoutineReader *unknot_routine_reader_new  (UnknotElementReader *elements,
                                                 UnknotStepReader    *steps,
                                                 const char *const   *languages);
UnknotRoutine       *unknot_routine_reader_read (UnknotRoutineReader *self,
                                                 xmlNode             *root,
                                                 GFile               *file,
                                                 GBytes              *bytes);
gboolean             unknot_routine_reader_is_child (const char          *name);

G_END_DECLS
