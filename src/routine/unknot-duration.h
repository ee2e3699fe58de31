/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Durations are milliseconds in gint64 everywhere in Unknot. */
#define UNKNOT_MS_PER_SECOND G_GINT64_CONSTANT (1000)
#define UNKNOT_MS_PER_MINUTE G_GINT64_CONSTANT (60000)

gboolean  unknot_duration_parse         (const char  *text,
                                         gint64      *out_ms,
                                         GError     **error);
char     *unknot_duration_to_attribute  (gint64       ms);
char     *unknot_duration_format_clock  (gint64       ms);

G_END_DECLS
