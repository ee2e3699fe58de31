/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "routine-fixtures.h"

#include <string.h>

#include "unknot-test-utils.h"

char *
routine_fixture_path (const char *kind,
                      const char *name)
{
  return unknot_test_source_path ("tests", "routine", "fixtures", kind, name, NULL);
}

GFile *
routine_fixture_file (const char *kind,
                      const char *name)
{
  g_autofree char *path = routine_fixture_path (kind, name);
  return g_file_new_for_path (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names of the *.xml files in fixtures/@kind, sorted. */
GPtrArray *
routine_fixture_list (const char *kind)
{
  g_autofree char *folder = unknot_test_source_path ("tests", "routine", "fixtures", kind, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (folder, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* Copies a fixture into @folder and returns the copy's path. */
char *
routine_fixture_copy_to (const char *kind,
                         const char *name,
                         const char *folder)
{
  g_autofree char *source = routine_fixture_path (kind, name);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  unknot_test_write_file (folder, name, contents);
  return g_build_filename (folder, name, NULL);
}

static void
put_le (GByteArray *out,
        guint32     value,
        guint       n_bytes)
{
  for (guint i = 0; i < n_bytes; i++)
    {
      guint8 byte = (value >> (8 * i)) & 0xff;
      g_byte_array_append (out, &byte, 1);
    }
}

/* fixtures/valid/audio/chime.wav, byte for byte: 50 ms of a 500 Hz triangle wave, mono,
 * 8 kHz, 8-bit PCM, fading out linearly so that it does not click. Tests check that the
 * committed file is exactly this, so it can be made again from here. */
GBytes *
routine_fixture_make_wav (void)
{
  const guint rate = 8000, n_samples = 400, period = 16;
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) "RIFF", 4);
  put_le (out, 36 + n_samples, 4);
  g_byte_array_append (out, (const guint8 *) "WAVEfmt ", 8);
  put_le (out, 16, 4);          /* size of the fmt chunk */
  put_le (out, 1, 2);           /* PCM */
  put_le (out, 1, 2);           /* channels */
  put_le (out, rate, 4);
  put_le (out, rate, 4);        /* bytes per second */
  put_le (out, 1, 2);           /* bytes per frame */
  put_le (out, 8, 2);           /* bits per sample */
  g_byte_array_append (out, (const guint8 *) "data", 4);
  put_le (out, n_samples, 4);

  for (guint i = 0; i < n_samples; i++)
    {
      int amplitude = 48 * (int) (n_samples - i) / (int) n_samples;
      int phase = i % period;
      int shape = phase < (int) period / 2 ? 2 * phase - 8 : 24 - 2 * phase; /* -8 … 8 */
      guint8 sample = 128 + amplitude * shape / 8;

      g_byte_array_append (out, &sample, 1);
    }

  return g_byte_array_free_to_bytes (out);
}
