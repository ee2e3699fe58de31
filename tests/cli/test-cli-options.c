/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-test-utils.h"

/* Options refused before any window opens: they need no display, and a mistake gets a
 * message that says what to type instead. */

static void
test_speed_refused (gconstpointer data)
{
  const char *value = data;
  const char *arguments[] = { "--speed", value, NULL };
  g_auto (UnknotTestRun) run = { 0 };

  unknot_test_run_unknot (NULL, NULL, arguments, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--speed 10"));
}

static void
test_version (void)
{
  const char *arguments[] = { "--version", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  unknot_test_run_unknot (NULL, NULL, arguments, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "unknot "));
}

int
main (int   argc,
      char *argv[])
{
  /* 0 above all: GApplication cannot tell a double option of 0 from no option. */
  static const char *const refused[] = { "0", "-2", "abc", "10x", "1001", NULL };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/options/speed-refused/%s", refused[i]);
      g_test_add_data_func (path, refused[i], test_speed_refused);
    }
  g_test_add_func ("/cli/options/version", test_version);

  return g_test_run ();
}
