/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-history-session.h"
#include "unknot-reminder-due.h"
#include "unknot-reminder-rules.h"

/* Returns: (transfer none) (nullable): the routine done least recently: one never done
 * first (the first in the library's order), else the one whose last session is oldest,
 * so a reminder proposes a change rather than the routine of yesterday. */
UnknotRoutine *
unknot_reminder_pick_routine (GListModel *routines,
                              GPtrArray  *sessions)
{
  g_autoptr (GHashTable) last_done = g_hash_table_new (g_str_hash, g_str_equal);
  UnknotRoutine *best = NULL;
  GDateTime *best_time = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (routines), NULL);

  /* Newest first: the first session of a routine met is its last. */
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      UnknotHistorySession *session = g_ptr_array_index (sessions, i);

      if (!g_hash_table_contains (last_done, session->routine_id))
        g_hash_table_insert (last_done, session->routine_id, session->started_at);
    }

  n = g_list_model_get_n_items (routines);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (UnknotRoutine) routine = g_list_model_get_item (routines, i);
      GDateTime *done = g_hash_table_lookup (last_done, unknot_routine_get_id (routine));

      if (done == NULL)
        return routine;
      if (best == NULL || g_date_time_compare (done, best_time) < 0)
        {
          best = routine;
          best_time = done;
        }
    }
  return best;
}

/* Whether the newest session is still being recorded: a routine runs, in this process
 * or another. One started too long ago was left behind by a crash. */
gboolean
unknot_reminder_is_running (GPtrArray *sessions,
                            GDateTime *now)
{
  UnknotHistorySession *newest;

  if (sessions == NULL || sessions->len == 0)
    return FALSE;
  newest = g_ptr_array_index (sessions, 0);
  return newest->status == UNKNOT_HISTORY_STATUS_IN_PROGRESS
         && g_date_time_difference (now, newest->started_at) < UNKNOT_REMINDER_RUN_LIMIT;
}
