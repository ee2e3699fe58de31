/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine-parser.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_FOLDER (unknot_routine_folder_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutineFolder, unknot_routine_folder, UNKNOT, ROUTINE_FOLDER, GObject)

UnknotRoutineFolder *unknot_routine_folder_new           (GFile               *directory,
                                                          UnknotRoutineParser *parser,
                                                          gboolean             create);
GFile               *unknot_routine_folder_get_directory (UnknotRoutineFolder *self);
void                 unknot_routine_folder_scan          (UnknotRoutineFolder *self);
void                 unknot_routine_folder_collect       (UnknotRoutineFolder *self,
                                                          GPtrArray           *routines,
                                                          GPtrArray           *problems);

G_END_DECLS
