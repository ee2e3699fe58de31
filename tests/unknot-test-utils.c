/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-test-utils.h"

#include <math.h>

#include <glib/gstdio.h>

/* A fresh folder under the system's temporary folder, named after @prefix and made
 * unique; remove it with unknot_test_remove_folder(). */
char *
unknot_test_make_folder (const char *prefix)
{
  g_autoptr (GError) error = NULL;
  /* g_dir_make_tmp() replaces the six X with random characters. */
  g_autofree char *name_template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *path = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return path;
}

void
unknot_test_remove_folder (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        unknot_test_remove_folder (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Writes the file in one step (rename over the old one), as editors do on save. */
void
unknot_test_write_file (const char *folder,
                        const char *name,
                        const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A path in the source tree, such as unknot_test_source_path ("routines", NULL). */
char *
unknot_test_source_path (const char *first_element,
                         ...)
{
  const char *root = g_getenv ("UNKNOT_SOURCE_ROOT");
  GPtrArray *parts = g_ptr_array_new ();
  const char *part;
  va_list args;
  char *path;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first_element);
  for (part = first_element; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_unref (parts);
  return path;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
look_again (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the default main context until @condition holds or @timeout_ms pass. The
 * condition is looked at after every event, and at least every 20 ms: some only change
 * outside this process (a server that starts answering, a file that appears), with no
 * event here to wake the loop. */
gboolean
unknot_test_wait_until (gboolean (*condition) (gpointer),
                        gpointer   data,
                        guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, on_timeout, &timed_out);
  guint poll = g_timeout_add (20, look_again, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (poll);
  if (!timed_out)
    g_source_remove (timeout);
  return condition (data);
}

void
unknot_test_run_clear (UnknotTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * unknot_test_run_unknot:
 * @cwd: (nullable): where to run it, so that messages name files as a user types them
 * @environment: (nullable): "NAME=VALUE" pairs to set, or "NAME" to unset a variable
 * @arguments: the arguments after the program name
 *
 * Runs the built program ($UNKNOT_BINARY, set by meson) without a display, as the
 * command-line modes must work, and waits for it.
 */
void
unknot_test_run_unknot (const char        *cwd,
                        const char *const *environment,
                        const char *const *arguments,
                        UnknotTestRun     *run)
{
  const char *binary = g_getenv ("UNKNOT_BINARY");
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (binary);
  g_assert_true (g_path_is_absolute (binary));

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; environment != NULL && environment[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (environment[i], "=", 2);

      if (pair[1] != NULL)
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, pair[0]);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted values. */
static double
percentile (GArray *sorted,
            double  fraction)
{
  guint rank = (guint) ceil (fraction * sorted->len);

  return g_array_index (sorted, double, MAX (rank, 1) - 1);
}

/**
 * unknot_test_figures:
 * @samples: (element-type double): at least one; sorted in place
 *
 * The median, the 99th percentile and the maximum, all by nearest rank, so that every
 * benchmark reads its samples the same way.
 */
UnknotTestFigures
unknot_test_figures (GArray *samples)
{
  g_assert_cmpuint (samples->len, >, 0);
  g_array_sort (samples, compare_doubles);
  return (UnknotTestFigures) {
    percentile (samples, 0.50), percentile (samples, 0.99),
    g_array_index (samples, double, samples->len - 1)
  };
}
