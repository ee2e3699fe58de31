/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history-regions.h"

#include "unknot-history-private.h"
#include "unknot-history-schema.h"
#include "unknot-history-time.h"

/* Only sessions that count (UNKNOT_HISTORY_COUNTS_SQL) work a region: pressing Start
 * and Stop leaves it as due as it was. Days are local days in the time zone of now, as
 * everywhere on the history page, so a session at 23:50 was yesterday at 00:10. */

static void
note_last_worked (UnknotHistoryRegionsDue *due,
                  GTimeZone               *zone,
                  const GDate             *today,
                  const GDate             *monday,
                  guint                    region,
                  gint64                   last)
{
  GDate day;

  unknot_history_time_local_date (zone, last, &day);
  /* A session dated after now (a clock set back since) was worked today. */
  due->days_since[region] = MAX (0, g_date_days_between (&day, today));
  if (g_date_compare (&day, monday) >= 0)
    due->this_week |= 1u << region;
}

/**
 * unknot_history_get_regions_due:
 * @now: the moment and time zone whose days count
 * @due: (out caller-allocates): per region, the days since it was last worked
 */
gboolean
unknot_history_get_regions_due (UnknotHistory            *self,
                                GDateTime                *now,
                                UnknotHistoryRegionsDue  *due,
                                GError                  **error)
{
  GTimeZone *zone;
  UnknotHistoryDb *db;
  sqlite3_stmt *statement;
  GDate today, monday;
  int result;

  g_return_val_if_fail (UNKNOT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < UNKNOT_N_REGIONS; i++)
    due->days_since[i] = -1;
  due->this_week = 0;

  db = unknot_history_get_db (self);
  statement = unknot_history_db_prepare (db,
    "SELECT steps.region, MAX (started_at) FROM sessions JOIN steps "
    "ON steps.session_id = sessions.id WHERE " UNKNOT_HISTORY_COUNTS_SQL
    " GROUP BY steps.region", error);
  if (statement == NULL)
    return FALSE;

  zone = g_date_time_get_timezone (now);
  unknot_history_time_local_date (zone, g_date_time_to_unix (now), &today);
  unknot_history_time_week_start (&today, &monday);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      guint region;
      gint64 last;

      /* A region this build does not know (another program's row) is left out. */
      if (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_REGION,
                                    (const char *) sqlite3_column_text (statement, 0), &region)
          && unknot_history_time_parse ((const char *) sqlite3_column_text (statement, 1),
                                        &last))
        note_last_worked (due, zone, &today, &monday, region, last);
    }
  return unknot_history_db_done (db, statement, result, error);
}
