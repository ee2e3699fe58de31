/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio-fixtures.h"

#include <string.h>

#include "unknot-test-utils.h"

/* Long enough for the longest prompt; a test that times out here has hung. */
#define QUIET_TIMEOUT_MS 20000

/* Writes routine.xml into @folder and loads it as the app does, so <audio src> resolves
 * against @folder. */
UnknotRoutine *
audio_fixture_load_routine (const char *folder,
                            const char *xml)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *path = g_build_filename (folder, "routine.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  unknot_test_write_file (folder, "routine.xml", xml);
  routine = unknot_routine_parser_load_file (parser, file, "routine.xml", NULL, &error);
  g_assert_no_error (error);
  return routine;
}

/* A WAV file of a 440 Hz tone, made by GStreamer. */
void
audio_fixture_write_tone (const char *folder,
                          const char *name,
                          guint       ms)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *description = g_strdup_printf (
    "audiotestsrc num-buffers=%u samplesperbuffer=48 ! audio/x-raw,rate=48000,channels=1 "
    "! wavenc ! filesink name=out", ms);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr (GstElement) out = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;

  g_assert_no_error (error);
  out = gst_bin_get_by_name (GST_BIN (pipeline), "out");
  g_object_set (out, "location", path, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

/* A file in the fixture's folder as "FOLDER/NAME", so logs do not depend on where the
 * temporary folder is. */
static char *
shorten (PlayerFixture *self,
         const char    *what)
{
  g_autofree char *folder_uri = NULL;

  if (self->folder != NULL)
    folder_uri = g_filename_to_uri (self->folder, NULL, NULL);
  if (folder_uri != NULL && g_str_has_prefix (what, folder_uri))
    return g_strconcat ("FOLDER", what + strlen (folder_uri), NULL);
  return g_strdup (what);
}

static void
on_played (UnknotCuePlayer *player,
           const char      *what,
           gint64           time,
           PlayerFixture   *self)
{
  g_autofree char *shown = shorten (self, what);

  g_ptr_array_add (self->played, g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                                  session_recorder_now (self->recorder),
                                                  shown));
  g_array_append_val (self->played_times, time);
}

static void
on_audio_unavailable (UnknotCuePlayer *player,
                      const GError    *error,
                      PlayerFixture   *self)
{
  g_assert_error (error, UNKNOT_AUDIO_ERROR, UNKNOT_AUDIO_ERROR_NO_OUTPUT);
  self->n_unavailable++;
}

/* The player is made but not attached, so a test can set its properties first. */
PlayerFixture *
player_fixture_new (UnknotRoutine *routine,
                    const char    *folder)
{
  PlayerFixture *self = g_new0 (PlayerFixture, 1);

  self->recorder = session_recorder_new (routine);
  self->player = unknot_cue_player_new ();
  self->played = g_ptr_array_new_with_free_func (g_free);
  self->played_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->folder = g_strdup (folder);
  g_signal_connect (self->player, "played", G_CALLBACK (on_played), self);
  g_signal_connect (self->player, "audio-unavailable", G_CALLBACK (on_audio_unavailable), self);
  return self;
}

void
player_fixture_free (PlayerFixture *self)
{
  g_signal_handlers_disconnect_by_data (self->player, self);
  g_object_unref (self->player);
  session_recorder_free (self->recorder);
  g_ptr_array_unref (self->played);
  g_array_unref (self->played_times);
  g_free (self->folder);
  g_free (self);
}

/* Builds and prerolls the pipelines. */
void
player_fixture_attach (PlayerFixture *self)
{
  unknot_cue_player_set_session (self->player, self->recorder->session);
}

static gboolean
is_quiet (gpointer data)
{
  PlayerFixture *self = data;
  return !unknot_cue_player_get_playing (self->player);
}

/* Runs the main loop until every sound fired so far has ended, in real time. */
void
player_fixture_wait_quiet (PlayerFixture *self)
{
  g_assert_true (unknot_test_wait_until (is_quiet, self, QUIET_TIMEOUT_MS));
}

/* The next instant of the session, and all it sounds like. */
void
player_fixture_step (PlayerFixture *self)
{
  unknot_fake_clock_run_next (self->recorder->clock);
  player_fixture_wait_quiet (self);
}

/* Attaches, starts and runs the session to its end, one instant at a time. */
void
player_fixture_run (PlayerFixture *self)
{
  if (unknot_cue_player_get_session (self->player) == NULL)
    player_fixture_attach (self);
  unknot_session_start (self->recorder->session);
  player_fixture_wait_quiet (self);
  while (unknot_fake_clock_get_n_deadlines (self->recorder->clock) > 0)
    player_fixture_step (self);
  g_assert_cmpint (unknot_session_get_state (self->recorder->session), ==,
                   UNKNOT_SESSION_FINISHED);
}

/* What was played so far, one "MS WHAT" a line, and forgets it. */
char *
player_fixture_take_log (PlayerFixture *self)
{
  GString *log = g_string_new (NULL);

  for (guint i = 0; i < self->played->len; i++)
    g_string_append_printf (log, "%s\n", (char *) g_ptr_array_index (self->played, i));
  g_ptr_array_set_size (self->played, 0);
  g_array_set_size (self->played_times, 0);
  return g_string_free (log, FALSE);
}

/* The monotonic time the first sound whose name starts with @what reached the sink;
 * fails if none did. */
gint64
player_fixture_time_of (PlayerFixture *self,
                        const char    *what)
{
  for (guint i = 0; i < self->played->len; i++)
    {
      const char *line = g_ptr_array_index (self->played, i);

      if (g_str_has_prefix (strchr (line, ' ') + 1, what))
        return g_array_index (self->played_times, gint64, i);
    }
  g_error ("%s was not played", what);
}

/* The value of the pipeline's volume element. */
double
player_fixture_volume_of (GstElement *pipeline)
{
  g_autoptr (GstIterator) iter = gst_bin_iterate_recurse (GST_BIN (pipeline));
  g_auto (GValue) item = G_VALUE_INIT;
  double volume = -1.0;

  while (gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      GstElement *element = g_value_get_object (&item);
      GstElementFactory *factory = gst_element_get_factory (element);

      if (factory != NULL && g_str_equal (GST_OBJECT_NAME (factory), "volume"))
        g_object_get (element, "volume", &volume, NULL);
      g_value_reset (&item);
    }
  g_assert_cmpfloat (volume, >=, 0.0);
  return volume;
}
