/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-clock.h"
#include "unknot-routine-run.h"
#include "unknot-session-recorder.h"

/* One run of a routine, from Start to its end: the session on the real clock, with the
 * user's settings applied live; its record in the history; the screen kept awake while
 * it runs (not while paused); and, when the window is in the background, a notification
 * at each new segment, withdrawn when the window comes back.
 *
 * Emits "ended" once, when the session finishes or is stopped. */

#define NOTIFICATION_ID "segment"

struct _UnknotRoutineRun
{
  GObject parent_instance;

  GtkApplication *application;
  GtkWindow *window;            /* not owned; the run lives shorter than the window */
  GSettings *settings;
  UnknotSession *session;
  UnknotSessionRecorder *recorder;
  guint inhibit_cookie;
  gboolean ended;
};

enum
{
  SIGNAL_ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotRoutineRun, unknot_routine_run, G_TYPE_OBJECT)

/* Settings hold seconds, the session milliseconds. */
static gboolean
seconds_to_ms (GValue   *value,
               GVariant *variant,
               gpointer  data)
{
  g_value_set_int64 (value, (gint64) g_variant_get_int32 (variant) * 1000);
  return TRUE;
}

static GVariant *
ms_to_seconds (const GValue       *value,
               const GVariantType *type,
               gpointer            data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_int64 (value) / 1000));
}

static void
bind_settings (UnknotRoutineRun *self)
{
  g_settings_bind (self->settings, "countdown-ticks", self->session, "countdown-ticks",
                   G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "prepare-time", self->session, "default-prepare",
                                G_SETTINGS_BIND_GET, seconds_to_ms, ms_to_seconds, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "switch-gap", self->session, "default-switch-gap",
                                G_SETTINGS_BIND_GET, seconds_to_ms, ms_to_seconds, NULL, NULL);
}

static void
set_inhibited (UnknotRoutineRun *self,
               gboolean          inhibited)
{
  if (inhibited && self->inhibit_cookie == 0
      && g_settings_get_boolean (self->settings, "keep-awake"))
    self->inhibit_cookie = gtk_application_inhibit (self->application, self->window,
                                                    GTK_APPLICATION_INHIBIT_IDLE
                                                    | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    _("A massage routine is running"));
  else if (!inhibited && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (self->application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
on_state_changed (UnknotRoutineRun *self)
{
  UnknotSessionState state = unknot_session_get_state (self->session);

  set_inhibited (self, state == UNKNOT_SESSION_RUNNING);
  if ((state == UNKNOT_SESSION_FINISHED || state == UNKNOT_SESSION_STOPPED) && !self->ended)
    {
      self->ended = TRUE;
      g_application_withdraw_notification (G_APPLICATION (self->application), NOTIFICATION_ID);
      g_signal_emit (self, signals[SIGNAL_ENDED], 0);
    }
}

static void
notify_segment (UnknotRoutineRun *self,
                UnknotSegment    *segment)
{
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = unknot_segment_describe (segment);
  UnknotStep *step = unknot_segment_get_step (segment);

  notification = g_notification_new (title);
  if (step != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
    g_notification_set_body (notification, unknot_step_get_title (step));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (G_APPLICATION (self->application), NOTIFICATION_ID,
                                   notification);
}

static void
on_cue (UnknotSession    *session,
        UnknotCueEvent   *event,
        UnknotRoutineRun *self)
{
  if (unknot_cue_event_get_kind (event) == UNKNOT_CUE_EVENT_SEGMENT_START
      && !gtk_window_is_active (self->window))
    notify_segment (self, unknot_cue_event_get_segment (event));
}

static void
on_window_active (UnknotRoutineRun *self)
{
  if (gtk_window_is_active (self->window))
    g_application_withdraw_notification (G_APPLICATION (self->application), NOTIFICATION_ID);
}

static void
unknot_routine_run_dispose (GObject *object)
{
  UnknotRoutineRun *self = UNKNOT_ROUTINE_RUN (object);

  set_inhibited (self, FALSE);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_settings_unbind (self->session, "countdown-ticks");
      g_settings_unbind (self->session, "default-prepare");
      g_settings_unbind (self->session, "default-switch-gap");
    }
  g_clear_object (&self->recorder);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);
  self->window = NULL;

  G_OBJECT_CLASS (unknot_routine_run_parent_class)->dispose (object);
}

static void
unknot_routine_run_class_init (UnknotRoutineRunClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_routine_run_dispose;

  signals[SIGNAL_ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
unknot_routine_run_init (UnknotRoutineRun *self)
{
}

/**
 * unknot_routine_run_new:
 * @history: (nullable): where to record the session, if a history could be opened
 * @speed: 1, or more to preview a routine faster
 *
 * Prepares a run; unknot_routine_run_start() starts it.
 */
UnknotRoutineRun *
unknot_routine_run_new (GtkApplication *application,
                        GtkWindow      *window,
                        UnknotRoutine  *routine,
                        UnknotHistory  *history,
                        GSettings      *settings,
                        double          speed)
{
  UnknotRoutineRun *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_RUN, NULL);
  self->application = g_object_ref (application);
  self->window = window;
  self->settings = g_object_ref (settings);
  self->session = unknot_session_new (routine, unknot_clock_get_default ());
  unknot_session_set_speed (self->session, speed);
  bind_settings (self);
  self->recorder = unknot_session_recorder_new (history, self->session);

  g_signal_connect_swapped (self->session, "notify::state", G_CALLBACK (on_state_changed), self);
  g_signal_connect (self->session, "cue", G_CALLBACK (on_cue), self);
  g_signal_connect_swapped (window, "notify::is-active", G_CALLBACK (on_window_active), self);
  return self;
}

/* Returns: (transfer none): the session of this run. */
UnknotSession *
unknot_routine_run_get_session (UnknotRoutineRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), NULL);
  return self->session;
}

void
unknot_routine_run_start (UnknotRoutineRun *self)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_RUN (self));
  unknot_session_start (self->session);
}

/* Whether the session is running or paused, i.e. not yet ended. */
gboolean
unknot_routine_run_is_active (UnknotRoutineRun *self)
{
  UnknotSessionState state;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), FALSE);
  state = unknot_session_get_state (self->session);
  return state == UNKNOT_SESSION_RUNNING || state == UNKNOT_SESSION_PAUSED;
}

gint64
unknot_routine_run_get_history_id (UnknotRoutineRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), 0);
  return unknot_session_recorder_get_session_id (self->recorder);
}

gboolean
unknot_routine_run_is_recorded (UnknotRoutineRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), FALSE);
  return unknot_session_recorder_is_recorded (self->recorder);
}

guint
unknot_routine_run_get_n_steps (UnknotRoutineRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), 0);
  return unknot_session_recorder_get_n_steps (self->recorder);
}

guint32
unknot_routine_run_get_regions (UnknotRoutineRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), 0);
  return unknot_session_recorder_get_regions (self->recorder);
}

/* Whether the run keeps the screen awake right now. */
gboolean
unknot_routine_run_is_inhibiting (UnknotRoutineRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_RUN (self), FALSE);
  return self->inhibit_cookie != 0;
}
