/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-duration.h"
#include "unknot-routine-error.h"
#include "unknot-suggest.h"

static void
test_parse_valid (void)
{
  static const struct { const char *text; gint64 ms; } cases[] = {
    { "45s", 45000 }, { "2m", 120000 }, { "1m30s", 90000 }, { "0s", 0 },
    { "90s", 90000 }, { "60m", 3600000 }, { "240m", 14400000 }, { "1m59s", 119000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 ms = -1;

      g_assert_true (unknot_duration_parse (cases[i].text, &ms, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ms, ==, cases[i].ms);
    }
}

static void
test_parse_invalid (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "90", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "1h", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "-5s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "1.5m", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "30s1m", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "1m 30s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "1m90s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "5x", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "99999999m", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "9999999999999999999999s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 ms = -1;

      g_assert_false (unknot_duration_parse (cases[i].text, &ms, &error));
      g_assert_error (error, UNKNOT_ROUTINE_ERROR, cases[i].code);
      /* Every message shows the accepted forms, so the author can fix it at once. */
      g_assert_nonnull (strstr (error->message, "1m30s"));
    }
}

static void
test_round_trip (void)
{
  for (gint64 seconds = 1; seconds < 4 * 3600; seconds += 37)
    {
      g_autofree char *text = unknot_duration_to_attribute (seconds * 1000);
      gint64 ms;

      g_assert_true (unknot_duration_parse (text, &ms, NULL));
      g_assert_cmpint (ms, ==, seconds * 1000);
    }
}

static void
test_format_clock (void)
{
  static const struct { gint64 ms; const char *text; } cases[] = {
    { 0, "0:00" }, { 999, "0:00" }, { 1000, "0:01" }, { 175000, "2:55" },
    { 3599999, "59:59" }, { 3600000, "1:00:00" }, { 14400000, "4:00:00" }, { -5, "0:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = unknot_duration_format_clock (cases[i].ms);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_suggest (void)
{
  const char *const regions[] = { "calves", "hamstrings", "neck", "it-band", NULL };

  g_assert_cmpuint (unknot_edit_distance ("calfs", "calves"), ==, 2);
  g_assert_cmpuint (unknot_edit_distance ("hmastrings", "hamstrings"), ==, 1);
  g_assert_cmpstr (unknot_suggest ("calfs", regions), ==, "calves");
  g_assert_cmpstr (unknot_suggest ("Calves", regions), ==, "calves");
  g_assert_cmpstr (unknot_suggest ("hmastrings", regions), ==, "hamstrings");
  g_assert_cmpstr (unknot_suggest ("itband", regions), ==, "it-band");
  g_assert_null (unknot_suggest ("elbow", regions));
  g_assert_null (unknot_suggest ("", regions));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/parse-valid", test_parse_valid);
  g_test_add_func ("/duration/parse-invalid", test_parse_invalid);
  g_test_add_func ("/duration/round-trip", test_round_trip);
  g_test_add_func ("/duration/format-clock", test_format_clock);
  g_test_add_func ("/duration/suggest", test_suggest);

  return g_test_run ();
}
