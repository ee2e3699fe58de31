/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-history-stats.h"
#include "unknot-reminder-due.h"
#include "unknot-reminder-rules.h"
#include "unknot-reminders.h"

/* Reminders to do a routine, on the days and at the time the settings say: the same
 * object in the app's window process and in the headless service. It sleeps on one
 * wall-clock alarm until the next reminder or the end of a snooze, then looks at the
 * history (the week's goal, a routine running) and sends a notification, or not.
 * The day of the last reminder is kept in the settings, so the window and the service,
 * which take turns, remind at most once a day between them. */
struct _UnknotReminders
{
  GObject parent_instance;

  GApplication *application;  /* not owned: it owns this */
  GSettings *settings;
  UnknotLibrary *library;     /* nullable: then read when a reminder is due */
  UnknotHistory *history;     /* nullable: then opened for reading when needed */
  UnknotWallAlarm *alarm;
  GDateTime *snoozed_until;   /* nullable */
  GDate shown_day;            /* of the notification on screen; cleared if none */
};

G_DEFINE_FINAL_TYPE (UnknotReminders, unknot_reminders, G_TYPE_OBJECT)

static void evaluate (UnknotReminders *self);

static void
read_last_day (UnknotReminders *self,
               GDate           *day)
{
  g_autofree char *text = g_settings_get_string (self->settings, "reminder-last-day");

  g_date_clear (day, 1);
  if (*text != '\0')
    g_date_set_parse (day, text);
}

/* The day of the scheduled reminder that came due, which for a late evening reminder
 * handled after midnight is yesterday; a snooze that ends marks nothing new. */
static void
mark_day (UnknotReminders           *self,
          const UnknotReminderState *state,
          GDateTime                 *now)
{
  g_autoptr (GDateTime) scheduled = unknot_reminder_next_time (state, now);
  g_autofree char *text = NULL;

  if (scheduled == NULL || g_date_time_compare (scheduled, now) > 0)
    return;
  text = g_date_time_format (scheduled, "%Y-%m-%d");
  g_settings_set_string (self->settings, "reminder-last-day", text);
}

/* The newest @limit sessions, or all for 0. */
static GPtrArray *
list_sessions (UnknotReminders *self,
               guint            limit)
{
  g_autoptr (UnknotHistory) opened = NULL;
  UnknotHistory *history = self->history;

  if (history == NULL)
    history = opened = unknot_history_new_for_reading (NULL, NULL);
  return history != NULL ? unknot_history_list_sessions (history, 0, limit, NULL) : NULL;
}

static guint
count_this_week (UnknotReminders *self,
                 GDateTime       *now,
                 guint            goal)
{
  g_autoptr (UnknotHistory) opened = NULL;
  UnknotHistory *history = self->history;
  UnknotHistoryGoalProgress progress = { 0 };

  if (history == NULL)
    history = opened = unknot_history_new_for_reading (NULL, NULL);
  if (history == NULL || !unknot_history_get_goal_progress (history, now, goal, &progress, NULL))
    return 0;
  return progress.this_week;
}

/* The state the rules decide on, as of @now. */
static void
read_state (UnknotReminders     *self,
            GDateTime           *now,
            GPtrArray           *sessions,
            UnknotReminderState *state)
{
  g_auto (GStrv) days = g_settings_get_strv (self->settings, "reminder-days");
  g_autofree char *time = g_settings_get_string (self->settings, "reminder-time");

  state->days = unknot_reminder_days_from_strv ((const char * const *) days);
  if (!unknot_reminder_parse_time (time, &state->hour, &state->minute))
    state->days = 0;
  read_last_day (self, &state->last_day);
  state->snoozed_until = self->snoozed_until;
  state->goal = (guint) g_settings_get_int (self->settings, "weekly-goal");
  state->done = count_this_week (self, now, state->goal);
  state->running = unknot_reminder_is_running (sessions, now);
}

static void
withdraw (UnknotReminders *self)
{
  if (!g_date_valid (&self->shown_day))
    return;
  g_application_withdraw_notification (self->application, UNKNOT_REMINDERS_NOTIFICATION);
  g_date_clear (&self->shown_day, 1);
}

static void
send_notification (UnknotReminders           *self,
                   const UnknotReminderState *state,
                   GDateTime                 *now)
{
  g_autoptr (GPtrArray) sessions = list_sessions (self, 0);
  g_autoptr (UnknotLibrary) loaded = NULL;
  UnknotLibrary *library = self->library;
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *body = NULL;
  UnknotRoutine *routine;

  if (library == NULL)
    library = loaded = unknot_library_new_default ();
  routine = unknot_reminder_pick_routine (G_LIST_MODEL (library), sessions);
  if (routine == NULL)
    return;

  body = unknot_reminder_describe (state->done, state->goal, unknot_routine_get_name (routine),
                                   unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS,
                                                             UNKNOT_DEFAULT_SWITCH_GAP_MS));
  notification = g_notification_new (_("Time for a routine"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app." UNKNOT_REMINDERS_SHOW_ACTION,
                                                 "s", unknot_routine_get_id (routine));
  /* Translators: a button of the reminder, which opens the routine it proposes */
  g_notification_add_button_with_target (notification, C_("reminder", "Start"),
                                         "app." UNKNOT_REMINDERS_SHOW_ACTION, "s",
                                         unknot_routine_get_id (routine));
  /* Translators: a button of the reminder, which reminds again in an hour */
  g_notification_add_button (notification, C_("reminder", "Later"),
                             "app." UNKNOT_REMINDERS_SNOOZE_ACTION);
  g_application_send_notification (self->application, UNKNOT_REMINDERS_NOTIFICATION,
                                   notification);
  g_date_set_dmy (&self->shown_day, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

/* A notification on screen goes at midnight: yesterday's reminder is stale. */
static GDateTime *
limit_to_today (UnknotReminders *self,
                GDateTime       *wake,
                GDateTime       *now)
{
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) tomorrow = NULL;

  if (!g_date_valid (&self->shown_day))
    return wake;
  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                              0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  if (wake != NULL && g_date_time_compare (wake, tomorrow) <= 0)
    return wake;
  g_clear_pointer (&wake, g_date_time_unref);
  return g_steal_pointer (&tomorrow);
}

static gboolean
is_today (const GDate *day,
          GDateTime   *now)
{
  return g_date_valid (day) && g_date_get_day (day) == g_date_time_get_day_of_month (now)
         && (int) g_date_get_month (day) == g_date_time_get_month (now)
         && g_date_get_year (day) == g_date_time_get_year (now);
}

/* For G_MESSAGES_DEBUG: when the service looked, what it decided, when it looks next. */
static void
log_decision (GDateTime             *now,
              UnknotReminderVerdict  verdict,
              GDateTime             *wake)
{
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *wake_text = wake != NULL ? g_date_time_format_iso8601 (wake) : NULL;

  g_debug ("Reminders at %s: verdict %d, next look at %s", now_text, verdict,
           wake_text != NULL ? wake_text : "never");
}

static void
evaluate (UnknotReminders *self)
{
  g_autoptr (GDateTime) now = unknot_wall_alarm_now (self->alarm);
  /* Only the newest, to see whether a routine runs. */
  g_autoptr (GPtrArray) sessions = list_sessions (self, 1);
  UnknotReminderState state = { 0 };
  g_autoptr (GDateTime) wake = NULL;
  UnknotReminderVerdict verdict;

  read_state (self, now, sessions, &state);
  if (!is_today (&self->shown_day, now) || state.running
      || (state.goal > 0 && state.done >= state.goal))
    withdraw (self);

  verdict = unknot_reminder_decide (&state, now);
  if (verdict >= UNKNOT_REMINDER_REMIND)
    {
      mark_day (self, &state, now);
      read_last_day (self, &state.last_day);
      g_clear_pointer (&self->snoozed_until, g_date_time_unref);
      state.snoozed_until = NULL;
      if (verdict == UNKNOT_REMINDER_REMIND)
        send_notification (self, &state, now);
    }
  wake = limit_to_today (self, unknot_reminder_next_wake (&state, now), now);
  log_decision (now, verdict, wake);
  unknot_wall_alarm_set (self->alarm, wake);
}

static void
on_settings_changed (GSettings       *settings,
                     const char      *key,
                     UnknotReminders *self)
{
  /* Its own mark of the day changes nothing to wait for. */
  if (g_strcmp0 (key, "reminder-last-day") != 0)
    evaluate (self);
}

static void
on_snooze (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  unknot_reminders_snooze (data);
}

static void
unknot_reminders_dispose (GObject *object)
{
  UnknotReminders *self = UNKNOT_REMINDERS (object);

  if (self->alarm != NULL)
    g_signal_handlers_disconnect_by_data (self->alarm, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->application != NULL)
    g_action_map_remove_action (G_ACTION_MAP (self->application), UNKNOT_REMINDERS_SNOOZE_ACTION);
  g_clear_object (&self->alarm);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->history);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  self->application = NULL;

  G_OBJECT_CLASS (unknot_reminders_parent_class)->dispose (object);
}

static void
unknot_reminders_class_init (UnknotRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_reminders_dispose;
}

static void
unknot_reminders_init (UnknotReminders *self)
{
  g_date_clear (&self->shown_day, 1);
}

/**
 * unknot_reminders_new:
 * @application: the application that sends the notifications; it gets the action
 *   "reminder-later" and must have "show-routine" (s)
 * @library: (nullable): the routines, or %NULL to read them when a reminder is due
 * @history: (nullable): the history, or %NULL to open it for reading when needed
 */
UnknotReminders *
unknot_reminders_new (GApplication  *application,
                      GSettings     *settings,
                      UnknotLibrary *library,
                      UnknotHistory *history)
{
  static const GActionEntry actions[] = {
    { UNKNOT_REMINDERS_SNOOZE_ACTION, on_snooze },
  };
  UnknotReminders *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_REMINDERS, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_set_object (&self->library, library);
  g_set_object (&self->history, history);
  self->alarm = unknot_wall_alarm_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions),
                                   self);
  g_signal_connect_swapped (self->alarm, "rang", G_CALLBACK (evaluate), self);
  g_signal_connect_swapped (self->alarm, "changed", G_CALLBACK (evaluate), self);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  evaluate (self);
  return self;
}

/* Looks again now, as after something that may change what is due: a routine started
 * (the one on screen goes) or ended (the goal may be met). */
void
unknot_reminders_update (UnknotReminders *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDERS (self));
  evaluate (self);
}

/* "Later": the reminder goes, and comes again in an hour. */
void
unknot_reminders_snooze (UnknotReminders *self)
{
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (UNKNOT_IS_REMINDERS (self));

  now = unknot_wall_alarm_now (self->alarm);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  self->snoozed_until = g_date_time_add (now, UNKNOT_REMINDER_SNOOZE);
  withdraw (self);
  evaluate (self);
}

/* Whether any day is chosen: a service with nothing to remind of can end. */
gboolean
unknot_reminders_get_enabled (UnknotReminders *self)
{
  g_auto (GStrv) days = NULL;

  g_return_val_if_fail (UNKNOT_IS_REMINDERS (self), FALSE);

  days = g_settings_get_strv (self->settings, "reminder-days");
  return unknot_reminder_days_from_strv ((const char * const *) days) != 0
         || self->snoozed_until != NULL;
}

/* Returns: (transfer none): the alarm it sleeps on, for tests to move its clock. */
UnknotWallAlarm *
unknot_reminders_get_alarm (UnknotReminders *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDERS (self), NULL);
  return self->alarm;
}
