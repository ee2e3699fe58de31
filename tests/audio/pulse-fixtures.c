/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pulse-fixtures.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "unknot-test-utils.h"

/* ---- the server --------------------------------------------------------------------- */

#define SINK_MODULE "module-null-sink"
#define SINK_ARGS   "sink_name=" PULSE_SERVER_SINK
#define READY_MS    10000

static GSubprocess *
run_pactl (const char *const *argv,
           GSubprocessFlags   flags)
{
  g_autoptr (GError) error = NULL;

  return g_subprocess_newv (argv, flags | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
}

gboolean
pulse_server_pactl (const char *const *argv)
{
  g_autoptr (GSubprocess) process = run_pactl (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE);

  return process != NULL && g_subprocess_wait_check (process, NULL, NULL);
}

/* Returns: what it printed, or %NULL if it failed */
char *
pulse_server_pactl_output (const char *const *argv)
{
  g_autoptr (GSubprocess) process = run_pactl (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  char *out = NULL;

  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, NULL))
    return NULL;
  if (!g_subprocess_get_successful (process))
    g_clear_pointer (&out, g_free);
  return out;
}

/* The playback streams the server has, of every client: what `pactl list short
 * sink-inputs` lists. */
guint
pulse_server_count_playback (void)
{
  const char *argv[] = { "pactl", "list", "short", "sink-inputs", NULL };
  g_autofree char *out = pulse_server_pactl_output (argv);
  g_auto (GStrv) lines = NULL;
  guint count = 0;

  g_assert_nonnull (out);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      count++;
  return count;
}

/* Its socket is there before it answers; pactl is not started in vain until then. */
static gboolean
server_answers (gpointer data)
{
  const char *argv[] = { "pactl", "info", NULL };
  g_autofree char *socket = g_build_filename (g_getenv ("XDG_RUNTIME_DIR"), "pulse", "native",
                                              NULL);

  return g_file_test (socket, G_FILE_TEST_EXISTS) && pulse_server_pactl (argv);
}

/* What the server's processes printed, into the test's log, for a server that never
 * answered. */
static void
report_server_logs (PulseServer *self)
{
  g_autoptr (GDir) dir = g_dir_open (self->folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->folder, name, NULL);
      g_autofree char *text = NULL;

      if (g_str_has_suffix (name, ".log") && g_file_get_contents (path, &text, NULL, NULL))
        g_test_message ("%s:\n%s", name, text);
    }
}

void
pulse_server_wait_answers (PulseServer *self)
{
  if (!unknot_test_wait_until (server_answers, NULL, READY_MS))
    {
      report_server_logs (self);
      g_error ("The sound server did not answer within %d s", READY_MS / 1000);
    }
}

/* A test that aborts skips its teardown: the server then goes with it all the same. */
static void
die_with_parent (gpointer data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

/* Made now: a launcher takes the environment as it is when made. What the process
 * prints goes to a log of its own in the server's folder, such as 3-pipewire-pulse.log. */
static GSubprocess *
spawn_process (PulseServer       *self,
               const char *const *argv)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%u-%s.log", self->n_started++, argv[0]);
  g_autofree char *log = g_build_filename (self->folder, name, NULL);
  GSubprocess *process;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

/* Starts @argv in the server's environment; it is stopped with the server. */
void
pulse_server_spawn (PulseServer       *self,
                    const char *const *argv)
{
  g_ptr_array_add (self->processes, spawn_process (self, argv));
}

/* The process that speaks the PulseAudio protocol: the one pulse_server_restart()
 * stops and starts again. */
void
pulse_server_spawn_protocol (PulseServer       *self,
                             const char *const *argv)
{
  self->protocol = self->processes->len;
  self->protocol_argv = g_strdupv ((char **) argv);
  pulse_server_spawn (self, argv);
}

/* A PulseAudio client that finds no server starts one of its own ("autospawn"): pactl
 * asking too early, or the player while the server restarts. That one would take the
 * socket from the server under test (pipewire-pulse, or the restarted daemon). Every
 * client here, pactl, the recorder and the player, is told not to. */
static void
forbid_autospawn (const char *folder)
{
  g_autofree char *config = g_build_filename (folder, "client.conf", NULL);

  g_assert_true (g_file_set_contents (config, "autospawn = no\n", -1, NULL));
  g_setenv ("PULSE_CLIENTCONFIG", config, TRUE);
}

/* A runtime folder of its own, through which the server and every client, this process
 * included, find each other. */
PulseServer *
pulse_server_new (const char *prefix)
{
  PulseServer *self = g_new0 (PulseServer, 1);

  self->folder = unknot_test_make_folder (prefix);
  self->processes = g_ptr_array_new_with_free_func (g_object_unref);
  forbid_autospawn (self->folder);
  g_setenv ("XDG_RUNTIME_DIR", self->folder, TRUE);
  g_setenv ("HOME", self->folder, TRUE);
  g_unsetenv ("PULSE_SERVER");
  g_setenv ("UNKNOT_AUDIO_SINK", "pulsesink", TRUE);
  return self;
}

/* Which server pulse_server_start() starts: UNKNOT_TEST_SOUND_SERVER=pipewire, or
 * PulseAudio. */
gboolean
pulse_server_is_pipewire (void)
{
  return g_strcmp0 (g_getenv ("UNKNOT_TEST_SOUND_SERVER"), "pipewire") == 0;
}

static PulseServer *
pulseaudio_start (void)
{
  g_autofree char *daemon_path = g_find_program_in_path ("pulseaudio");
  g_autofree char *pactl_path = g_find_program_in_path ("pactl");
  const char *const argv[] = { "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                               "--use-pid-file=no", "--disallow-exit",
                               "-L", "module-native-protocol-unix",
                               "-L", SINK_MODULE " " SINK_ARGS, NULL };
  PulseServer *self;

  if (daemon_path == NULL || pactl_path == NULL)
    return NULL;
  self = pulse_server_new ("unknot-pulse");
  pulse_server_spawn_protocol (self, argv);
  pulse_server_wait_answers (self);
  return self;
}

/**
 * pulse_server_start:
 *
 * Returns: the server, or %NULL when it is not installed; the test is then skipped
 */
PulseServer *
pulse_server_start (void)
{
  if (pulse_server_is_pipewire ())
    return pipewire_server_start ();
  return pulseaudio_start ();
}

/* Stopped in the reverse order of their start: clients before what they connect to. */
void
pulse_server_free (PulseServer *self)
{
  for (guint i = self->processes->len; i > 0; i--)
    {
      GSubprocess *process = g_ptr_array_index (self->processes, i - 1);

      g_subprocess_send_signal (process, SIGTERM);
      g_subprocess_wait (process, NULL, NULL);
    }
  g_ptr_array_unref (self->processes);
  g_strfreev (self->protocol_argv);
  unknot_test_remove_folder (self->folder);
  g_free (self->folder);
  g_free (self);
}

/* As a user pulling out a USB headset: the sink, and every stream on it, goes away. */
void
pulse_server_unload_sink (PulseServer *self)
{
  const char *argv[] = { "pactl", "unload-module", SINK_MODULE, NULL };
  g_assert_true (pulse_server_pactl (argv));
}

void
pulse_server_load_sink (PulseServer *self)
{
  const char *argv[] = { "pactl", "load-module", SINK_MODULE, SINK_ARGS, NULL };
  g_assert_true (pulse_server_pactl (argv));
}

/* As after an update, or a user's "systemctl --user restart": the server that the app
 * talks to goes, with every connection to it, and a new one takes its place. The null
 * sink comes back with it: PulseAudio loads it from its command line, and PipeWire's is
 * loaded again. */
void
pulse_server_restart (PulseServer *self)
{
  GSubprocess *old = g_ptr_array_index (self->processes, self->protocol);

  g_subprocess_send_signal (old, SIGTERM);
  g_subprocess_wait (old, NULL, NULL);
  self->processes->pdata[self->protocol] =
    spawn_process (self, (const char *const *) self->protocol_argv);
  g_object_unref (old);
  pulse_server_wait_answers (self);
  if (pulse_server_is_pipewire ())
    pipewire_server_add_sink (self);
}

/* ---- the recorder ------------------------------------------------------------------- */

#define RECORD_RATE   48000
#define BLOCK         120      /* frames: 2.5 ms */
#define HISTORY       8        /* blocks before one that it must rise above: 20 ms */
#define RISE          3.0      /* a new sound is this much louder than what came before */
#define FLOOR         0.02     /* and at least this loud */
#define REFRACTORY_US 450000   /* one sound's own later strokes are not new sounds */
/* A sound cut off and resumed within this, at no more than twice the level it was cut
 * at, is the same sound: a stream that ran dry for a moment on a starved machine, not a
 * second chime. A new sound comes after its forerunner has faded, or far louder. */
#define GAP_US        100000
#define RESUMED_RISE  2.0

struct _PulseRecorder
{
  GstElement *pipeline;
  GMutex lock;
  GArray *onsets;          /* of gint64, monotonic µs */
  GArray *gaps;            /* of gint64, monotonic µs at which a sound resumed */
  float history[HISTORY];  /* the peaks of the latest blocks */
  gint64 last_onset;
  gint64 last_loud;        /* the latest block above FLOOR */
  float last_loud_peak;
  gint64 started;          /* monotonic µs, for the log */
};

static float
history_peak (PulseRecorder *self)
{
  float peak = 0.0f;

  for (guint i = 0; i < HISTORY; i++)
    peak = MAX (peak, self->history[i]);
  return peak;
}

/* The first sample that rises above what came before: where the sound begins. */
static guint
first_loud (const float *samples,
            guint        n,
            float        level)
{
  for (guint i = 0; i < n; i++)
    if (fabsf (samples[i]) > level)
      return i;
  return 0;
}

/* A rise out of a short silence to about the level of what sounded before it. */
static gboolean
resumes (PulseRecorder *self,
         float          peak,
         float          before,
         gint64         time)
{
  return before < FLOOR && time - self->last_loud < GAP_US &&
         peak < RESUMED_RISE * self->last_loud_peak;
}

static void
take_block (PulseRecorder *self,
            const float   *samples,
            guint          n,
            gint64         time)
{
  float peak = 0.0f;
  float before = history_peak (self);

  for (guint i = 0; i < n; i++)
    peak = MAX (peak, fabsf (samples[i]));
  if (peak > FLOOR && peak > RISE * before && time - self->last_onset > REFRACTORY_US)
    {
      gint64 onset = time + first_loud (samples, n, MAX (FLOOR / 2, 2 * before)) *
                              G_USEC_PER_SEC / RECORD_RATE;

      if (resumes (self, peak, before, time))
        g_array_append_val (self->gaps, onset);
      else
        {
          g_array_append_val (self->onsets, onset);
          self->last_onset = onset;
        }
    }
  if (peak > FLOOR)
    {
      self->last_loud = time;
      self->last_loud_peak = peak;
    }
  memmove (self->history, self->history + 1, (HISTORY - 1) * sizeof (float));
  self->history[HISTORY - 1] = peak;
}

/* A recorder that is fed by hand, for the detector's own test. */
PulseRecorder *
pulse_recorder_new (void)
{
  PulseRecorder *self = g_new0 (PulseRecorder, 1);

  g_mutex_init (&self->lock);
  self->onsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->last_loud = G_MININT64 / 2;
  self->started = g_get_monotonic_time ();
  return self;
}

/* @n_frames mono F32 samples at 48 kHz, the first captured at monotonic µs @time. */
void
pulse_recorder_take (PulseRecorder *self,
                     const float   *samples,
                     gsize          n_frames,
                     gint64         time)
{
  g_mutex_lock (&self->lock);
  for (gsize frame = 0; frame < n_frames; frame += BLOCK)
    take_block (self, samples + frame, (guint) MIN (BLOCK, n_frames - frame),
                time + (gint64) frame * G_USEC_PER_SEC / RECORD_RATE);
  g_mutex_unlock (&self->lock);
}

/* Buffer times are running times of the capture; with the system clock, base time plus
 * running time is the monotonic time at which the first sample was captured. */
static GstPadProbeReturn
on_buffer (GstPad          *pad,
           GstPadProbeInfo *info,
           gpointer         user_data)
{
  PulseRecorder *self = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime start = gst_element_get_base_time (self->pipeline) + GST_BUFFER_PTS (buffer);
  GstMapInfo map;

  if (!GST_BUFFER_PTS_IS_VALID (buffer) || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_PAD_PROBE_OK;
  pulse_recorder_take (self, (const float *) map.data, map.size / sizeof (float),
                       (gint64) (start / GST_USECOND));
  gst_buffer_unmap (buffer, &map);
  return GST_PAD_PROBE_OK;
}

PulseRecorder *
pulse_recorder_start (void)
{
  PulseRecorder *self = pulse_recorder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GstClock) clock = gst_system_clock_obtain ();
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstPad) pad = NULL;

  self->pipeline = gst_parse_launch ("pulsesrc device=" PULSE_SERVER_SINK ".monitor "
                                     "latency-time=5000 ! audioconvert ! "
                                     "audio/x-raw,format=F32LE,channels=1,rate=48000 ! "
                                     "fakesink name=out sync=false", &error);
  g_assert_no_error (error);
  gst_pipeline_use_clock (GST_PIPELINE (self->pipeline), clock);
  sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "out");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, self, NULL);
  g_assert_cmpint (gst_element_set_state (self->pipeline, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);
  g_assert_cmpint (gst_element_get_state (self->pipeline, NULL, NULL, 5 * GST_SECOND), ==,
                   GST_STATE_CHANGE_SUCCESS);
  return self;
}

/* How many times a sound resumed after a moment of silence, so far. */
guint
pulse_recorder_get_n_gaps (PulseRecorder *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->gaps->len;
  g_mutex_unlock (&self->lock);
  return n;
}

/* Returns: (transfer full) (element-type gint64): the onsets heard, in order */
GArray *
pulse_recorder_stop (PulseRecorder *self)
{
  GArray *onsets;

  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_object_unref (self->pipeline);
    }
  /* Not a test failure: a starved sound server's, heard as a crackle, not a chime. */
  for (guint i = 0; i < self->gaps->len; i++)
    g_test_message ("a sound resumed after a moment of silence, %.3f s into the recording",
                    (g_array_index (self->gaps, gint64, i) - self->started) / 1e6);
  g_array_unref (self->gaps);
  onsets = self->onsets;
  g_mutex_clear (&self->lock);
  g_free (self);
  return onsets;
}

/* The monotonic µs at which the latest sound heard so far fell silent. */
gint64
pulse_recorder_get_silent_since (PulseRecorder *self)
{
  gint64 silent_since;

  g_mutex_lock (&self->lock);
  silent_since = self->last_loud + BLOCK * G_USEC_PER_SEC / RECORD_RATE;
  g_mutex_unlock (&self->lock);
  return silent_since;
}

#define SAME_INSTANT_US 50000

/* ---- a run -------------------------------------------------------------------------- */

static gboolean
has_chime (UnknotCueEvent *event)
{
  switch (unknot_cue_event_get_kind (event))
    {
    case UNKNOT_CUE_EVENT_COUNTDOWN:
    case UNKNOT_CUE_EVENT_SWITCH_SIDES:
    case UNKNOT_CUE_EVENT_ROUTINE_COMPLETE:
      return TRUE;
    case UNKNOT_CUE_EVENT_SEGMENT_START:
      return unknot_segment_get_kind (unknot_cue_event_get_segment (event)) == UNKNOT_SEGMENT_STEP;
    case UNKNOT_CUE_EVENT_STEP_END:
    case UNKNOT_CUE_EVENT_STEP_CUE:
      /* Heard, or another chime of the same instant is. */
      return TRUE;
    default:
      return FALSE;
    }
}

/* The promised instant of each cue, from the session's own timing: the instant at
 * which it falls due, which the session delivers a little later. */
static void
on_cue (UnknotSession  *session,
        UnknotCueEvent *event,
        PulseRun       *self)
{
  gint64 position = unknot_cue_event_get_offset (event);
  gint64 at = unknot_session_get_clock_time_at (session, position);
  gint64 promised;
  gint64 previous;

  if (at >= 0)
    self->anchor = at - position * 1000;
  promised = self->anchor + position * 1000;
  if (!has_chime (event))
    return;
  /* One chime per instant. */
  previous = self->promised->len > 0 ? g_array_index (self->promised, gint64,
                                                      self->promised->len - 1) : -1;
  if (previous < 0 || promised - previous > SAME_INSTANT_US)
    g_array_append_val (self->promised, promised);
}

static void
on_unavailable (UnknotCuePlayer *player,
                const GError    *error,
                PulseRun        *self)
{
  self->n_unavailable++;
}

/* Spoken prompts off: the chimes alone are what the recording is checked against. The
 * routine's folder holds PULSE_RUN_TONE, for a step's <audio>. */
PulseRun *
pulse_run_new (const char *xml)
{
  PulseRun *self = g_new0 (PulseRun, 1);

  self->folder = unknot_test_make_folder ("unknot-pulse-run");
  audio_fixture_write_tone (self->folder, PULSE_RUN_TONE, PULSE_RUN_TONE_MS);
  self->routine = audio_fixture_load_routine (self->folder, xml);
  self->session = unknot_session_new (self->routine, NULL);
  self->player = unknot_cue_player_new ();
  self->promised = g_array_new (FALSE, FALSE, sizeof (gint64));
  unknot_cue_player_set_spoken_prompts (self->player, FALSE);
  g_signal_connect (self->session, "cue", G_CALLBACK (on_cue), self);
  g_signal_connect (self->player, "audio-unavailable", G_CALLBACK (on_unavailable), self);
  return self;
}

void
pulse_run_free (PulseRun *self)
{
  unknot_cue_player_set_session (self->player, NULL);
  g_object_unref (self->player);
  g_object_unref (self->session);
  g_object_unref (self->routine);
  g_array_unref (self->promised);
  unknot_test_remove_folder (self->folder);
  g_free (self->folder);
  g_free (self);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Runs the main loop for @ms. */
void
pulse_run_wait (guint ms)
{
  unknot_test_wait_until (never, NULL, ms);
}

static gboolean
is_done (gpointer data)
{
  PulseRun *self = data;
  UnknotSessionState state = unknot_session_get_state (self->session);

  return state == UNKNOT_SESSION_FINISHED || state == UNKNOT_SESSION_STOPPED;
}

static gboolean
is_quiet (gpointer data)
{
  PulseRun *self = data;
  return !unknot_cue_player_get_playing (self->player);
}

/* Until the session ends, and its last sound has been heard to its end. */
void
pulse_run_until_done (PulseRun *self)
{
  g_assert_true (unknot_test_wait_until (is_done, self, 120000));
  g_assert_true (unknot_test_wait_until (is_quiet, self, 20000));
  pulse_run_wait (500);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* "promised (s): 0.000 1.000 …; heard (s): 0.012 …", from the first promise: what a
 * failure says, so that CI's log alone tells what went wrong. */
static char *
describe_times (GArray *promised,
                GArray *heard)
{
  GString *text = g_string_new ("promised (s):");
  gint64 zero = g_array_index (promised, gint64, 0);

  for (guint i = 0; i < promised->len; i++)
    g_string_append_printf (text, " %.3f", (g_array_index (promised, gint64, i) - zero) / 1e6);
  g_string_append (text, "; heard (s):");
  for (guint i = 0; i < heard->len; i++)
    g_string_append_printf (text, " %.3f", (g_array_index (heard, gint64, i) - zero) / 1e6);
  return g_string_free (text, FALSE);
}

/* Every promised chime heard exactly once, within @bound_us of its instant, and nothing
 * else heard; the offsets go to the test's log. */
void
pulse_run_check (PulseRun *self,
                 GArray   *promised,
                 GArray   *heard,
                 gint64    bound_us)
{
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GString) log = g_string_new ("offsets (ms):");
  g_autofree char *times = describe_times (promised, heard);

  g_test_message ("%s", times);
  for (guint i = 0; i < promised->len; i++)
    {
      gint64 at = g_array_index (promised, gint64, i);
      guint matches = 0;
      gint64 offset = 0;

      for (guint j = 0; j < heard->len; j++)
        if (ABS (g_array_index (heard, gint64, j) - at) <= bound_us)
          {
            matches++;
            offset = g_array_index (heard, gint64, j) - at;
          }
      if (matches != 1)
        g_error ("The chime promised at %.3f s was heard %u times; %s",
                 (at - g_array_index (promised, gint64, 0)) / 1e6, matches, times);
      g_array_append_val (offsets, offset);
      g_string_append_printf (log, " %.1f", offset / 1000.0);
    }
  g_test_message ("%s", log->str);
  if (heard->len != promised->len)
    g_error ("%u sounds heard where %u chimes were promised; %s", heard->len, promised->len,
             times);
  g_array_sort (offsets, compare_offsets);
  g_test_message ("median %.1f ms, spread %.1f ms",
                  g_array_index (offsets, gint64, offsets->len / 2) / 1000.0,
                  (g_array_index (offsets, gint64, offsets->len - 1) -
                   g_array_index (offsets, gint64, 0)) / 1000.0);
}
