/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gst/gst.h>

#include "audio-fixtures.h"

G_BEGIN_DECLS

/* A private sound server with one null sink, "test", that this process talks to through
 * the PulseAudio protocol: its own runtime folder, no other clients, no devices. A
 * PulseAudio daemon, or PipeWire with WirePlumber and pipewire-pulse when
 * UNKNOT_TEST_SOUND_SERVER=pipewire. */
#define PULSE_SERVER_SINK "test"

typedef struct
{
  char *folder;
  GPtrArray *processes;    /* of GSubprocess, in the order they started */
  guint protocol;          /* which of them speaks the PulseAudio protocol */
  char **protocol_argv;    /* and how it was started */
  guint n_started;         /* processes started, restarts included */
} PulseServer;

gboolean     pulse_server_is_pipewire (void);
PulseServer *pulse_server_start       (void);
void         pulse_server_free        (PulseServer *self);
void         pulse_server_unload_sink (PulseServer *self);
void         pulse_server_load_sink   (PulseServer *self);
void         pulse_server_restart     (PulseServer *self);

/* For the servers' start functions. */
PulseServer *pulse_server_new          (const char        *prefix);
void         pulse_server_spawn        (PulseServer       *self,
                                        const char *const *argv);
void         pulse_server_spawn_protocol (PulseServer       *self,
                                          const char *const *argv);
void         pipewire_server_add_sink  (PulseServer       *self);
void         pulse_server_wait_answers (PulseServer       *self);
gboolean     pulse_server_pactl        (const char *const *argv);
char        *pulse_server_pactl_output (const char *const *argv);
guint        pulse_server_count_playback (void);
PulseServer *pipewire_server_start     (void);

/* Records the null sink's monitor and finds where sounds begin: the truth of what a
 * listener hears, on the monotonic clock. */
typedef struct _PulseRecorder PulseRecorder;

PulseRecorder *pulse_recorder_start       (void);
GArray        *pulse_recorder_stop        (PulseRecorder *self);
PulseRecorder *pulse_recorder_new         (void);
void           pulse_recorder_take        (PulseRecorder *self,
                                           const float   *samples,
                                           gsize          n_frames,
                                           gint64         time);
guint          pulse_recorder_get_n_gaps  (PulseRecorder *self);
gint64         pulse_recorder_get_silent_since (PulseRecorder *self);

/* A session on the real clock, a cue player into the daemon, and every chime's
 * promised instant. */
#define PULSE_RUN_TONE    "tone.wav"
#define PULSE_RUN_TONE_MS 2000

typedef struct
{
  char *folder;            /* the routine's, with PULSE_RUN_TONE in it */
  UnknotRoutine *routine;
  UnknotSession *session;
  UnknotCuePlayer *player;
  GArray *promised;        /* of gint64: monotonic µs of each cue with a chime */
  gint64 anchor;           /* monotonic µs of routine position 0, as last known */
  guint n_unavailable;
} PulseRun;

PulseRun *pulse_run_new         (const char *xml);
void      pulse_run_free        (PulseRun   *self);
void      pulse_run_wait        (guint       ms);
void      pulse_run_until_done  (PulseRun   *self);
void      pulse_run_check       (PulseRun   *self,
                                 GArray     *promised,
                                 GArray     *heard,
                                 gint64      bound_us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseServer, pulse_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PulseRun, pulse_run_free)

G_END_DECLS
