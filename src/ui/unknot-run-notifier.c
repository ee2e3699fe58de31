/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-run-notifier.h"

/* What the desktop should know of the run a window shows: while it runs (not while it
 * is paused), the screen stays awake and the computer does not suspend, if the user
 * wants so; while the window is in the background, a notification says each new
 * segment, withdrawn when the window comes back or the run ends.
 *
 * It follows whichever run the window shows through a signal group, so a run that is
 * replaced or dropped is let go of entirely. */

#define NOTIFICATION_ID "segment"

struct _UnknotRunNotifier
{
  GObject parent_instance;

  GtkWindow *window;        /* weak: the window owns the notifier */
  GSettings *settings;      /* for "keep-awake" */
  UnknotRun *run;
  GSignalGroup *session_signals;
  guint inhibit_cookie;
  gboolean announced;       /* a notification was sent since the window was last in front */
};

enum
{
  PROP_0,
  PROP_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotRunNotifier, unknot_run_notifier, G_TYPE_OBJECT)

static GApplication *
get_application (UnknotRunNotifier *self)
{
  GtkApplication *application = self->window ? gtk_window_get_application (self->window) : NULL;

  return application ? G_APPLICATION (application) : NULL;
}

static void
set_inhibited (UnknotRunNotifier *self,
               gboolean           inhibited)
{
  GApplication *application = get_application (self);

  if (inhibited && self->inhibit_cookie == 0 && application != NULL
      && g_settings_get_boolean (self->settings, "keep-awake"))
    self->inhibit_cookie = gtk_application_inhibit (GTK_APPLICATION (application), self->window,
                                                    GTK_APPLICATION_INHIBIT_IDLE
                                                    | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    _("A massage routine is running"));
  else if (!inhibited && self->inhibit_cookie != 0)
    {
      if (application != NULL)
        gtk_application_uninhibit (GTK_APPLICATION (application), self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
withdraw_notification (UnknotRunNotifier *self)
{
  GApplication *application = get_application (self);

  if (application != NULL)
    g_application_withdraw_notification (application, NOTIFICATION_ID);
}

static void
on_state_changed (UnknotRunNotifier *self)
{
  UnknotSessionState state = unknot_session_get_state (unknot_run_get_session (self->run));

  set_inhibited (self, state == UNKNOT_SESSION_RUNNING);
  if (state == UNKNOT_SESSION_FINISHED || state == UNKNOT_SESSION_STOPPED)
    withdraw_notification (self);
}

static void
notify_segment (UnknotRunNotifier *self,
                UnknotSegment     *segment)
{
  GApplication *application = get_application (self);
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = unknot_segment_describe (segment);
  UnknotStep *step = unknot_segment_get_step (segment);

  if (application == NULL)
    return;
  notification = g_notification_new (title);
  if (step != NULL && unknot_segment_get_kind (segment) == UNKNOT_SEGMENT_STEP)
    g_notification_set_body (notification, unknot_step_get_title (step));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (application, NOTIFICATION_ID, notification);
  self->announced = TRUE;
}

static void
on_cue (UnknotSession     *session,
        UnknotCueEvent    *event,
        UnknotRunNotifier *self)
{
  if (unknot_cue_event_get_kind (event) != UNKNOT_CUE_EVENT_SEGMENT_START)
    return;
  if (!gtk_window_is_active (self->window))
    notify_segment (self, unknot_cue_event_get_segment (event));
  else if (self->announced)
    {
      /* Withdrawn once more: a notification sent just before the window came back can
       * still be on its way to the desktop when it is withdrawn, and then stay; seen on
       * the newest stack, at a fast preview speed. */
      withdraw_notification (self);
      self->announced = FALSE;
    }
}

static void
on_window_active (UnknotRunNotifier *self)
{
  if (gtk_window_is_active (self->window))
    withdraw_notification (self);
}

static void
unknot_run_notifier_dispose (GObject *object)
{
  UnknotRunNotifier *self = UNKNOT_RUN_NOTIFIER (object);

  unknot_run_notifier_set_run (self, NULL);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_run_notifier_parent_class)->dispose (object);
}

static void
unknot_run_notifier_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotRunNotifier *self = UNKNOT_RUN_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_RUN: g_value_set_object (value, self->run); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_run_notifier_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotRunNotifier *self = UNKNOT_RUN_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_RUN: unknot_run_notifier_set_run (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_run_notifier_class_init (UnknotRunNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_run_notifier_dispose;
  object_class->get_property = unknot_run_notifier_get_property;
  object_class->set_property = unknot_run_notifier_set_property;

  /* The run the window shows, or NULL. */
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, UNKNOT_TYPE_RUN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_run_notifier_init (UnknotRunNotifier *self)
{
  self->session_signals = g_signal_group_new (UNKNOT_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "cue", G_CALLBACK (on_cue), self, 0);
}

/* @settings: the app's settings, for whether to keep the screen awake */
UnknotRunNotifier *
unknot_run_notifier_new (GtkWindow *window,
                         GSettings *settings)
{
  UnknotRunNotifier *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_RUN_NOTIFIER, NULL);
  g_set_weak_pointer (&self->window, window);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (on_window_active), self,
                           G_CONNECT_SWAPPED);
  return self;
}

UnknotRun *
unknot_run_notifier_get_run (UnknotRunNotifier *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN_NOTIFIER (self), NULL);
  return self->run;
}

/* @run: (nullable): the run the window shows now */
void
unknot_run_notifier_set_run (UnknotRunNotifier *self,
                             UnknotRun         *run)
{
  g_return_if_fail (UNKNOT_IS_RUN_NOTIFIER (self));
  g_return_if_fail (run == NULL || UNKNOT_IS_RUN (run));

  if (self->run == run)
    return;
  set_inhibited (self, FALSE);
  withdraw_notification (self);
  g_set_object (&self->run, run);
  g_signal_group_set_target (self->session_signals, run ? unknot_run_get_session (run) : NULL);
  if (run != NULL)
    on_state_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}
