/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session-fixtures.h"

#include <string.h>

UnknotRoutine *
session_fixture_load (const char *name)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "session", "routines", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  routine = unknot_routine_parser_load_file (parser, file, name, NULL, &error);
  g_assert_no_error (error);
  return routine;
}

/* A routine from a string, so a test can show its routine next to its expectations. */
UnknotRoutine *
session_fixture_parse (const char *xml)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, "test.xml", NULL, &error);
  g_assert_no_error (error);
  return routine;
}
