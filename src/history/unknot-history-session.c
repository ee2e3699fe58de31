/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history-session.h"

static const char *const status_names[] = {
  [UNKNOT_HISTORY_STATUS_IN_PROGRESS] = "in-progress",
  [UNKNOT_HISTORY_STATUS_COMPLETED] = "completed",
  [UNKNOT_HISTORY_STATUS_STOPPED] = "stopped",
  [UNKNOT_HISTORY_STATUS_INTERRUPTED] = "interrupted",
};

G_DEFINE_BOXED_TYPE (UnknotHistorySession, unknot_history_session,
                     unknot_history_session_copy, unknot_history_session_free)

UnknotHistorySession *
unknot_history_session_new (void)
{
  return g_new0 (UnknotHistorySession, 1);
}

UnknotHistorySession *
unknot_history_session_copy (const UnknotHistorySession *self)
{
  UnknotHistorySession *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->routine_id = g_strdup (self->routine_id);
  copy->routine_name = g_strdup (self->routine_name);
  copy->routine_checksum = g_strdup (self->routine_checksum);
  copy->started_at = self->started_at ? g_date_time_ref (self->started_at) : NULL;
  copy->finished_at = self->finished_at ? g_date_time_ref (self->finished_at) : NULL;
  copy->note = g_strdup (self->note);
  copy->after_run = g_strdup (self->after_run);
  if (self->steps != NULL)
    {
      copy->steps = g_array_sized_new (FALSE, FALSE, sizeof (UnknotHistoryStep),
                                       self->steps->len);
      g_array_append_vals (copy->steps, self->steps->data, self->steps->len);
    }
  return copy;
}

void
unknot_history_session_free (UnknotHistorySession *self)
{
  if (self == NULL)
    return;
  g_free (self->routine_id);
  g_free (self->routine_name);
  g_free (self->routine_checksum);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);
  g_free (self->note);
  g_free (self->after_run);
  g_clear_pointer (&self->steps, g_array_unref);
  g_free (self);
}

/* Whether a session with this much active time counts toward the weekly goal and the
 * charts: at least half of its planned time, as UNKNOT_HISTORY_COUNTS_SQL says. */
gboolean
unknot_history_active_time_counts (gint64 active_ms,
                                   gint64 planned_ms)
{
  return active_ms * 2 >= planned_ms;
}

/* Whether the session counts toward the weekly goal and the charts: the rule of
 * UNKNOT_HISTORY_COUNTS_SQL (see there why), for the UI to mark those that do not. */
gboolean
unknot_history_session_counts (const UnknotHistorySession *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->status != UNKNOT_HISTORY_STATUS_IN_PROGRESS
         && unknot_history_active_time_counts ((gint64) self->active_seconds * 1000,
                                               (gint64) self->planned_seconds * 1000);
}

/* The id stored in the database and written in the CSV export; never translated. */
const char *
unknot_history_status_to_string (UnknotHistoryStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
unknot_history_status_from_string (const char          *text,
                                   UnknotHistoryStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}
