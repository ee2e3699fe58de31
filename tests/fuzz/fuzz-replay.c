/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "fuzz-harness.h"

/* Runs a fuzz harness over files, without libFuzzer, as an ordinary test in every build:
 *
 *   fuzz-replay-NAME [--crashes FOLDER] CORPUS…
 *
 * Each file of each CORPUS (a file or a folder, read recursively) is one test case: the
 * harness must return, having checked what it checks, within a bound of processor time.
 * A file in FOLDER is an input that once crashed the harness; FILE.expected beside it
 * says what it must now give, as fuzz_harness_describe() words it. */

/* Processor time, not wall time, so that a loaded machine does not fail the test. Each
 * input takes milliseconds; the bound only tells a hang or a blow-up from normal work,
 * with room for sanitizers and valgrind. */
#define MAX_CPU_SECONDS 10.0

typedef struct
{
  char *path;
  char *expected; /* nullable */
} Input;

static GPtrArray *inputs;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input->expected);
  g_free (input);
}

static double
cpu_seconds (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static void
test_input (gconstpointer data)
{
  const Input *input = data;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  double before, spent;
  gsize length;

  g_file_get_contents (input->path, &contents, &length, &error);
  g_assert_no_error (error);

  before = cpu_seconds ();
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
  spent = cpu_seconds () - before;
  if (spent > MAX_CPU_SECONDS)
    g_error ("%s took %.1f s of processor time", input->path, spent);

  if (input->expected != NULL)
    {
      g_autofree char *outcome = fuzz_harness_describe ((const guint8 *) contents, length);
      g_assert_cmpstr (outcome, ==, input->expected);
    }
}

/* The first line of FILE.expected that is not a comment. */
static char *
read_expected (const char *path)
{
  g_autofree char *expected_path = g_strconcat (path, ".expected", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (expected_path, &contents, NULL, NULL))
    g_error ("%s has no %s beside it", path, expected_path);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      return g_strdup (lines[i]);
  g_error ("%s says nothing", expected_path);
}

static void
add_input (const char *path,
           const char *name,
           gboolean    is_crash)
{
  Input *input = g_new0 (Input, 1);
  g_autofree char *test_path = g_strdup_printf ("/fuzz/replay/%s", name);

  input->path = g_strdup (path);
  if (is_crash)
    input->expected = read_expected (path);
  g_ptr_array_add (inputs, input);
  g_test_add_data_func (test_path, input, test_input);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_inputs (const char *path,
            const char *name,
            gboolean    is_crash)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *child;

  /* No crash found yet for this harness: no folder. */
  if (is_crash && !g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!g_str_has_suffix (path, ".expected") && !g_str_has_suffix (path, "README.md"))
        add_input (path, name, is_crash);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((child = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (child));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *each = g_ptr_array_index (names, i);
      g_autofree char *child_path = g_build_filename (path, each, NULL);
      g_autofree char *child_name = g_build_filename (name, each, NULL);

      if (!g_file_test (child_path, G_FILE_TEST_IS_SYMLINK))
        add_inputs (child_path, child_name, is_crash);
    }
}

int
main (int   argc,
      char *argv[])
{
  gboolean is_crash = FALSE;
  int status;

  g_test_init (&argc, &argv, NULL);
  inputs = g_ptr_array_new_with_free_func (input_free);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *name = NULL;

      if (g_str_equal (argv[i], "--crashes"))
        {
          is_crash = TRUE;
          continue;
        }
      name = g_path_get_basename (argv[i]);
      add_inputs (argv[i], name, is_crash);
      is_crash = FALSE;
    }

  status = g_test_run ();
  g_ptr_array_unref (inputs);
  return status;
}
