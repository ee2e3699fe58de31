/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The history keeps times as whole seconds in UTC, written "2026-11-26T16:48:45Z": the
 * form sorts as text and is what the CSV export shows. Days and weeks for the history
 * page are local to a time zone the caller gives; weeks start on Monday. */

char      *unknot_history_time_format         (GDateTime   *time);
char      *unknot_history_time_format_unix    (gint64       unix_seconds);
gboolean   unknot_history_time_parse          (const char  *text,
                                               gint64      *unix_seconds);
GDateTime *unknot_history_time_to_date_time   (const char  *text);
void       unknot_history_time_local_date     (GTimeZone   *zone,
                                               gint64       unix_seconds,
                                               GDate       *date);
gint64     unknot_history_time_day_start      (GTimeZone   *zone,
                                               const GDate *date);
void       unknot_history_time_week_start     (const GDate *date,
                                               GDate       *monday);

G_END_DECLS
