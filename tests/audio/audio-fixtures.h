/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "session-fixtures.h"
#include "unknot-cue-player-private.h"

G_BEGIN_DECLS

/* Helpers shared by the audio tests. */

UnknotRoutine *audio_fixture_load_routine (const char *folder,
                                           const char *xml);
void           audio_fixture_write_tone   (const char *folder,
                                           const char *name,
                                           guint       ms);

/* A cue player on a session on a fake clock, writing down what reaches the sink. */
typedef struct
{
  SessionRecorder *recorder;
  UnknotCuePlayer *player;
  GPtrArray *played;      /* of char *: "MS WHAT", MS the fake clock's ms since the start */
  GArray *played_times;   /* of gint64: the monotonic µs of each, in step with played */
  guint n_unavailable;
  char *folder;           /* shortened to FOLDER in the log, or NULL */
} PlayerFixture;

PlayerFixture *player_fixture_new        (UnknotRoutine *routine,
                                          const char    *folder);
void           player_fixture_free       (PlayerFixture *self);
void           player_fixture_attach     (PlayerFixture *self);
void           player_fixture_wait_quiet (PlayerFixture *self);
void           player_fixture_step       (PlayerFixture *self);
void           player_fixture_run        (PlayerFixture *self);
char          *player_fixture_take_log   (PlayerFixture *self);
gint64         player_fixture_time_of    (PlayerFixture *self,
                                          const char    *what);
double         player_fixture_volume_of  (GstElement    *pipeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlayerFixture, player_fixture_free)

G_END_DECLS
