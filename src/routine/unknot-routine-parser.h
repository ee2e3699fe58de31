/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PARSER (unknot_routine_parser_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRoutineParser, unknot_routine_parser, UNKNOT, ROUTINE_PARSER, GObject)

UnknotRoutineParser *unknot_routine_parser_new                  (void);
void           unknot_routine_parser_set_languages              (UnknotRoutineParser *self,
                                                                 const char *const   *locale_names);
void           unknot_routine_parser_set_missing_media_is_error (UnknotRoutineParser *self,
                                                                 gboolean             is_error);
UnknotRoutine *unknot_routine_parser_load_file                  (UnknotRoutineParser *self,
                                                                 GFile               *file,
                                                                 const char          *display_name,
                                                                 GPtrArray          **problems,
                                                                 GError             **error);
UnknotRoutine *unknot_routine_parser_load_bytes                 (UnknotRoutineParser *self,
                                                                 GBytes              *bytes,
                                                                 GFile               *file,
                                                                 const char          *display_name,
                                                                 GPtrArray          **problems,
                                                                 GError             **error);

G_END_DECLS
