/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-run.h"
#include "unknot-session-recorder.h"

/* One run of a routine, from Start until it is dropped: the session on the clock, with
 * the user's settings applied live; its record in the history; its sound, through the
 * app's cue player, which follows this session from the start until the run is stopped
 * or dropped; and what the summary shows once it has ended. The feel rating given
 * afterwards goes into the run's history row through it.
 *
 * A run faster than real time (--speed) is an author's preview: it is not recorded at
 * all, as its times say nothing of a massage.
 *
 * Dropping the last reference stops a run still under way (the history row is closed as
 * stopped) and detaches everything, so nothing it owned calls back into whoever showed
 * it. */
struct _UnknotRun
{
  GObject parent_instance;

  UnknotRoutine *routine;
  UnknotHistory *history;       /* nullable: no history could be opened */
  UnknotCuePlayer *cue_player;  /* nullable: runs without sound */
  GSettings *settings;          /* nullable: the session's defaults then */
  UnknotClock *clock;
  double speed;

  UnknotSession *session;
  UnknotSessionRecorder *recorder;
  gboolean sounding;            /* the cue player follows this run's session */
  gboolean active;
  gboolean ended;
  guint rating;
};

enum
{
  PROP_0,
  PROP_ROUTINE,
  PROP_HISTORY,
  PROP_CUE_PLAYER,
  PROP_SETTINGS,
  PROP_CLOCK,
  PROP_SPEED,
  PROP_SESSION,
  PROP_PREVIEW,
  PROP_ACTIVE,
  PROP_ENDED,
  PROP_RATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotRun, unknot_run, G_TYPE_OBJECT)

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
bind_settings (UnknotRun *self)
{
  g_settings_bind (self->settings, "countdown-ticks", self->session, "countdown-ticks",
                   G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "prepare-time", self->session, "default-prepare",
                                G_SETTINGS_BIND_GET, seconds_to_ms, ms_to_seconds, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "switch-gap", self->session, "default-switch-gap",
                                G_SETTINGS_BIND_GET, seconds_to_ms, ms_to_seconds, NULL, NULL);
}

static void
unbind_settings (UnknotRun *self)
{
  g_settings_unbind (self->session, "countdown-ticks");
  g_settings_unbind (self->session, "default-prepare");
  g_settings_unbind (self->session, "default-switch-gap");
}

static void
detach_sound (UnknotRun *self)
{
  if (!self->sounding)
    return;
  self->sounding = FALSE;
  unknot_cue_player_set_session (self->cue_player, NULL);
}

static void
on_state_changed (UnknotRun *self)
{
  UnknotSessionState state = unknot_session_get_state (self->session);
  gboolean active = state == UNKNOT_SESSION_RUNNING || state == UNKNOT_SESSION_PAUSED;
  gboolean ended = state == UNKNOT_SESSION_FINISHED || state == UNKNOT_SESSION_STOPPED;

  g_object_freeze_notify (G_OBJECT (self));
  if (active != self->active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
  if (ended && !self->ended)
    {
      self->ended = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
unknot_run_constructed (GObject *object)
{
  UnknotRun *self = UNKNOT_RUN (object);

  G_OBJECT_CLASS (unknot_run_parent_class)->constructed (object);

  g_assert (self->routine != NULL);
  if (self->clock == NULL)
    self->clock = g_object_ref (unknot_clock_get_default ());
  self->session = unknot_session_new (self->routine, self->clock);
  unknot_session_set_speed (self->session, self->speed);
  if (self->settings != NULL)
    bind_settings (self);
  /* Connected first, so the history row is closed before anyone hears the run ended. */
  self->recorder = unknot_session_recorder_new (unknot_run_get_preview (self) ? NULL
                                                                            : self->history,
                                                self->session);
  g_signal_connect_swapped (self->session, "notify::state", G_CALLBACK (on_state_changed), self);
}

static void
unknot_run_dispose (GObject *object)
{
  UnknotRun *self = UNKNOT_RUN (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      /* The recorder still listens: a run dropped under way is recorded as stopped. */
      unknot_session_stop (self->session);
      if (self->settings != NULL)
        unbind_settings (self);
    }
  detach_sound (self);
  g_clear_object (&self->recorder);
  g_clear_object (&self->session);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (unknot_run_parent_class)->dispose (object);
}

static void
unknot_run_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UnknotRun *self = UNKNOT_RUN (object);

  switch (prop_id)
    {
    case PROP_ROUTINE: g_value_set_object (value, self->routine); break;
    case PROP_HISTORY: g_value_set_object (value, self->history); break;
    case PROP_CUE_PLAYER: g_value_set_object (value, self->cue_player); break;
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_SPEED: g_value_set_double (value, self->speed); break;
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_PREVIEW: g_value_set_boolean (value, unknot_run_get_preview (self)); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_ENDED: g_value_set_boolean (value, self->ended); break;
    case PROP_RATING: g_value_set_uint (value, self->rating); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_run_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  UnknotRun *self = UNKNOT_RUN (object);

  switch (prop_id)
    {
    case PROP_ROUTINE: self->routine = g_value_dup_object (value); break;
    case PROP_HISTORY: self->history = g_value_dup_object (value); break;
    case PROP_CUE_PLAYER: self->cue_player = g_value_dup_object (value); break;
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    case PROP_CLOCK: self->clock = g_value_dup_object (value); break;
    case PROP_SPEED: self->speed = g_value_get_double (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_run_class_init (UnknotRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                               | G_PARAM_STATIC_STRINGS;

  object_class->constructed = unknot_run_constructed;
  object_class->dispose = unknot_run_dispose;
  object_class->get_property = unknot_run_get_property;
  object_class->set_property = unknot_run_set_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, UNKNOT_TYPE_ROUTINE, construct);
  /* Where the run is recorded; NULL when no history could be opened. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, UNKNOT_TYPE_HISTORY, construct);
  /* The app's one cue player; NULL for a run without sound. */
  properties[PROP_CUE_PLAYER] =
    g_param_spec_object ("cue-player", NULL, NULL, UNKNOT_TYPE_CUE_PLAYER, construct);
  /* The app's settings, followed live: countdown ticks, get-ready time, switch gap. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS, construct);
  /* Where time comes from; NULL for the real clock. */
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, UNKNOT_TYPE_CLOCK, construct);
  /* 1, or more to preview a routine faster (--speed). */
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.01, 1000.0, 1.0, construct);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, UNKNOT_TYPE_SESSION, readable);
  /* Faster than real time: an author's preview, which is not recorded. */
  properties[PROP_PREVIEW] = g_param_spec_boolean ("preview", NULL, NULL, FALSE, readable);
  /* Running or paused: started and not yet ended. */
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, readable);
  /* Finished or stopped, once and for good: the summary can be shown. */
  properties[PROP_ENDED] = g_param_spec_boolean ("ended", NULL, NULL, FALSE, readable);
  /* How the muscles felt afterwards, 1 to 5, or 0 for none; see unknot_run_set_rating(). */
  properties[PROP_RATING] = g_param_spec_uint ("rating", NULL, NULL, 0, 5, 0, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_run_init (UnknotRun *self)
{
  self->speed = 1.0;
}

/**
 * unknot_run_new:
 * @history: (nullable): where to record the run, if a history could be opened
 * @cue_player: (nullable): the app's cue player, for the run's sounds
 * @settings: (nullable): the app's settings, which the run follows live
 * @speed: 1, or more to preview a routine faster
 *
 * Prepares a run on the real clock; unknot_run_start() starts it.
 */
UnknotRun *
unknot_run_new (UnknotRoutine   *routine,
                UnknotHistory   *history,
                UnknotCuePlayer *cue_player,
                GSettings       *settings,
                double           speed)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (history == NULL || UNKNOT_IS_HISTORY (history), NULL);
  g_return_val_if_fail (cue_player == NULL || UNKNOT_IS_CUE_PLAYER (cue_player), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (UNKNOT_TYPE_RUN,
                       "routine", routine,
                       "history", history,
                       "cue-player", cue_player,
                       "settings", settings,
                       "speed", speed,
                       NULL);
}

UnknotRoutine *
unknot_run_get_routine (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), NULL);
  return self->routine;
}

/* Returns: (transfer none): the session of this run, for the player to show. */
UnknotSession *
unknot_run_get_session (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), NULL);
  return self->session;
}

/* The first segment of the routine's item @item, or 0 if it has none. */
static guint
find_item_segment (UnknotRun *self,
                   guint      item)
{
  UnknotStep *step = unknot_routine_get_item (self->routine, item);

  for (guint i = 0; i < unknot_session_get_n_segments (self->session); i++)
    if (unknot_segment_get_step (unknot_session_get_segment_at (self->session, i)) == step)
      return i;
  return 0;
}

/* With sound, the session's time 0 falls just past the stream's buffer, so that its
 * first sounds are heard on time (see unknot_cue_player_start_session()). */
static void
start_session_at (UnknotRun *self,
                  guint      segment)
{
  if (unknot_session_get_state (self->session) != UNKNOT_SESSION_READY)
    return;
  if (self->cue_player == NULL)
    {
      unknot_session_start_from (self->session, segment,
                                 unknot_clock_get_time (unknot_session_get_clock (self->session)));
      return;
    }
  self->sounding = TRUE;
  unknot_cue_player_start_session (self->cue_player, self->session, segment);
}

/**
 * unknot_run_start_at:
 * @item: the routine's item (step or rest) to begin with, counted from 0
 *
 * Starts the session at that item, with the cue player following it; only once. The
 * history records the run as the routine's, with the steps before @item not done.
 */
void
unknot_run_start_at (UnknotRun *self,
                     guint      item)
{
  g_return_if_fail (UNKNOT_IS_RUN (self));
  g_return_if_fail (item < unknot_routine_get_n_items (self->routine));

  /* The first item starts the routine from the very beginning, its get-ready included. */
  start_session_at (self, item == 0 ? 0 : find_item_segment (self, item));
}

/* Starts the session, with the cue player following it; only once. */
void
unknot_run_start (UnknotRun *self)
{
  g_return_if_fail (UNKNOT_IS_RUN (self));
  start_session_at (self, 0);
}

/* Stops the run before its end, as the user asked: it is recorded as stopped, and its
 * sounds stop at once. */
void
unknot_run_stop (UnknotRun *self)
{
  g_return_if_fail (UNKNOT_IS_RUN (self));

  unknot_session_stop (self->session);
  detach_sound (self);
}

/* Whether the run is running or paused, i.e. started and not yet ended. */
gboolean
unknot_run_get_active (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), FALSE);
  return self->active;
}

/* Whether the run has finished or was stopped. */
gboolean
unknot_run_get_ended (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), FALSE);
  return self->ended;
}

/* Whether the run runs faster than real time, as an author's preview that is not
 * recorded. */
gboolean
unknot_run_get_preview (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), FALSE);
  return self->speed != 1.0;
}

/* Whether the run went to the end of the routine with at least half its planned time
 * active; a run that ended otherwise stopped early. */
gboolean
unknot_run_get_completed (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), FALSE);
  return unknot_session_recorder_get_status (self->recorder) == UNKNOT_HISTORY_STATUS_COMPLETED;
}

/* The time the routine really ran, in routine ms, pauses left out. */
gint64
unknot_run_get_active_ms (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), 0);
  return unknot_session_get_elapsed (self->session);
}

/* How many steps were done: each ran to its end, on every side, and counts once. */
guint
unknot_run_get_steps_done (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), 0);
  return unknot_session_recorder_get_n_steps (self->recorder);
}

/* A bit set, 1 << UnknotRegion, of the regions worked on. */
guint32
unknot_run_get_regions (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), 0);
  return unknot_session_recorder_get_regions (self->recorder);
}

/* Whether everything about this run reached the history; never for a preview. */
gboolean
unknot_run_get_recorded (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), FALSE);
  return unknot_session_recorder_is_recorded (self->recorder);
}

/* The id of the run's row in the history, or 0 if it has none. */
gint64
unknot_run_get_history_id (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), 0);
  return unknot_session_recorder_get_session_id (self->recorder);
}

/**
 * unknot_run_set_after_run:
 * @kind: the kind of run this one follows, as "Just ran?" said, or %UNKNOT_N_RUN_KINDS
 *
 * Kept with the run's row in the history; a preview records nothing.
 */
void
unknot_run_set_after_run (UnknotRun     *self,
                          UnknotRunKind  kind)
{
  g_return_if_fail (UNKNOT_IS_RUN (self));
  g_return_if_fail (kind <= UNKNOT_N_RUN_KINDS);

  unknot_session_recorder_set_after_run (self->recorder, kind);
}

guint
unknot_run_get_rating (UnknotRun *self)
{
  g_return_val_if_fail (UNKNOT_IS_RUN (self), 0);
  return self->rating;
}

/**
 * unknot_run_set_rating:
 * @rating: how the muscles feel after the run, 1 (still tight) to 5, or 0 to take it back
 *
 * Keeps the rating, and writes it into the run's history row if it has one.
 *
 * Returns: %FALSE if the history could not store it; the run keeps it all the same.
 */
gboolean
unknot_run_set_rating (UnknotRun  *self,
                       guint       rating,
                       GError    **error)
{
  gint64 id;

  g_return_val_if_fail (UNKNOT_IS_RUN (self), FALSE);
  g_return_val_if_fail (rating <= 5, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rating != self->rating)
    {
      self->rating = rating;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
    }
  id = unknot_run_get_history_id (self);
  if (self->history == NULL || id == 0)
    return TRUE;
  return unknot_history_set_feedback (self->history, id, rating, NULL, error);
}
