/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "unknot-pack-error.h"
#include "unknot-routine-parser.h"

G_BEGIN_DECLS

/* What a routine pack may be: anything larger, fuller or more compressed is refused. */
#define UNKNOT_PACK_MAX_BYTES          (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define UNKNOT_PACK_MAX_UNPACKED_BYTES (G_GUINT64_CONSTANT (256) * 1024 * 1024)
#define UNKNOT_PACK_MAX_RATIO          100
#define UNKNOT_PACK_MAX_FILES          1000

/* The file name extension of routine packs. */
#define UNKNOT_PACK_SUFFIX ".unknot"

#define UNKNOT_TYPE_PACK_READER (unknot_pack_reader_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPackReader, unknot_pack_reader, UNKNOT, PACK_READER, GObject)

gboolean          unknot_pack_reader_is_pack          (GFile                *file);
UnknotPackReader *unknot_pack_reader_new_for_file     (GFile                *file,
                                                       GError              **error);
UnknotPackReader *unknot_pack_reader_new_for_bytes    (GBytes               *bytes,
                                                       GError              **error);
const char       *unknot_pack_reader_get_routine_name (UnknotPackReader     *self);
char             *unknot_pack_reader_get_display_name (UnknotPackReader     *self,
                                                       const char           *pack_name);
UnknotRoutine    *unknot_pack_reader_load_routine     (UnknotPackReader     *self,
                                                       UnknotRoutineParser  *parser,
                                                       const char           *pack_name,
                                                       GPtrArray           **problems,
                                                       GError              **error);
UnknotRoutine    *unknot_pack_reader_load_unpacked    (UnknotPackReader     *self,
                                                       UnknotRoutineParser  *parser,
                                                       const char           *pack_name,
                                                       GPtrArray           **problems,
                                                       GError              **error);
GFile            *unknot_pack_reader_extract          (UnknotPackReader     *self,
                                                       GFile                *destination,
                                                       GError              **error);

G_END_DECLS
