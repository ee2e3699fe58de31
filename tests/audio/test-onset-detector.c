/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pulse-fixtures.h"

/* The real-server tests count what the recorder hears; here its detector is fed made-up
 * sound, so that what it counts as one chime is pinned down without a server. */

#define RATE      48000
#define SECOND_US G_USEC_PER_SEC
#define LENGTH_S  3.0      /* of every made-up recording */

/* @length_s of a 660 Hz tone that fades from @level over its length, from @from_s. */
static void
add_chime (float  *samples,
           double  from_s,
           double  length_s,
           double  level)
{
  gsize first = (gsize) (from_s * RATE);
  gsize n = (gsize) (length_s * RATE);

  for (gsize i = 0; i < n; i++)
    samples[first + i] += (float) (level * (1.0 - (double) i / n) *
                                   sin (2 * G_PI * 660.0 * i / RATE));
}

static void
silence (float  *samples,
         double  from_s,
         double  length_s)
{
  memset (samples + (gsize) (from_s * RATE), 0, (gsize) (length_s * RATE) * sizeof (float));
}

/* Feeds LENGTH_S of @samples to a recorder in 5 ms buffers, as the monitor delivers
 * them, and checks that it heard sounds begin at @expected_s (s, within 3 ms) and no
 * others, and @n_gaps moments of silence inside a sound. */
static void
assert_heard (const float  *samples,
              const double *expected_s,
              guint         n_expected,
              guint         n_gaps)
{
  PulseRecorder *recorder = pulse_recorder_new ();
  gint64 zero = g_get_monotonic_time ();
  gsize n = (gsize) (LENGTH_S * RATE);
  gsize buffer = RATE / 200;
  g_autoptr (GArray) onsets = NULL;

  for (gsize i = 0; i < n; i += buffer)
    pulse_recorder_take (recorder, samples + i, MIN (buffer, n - i),
                         zero + (gint64) i * SECOND_US / RATE);
  g_assert_cmpuint (pulse_recorder_get_n_gaps (recorder), ==, n_gaps);
  onsets = pulse_recorder_stop (recorder);
  g_assert_cmpuint (onsets->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (ABS (g_array_index (onsets, gint64, i) - zero -
                          (gint64) (expected_s[i] * SECOND_US)), <=, 3000);
}

static float *
new_recording (void)
{
  return g_new0 (float, (gsize) (LENGTH_S * RATE));
}

/* A chime that the server let run dry for 40 ms, 0.7 s in, is still one chime. On a
 * starved CI machine such a cut once counted as a second chime and failed a real-server
 * test. */
static void
test_cut_chime_is_one (void)
{
  g_autofree float *samples = new_recording ();
  const double expected[] = { 0.5 };

  add_chime (samples, 0.5, 1.5, 0.5);
  silence (samples, 1.2, 0.04);
  assert_heard (samples, expected, G_N_ELEMENTS (expected), 1);
}

/* A sound's own strokes, within its first 450 ms, are neither new sounds nor gaps. */
static void
test_early_cut_is_no_gap (void)
{
  g_autofree float *samples = new_recording ();
  const double expected[] = { 0.5 };

  add_chime (samples, 0.5, 1.5, 0.5);
  silence (samples, 0.7, 0.04);
  assert_heard (samples, expected, G_N_ELEMENTS (expected), 0);
}

/* Chimes a second apart, the second while the first still rings, are two. */
static void
test_chimes_apart_are_two (void)
{
  g_autofree float *samples = new_recording ();
  const double expected[] = { 0.5, 1.5 };

  add_chime (samples, 0.5, 1.3, 0.3);
  add_chime (samples, 1.5, 0.12, 0.5);
  assert_heard (samples, expected, G_N_ELEMENTS (expected), 0);
}

/* A chime that comes right after another has faded is new, however soon. */
static void
test_chime_after_faded_one (void)
{
  g_autofree float *samples = new_recording ();
  const double expected[] = { 0.5, 1.05 };

  add_chime (samples, 0.5, 0.5, 0.5);
  add_chime (samples, 1.05, 0.5, 0.5);
  assert_heard (samples, expected, G_N_ELEMENTS (expected), 0);
}

/* A sound gone for longer than a moment and back is heard again: that is no crackle. */
static void
test_long_silence_is_heard (void)
{
  g_autofree float *samples = new_recording ();
  const double expected[] = { 0.5, 1.5 };

  add_chime (samples, 0.5, 2.0, 0.5);
  silence (samples, 1.2, 0.3);
  assert_heard (samples, expected, G_N_ELEMENTS (expected), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/onset-detector/cut-chime-is-one", test_cut_chime_is_one);
  g_test_add_func ("/onset-detector/early-cut-is-no-gap", test_early_cut_is_no_gap);
  g_test_add_func ("/onset-detector/chimes-apart-are-two", test_chimes_apart_are_two);
  g_test_add_func ("/onset-detector/chime-after-faded-one", test_chime_after_faded_one);
  g_test_add_func ("/onset-detector/long-silence-is-heard", test_long_silence_is_heard);
  return g_test_run ();
}
