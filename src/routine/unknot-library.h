/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-pack-reader.h"
#include "unknot-routine.h"
#include "unknot-routine-parser.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_LIBRARY (unknot_library_get_type ())
G_DECLARE_FINAL_TYPE (UnknotLibrary, unknot_library, UNKNOT, LIBRARY, GObject)

UnknotLibrary  *unknot_library_new                (UnknotRoutineParser *parser,
                                                   GFile               *shipped_folder,
                                                   GFile               *user_folder);
UnknotLibrary  *unknot_library_new_default        (void);
GThread        *unknot_library_new_default_in_thread (void);
GFile          *unknot_library_get_user_folder    (UnknotLibrary       *self);
GListModel     *unknot_library_get_problems       (UnknotLibrary       *self);
UnknotRoutine  *unknot_library_lookup             (UnknotLibrary       *self,
                                                   const char          *id);
GFile          *unknot_library_add_routine        (UnknotLibrary       *self,
                                                   UnknotRoutine       *routine,
                                                   GError             **error);
GFile          *unknot_library_add_pack           (UnknotLibrary       *self,
                                                   UnknotPackReader    *pack,
                                                   GError             **error);

GFile          *unknot_library_get_shipped_folder_default (void);
GFile          *unknot_library_get_user_folder_default    (void);

G_END_DECLS
