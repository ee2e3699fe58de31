/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Routine files are small; anything larger is refused before it is parsed. */
#define UNKNOT_ROUTINE_MAX_BYTES (1024 * 1024)

gboolean  unknot_file_reader_check_size  (gsize    size,
                                          gsize    max_bytes,
                                          GError **error);
GBytes   *unknot_file_reader_read        (GFile   *file,
                                          gsize    max_bytes,
                                          GError **error);

G_END_DECLS
