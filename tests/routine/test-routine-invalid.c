/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "invalid-fixtures.h"
#include "routine-fixtures.h"
#include "unknot-file-reader.h"
#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* Every file in fixtures/invalid/ is refused with the right code, at the right place,
 * with a message that tells the author what to do; and hostile files are refused
 * without harm. */

typedef struct
{
  UnknotRoutine *routine;
  GPtrArray *problems;
  GError *error;
} Result;

static void
result_clear (Result *result)
{
  g_clear_object (&result->routine);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_error (&result->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
load_path (const char *path,
           const char *display_name,
           gboolean    strict,
           Result     *result)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);

  unknot_routine_parser_set_missing_media_is_error (parser, strict);
  result->routine = unknot_routine_parser_load_file (parser, file, display_name,
                                                     &result->problems, &result->error);
  g_assert_nonnull (result->problems);
}

static void
load_bytes (const char *data,
            gsize       length,
            Result     *result)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  result->routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, "memory.xml",
                                                      &result->problems, &result->error);
  g_assert_nonnull (result->problems);
}

static char *
read_fixture (const char *kind,
              const char *name,
              gsize      *length)
{
  g_autofree char *path = routine_fixture_path (kind, name);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static UnknotProblem *
first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      UnknotProblem *problem = g_ptr_array_index (problems, i);
      if (unknot_problem_get_severity (problem) == UNKNOT_SEVERITY_ERROR)
        return problem;
    }
  g_assert_not_reached ();
}

/* Refused, with @code at @line:@column first, and the GError says the same. */
static UnknotProblem *
assert_refused (Result             *result,
                const char         *display_name,
                UnknotRoutineError  code,
                guint               line,
                guint               column)
{
  UnknotProblem *problem;
  g_autofree char *prefix = NULL;

  g_assert_null (result->routine);
  g_assert_error (result->error, UNKNOT_ROUTINE_ERROR, (int) code);

  problem = first_error (result->problems);
  g_assert_cmpstr (unknot_problem_get_filename (problem), ==, display_name);
  g_assert_cmpint (unknot_problem_get_code (problem), ==, code);
  g_assert_cmpuint (unknot_problem_get_line (problem), ==, line);
  g_assert_cmpuint (unknot_problem_get_column (problem), ==, column);

  /* The GError carries the problem in the form editors jump to. */
  if (line > 0)
    prefix = g_strdup_printf ("%s:%u:%u: error: ", display_name, line, MAX (column, 1));
  else
    prefix = g_strdup_printf ("%s: error: ", display_name);
  g_assert_true (g_str_has_prefix (result->error->message, prefix));
  g_assert_true (g_str_has_suffix (result->error->message, unknot_problem_get_message (problem)));
  return problem;
}

static void
assert_message_has (UnknotProblem *problem,
                    const char    *words)
{
  const char *message = unknot_problem_get_message (problem);

  if (strstr (message, words) == NULL)
    g_error ("the message “%s” does not contain “%s”", message, words);
}

/* ---- the table ---------------------------------------------------------------------- */

/* A copy of the fixture in a folder of its own, with images/outside.svg a link to a file
 * in another folder. */
static char *
make_symlink_setup (const char *name,
                    char      **outside_folder,
                    char      **folder)
{
  g_autofree char *images = NULL;
  g_autofree char *target = NULL;
  g_autofree char *link = NULL;

  *folder = unknot_test_make_folder ("unknot-symlink");
  *outside_folder = unknot_test_make_folder ("unknot-outside");
  unknot_test_write_file (*outside_folder, "secret.svg",
                          "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  target = g_build_filename (*outside_folder, "secret.svg", NULL);

  images = g_build_filename (*folder, "images", NULL);
  g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
  link = g_build_filename (images, "outside.svg", NULL);
  g_assert_cmpint (symlink (target, link), ==, 0);

  return routine_fixture_copy_to ("invalid", name, *folder);
}

static void
test_fixture (gconstpointer data)
{
  const InvalidFixture *fixture = data;
  g_auto (Result) result = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *outside = NULL;
  UnknotProblem *problem;

  if (fixture->flags & FIXTURE_NEEDS_SYMLINK)
    path = make_symlink_setup (fixture->name, &outside, &folder);
  else
    path = routine_fixture_path ("invalid", fixture->name);

  load_path (path, fixture->name, TRUE, &result);
  problem = assert_refused (&result, fixture->name, fixture->code, fixture->line,
                            fixture->column);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->keywords) && fixture->keywords[i]; i++)
    assert_message_has (problem, fixture->keywords[i]);

  /* Every problem names the file and is an error or a warning with a message. */
  for (guint i = 0; i < result.problems->len; i++)
    {
      UnknotProblem *each = g_ptr_array_index (result.problems, i);

      g_assert_cmpstr (unknot_problem_get_filename (each), ==, fixture->name);
      g_assert_cmpuint (strlen (unknot_problem_get_message (each)), >, 10);
    }

  if (folder != NULL)
    {
      unknot_test_remove_folder (folder);
      unknot_test_remove_folder (outside);
    }
}

/* The table and the folder list the same files. */
static void
test_table_complete (void)
{
  g_autoptr (GPtrArray) names = routine_fixture_list ("invalid");

  for (guint i = 0; i < names->len; i++)
    if (invalid_fixture_find (g_ptr_array_index (names, i)) == NULL)
      g_error ("fixtures/invalid/%s is not in the table", (char *) g_ptr_array_index (names, i));
  g_assert_cmpuint (names->len, ==, n_invalid_fixtures);
  g_assert_cmpuint (n_invalid_fixtures, >=, 30);
}

/* ---- hostile files ------------------------------------------------------------------ */

/* The billion laughs: refused at the DOCTYPE, before any entity is declared, let alone
 * expanded; the only trace is one short message. */
static void
test_billion_laughs (void)
{
  g_autofree char *path = routine_fixture_path ("invalid", "billion-laughs.xml");
  g_auto (Result) result = { 0 };
  UnknotProblem *problem;

  load_path (path, "laughs.xml", FALSE, &result);
  problem = assert_refused (&result, "laughs.xml", UNKNOT_ROUTINE_ERROR_DOCTYPE, 5, 1);
  g_assert_cmpuint (result.problems->len, ==, 1);
  g_assert_cmpuint (strlen (unknot_problem_get_message (problem)), <, 200);
  g_assert_null (strstr (result.error->message, "lol"));
}

/* Nothing of the file an external entity or XInclude names reaches a message. */
static void
assert_no_passwd_in (GPtrArray *problems)
{
  g_autofree char *passwd = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    passwd = g_strdup ("root:x:0:0:root:/root:/bin/sh\n");
  lines = g_strsplit (passwd, "\n", -1);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *message = unknot_problem_get_message (g_ptr_array_index (problems, i));

      g_assert_null (strstr (message, "root:"));
      g_assert_null (strstr (message, ":/bin/"));
      for (guint j = 0; lines[j] != NULL; j++)
        if (strlen (lines[j]) > 8)
          g_assert_null (strstr (message, lines[j]));
    }
}

static void
test_external_entity (void)
{
  g_autofree char *path = routine_fixture_path ("invalid", "external-entity.xml");
  g_auto (Result) result = { 0 };

  load_path (path, "secret.xml", FALSE, &result);
  assert_refused (&result, "secret.xml", UNKNOT_ROUTINE_ERROR_DOCTYPE, 4, 1);
  assert_no_passwd_in (result.problems);
}

static void
test_xinclude (void)
{
  g_autofree char *path = routine_fixture_path ("invalid", "xinclude.xml");
  g_auto (Result) result = { 0 };

  load_path (path, "xinclude.xml", FALSE, &result);
  assert_refused (&result, "xinclude.xml", UNKNOT_ROUTINE_ERROR_XINCLUDE, 10, 5);
  assert_no_passwd_in (result.problems);
}

/* A valid routine padded with a comment to exactly @size bytes. */
static GString *
make_padded (gsize size)
{
  g_autofree char *valid = NULL;
  GString *text;
  gsize length;

  valid = read_fixture ("valid", "minimal.xml", &length);
  text = g_string_new (valid);
  g_string_append (text, "<!--");
  while (text->len < size - 4)
    g_string_append_c (text, 'x');
  g_string_append (text, "-->\n");
  g_assert_cmpuint (text->len, ==, size);
  return text;
}

static void
test_too_large (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-large");
  g_autofree char *at_limit_path = g_build_filename (folder, "at-limit.xml", NULL);
  g_autofree char *over_path = g_build_filename (folder, "over.xml", NULL);
  g_autoptr (GString) at_limit = make_padded (UNKNOT_ROUTINE_MAX_BYTES);
  g_autoptr (GString) over = make_padded (UNKNOT_ROUTINE_MAX_BYTES + 1);
  g_auto (Result) fits = { 0 };
  g_auto (Result) refused = { 0 };
  g_auto (Result) from_memory = { 0 };
  UnknotProblem *problem;

  unknot_test_write_file (folder, "at-limit.xml", at_limit->str);
  unknot_test_write_file (folder, "over.xml", over->str);

  load_path (at_limit_path, "at-limit.xml", TRUE, &fits);
  g_assert_no_error (fits.error);
  g_assert_nonnull (fits.routine);

  load_path (over_path, "over.xml", TRUE, &refused);
  problem = assert_refused (&refused, "over.xml", UNKNOT_ROUTINE_ERROR_TOO_LARGE, 0, 0);
  assert_message_has (problem, "MiB");
  assert_message_has (problem, "limit");

  /* The limit holds for bytes handed over directly too. */
  load_bytes (over->str, over->len, &from_memory);
  assert_refused (&from_memory, "memory.xml", UNKNOT_ROUTINE_ERROR_TOO_LARGE, 0, 0);

  unknot_test_remove_folder (folder);
}

/* Bytes that are not UTF-8 in a file that says it is. */
static void
test_invalid_utf8 (void)
{
  static const char *const bad[] = {
    "\xc3\x28",             /* a lead byte without its continuation */
    "\xc0\xaf",             /* an overlong "/" */
    "\xed\xa0\x80",         /* a UTF-16 surrogate */
    "\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *valid = NULL;
      g_autoptr (GString) text = NULL;
      g_auto (Result) result = { 0 };
      UnknotProblem *problem;
      gsize length;

      valid = read_fixture ("valid", "minimal.xml", &length);
      text = g_string_new (valid);
      g_assert_cmpuint (g_string_replace (text, "<name>Minimal", "<name>Mini", 1), ==, 1);
      g_string_insert (text, strstr (text->str, "Mini") - text->str + 4, bad[i]);
      g_assert_false (g_utf8_validate (text->str, text->len, NULL));

      load_bytes (text->str, text->len, &result);
      g_assert_null (result.routine);
      g_assert_error (result.error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_MALFORMED);
      /* One line that says what to do, at the first byte that is not UTF-8. */
      problem = first_error (result.problems);
      g_assert_cmpuint (result.problems->len, ==, 1);
      g_assert_cmpuint (unknot_problem_get_line (problem), ==, 5);
      g_assert_cmpuint (unknot_problem_get_column (problem), ==, 13);
      assert_message_has (problem, "save it as UTF-8");
      g_assert_null (strchr (unknot_problem_get_message (problem), '\n'));
      g_assert_true (g_utf8_validate (unknot_problem_get_message (problem), -1, NULL));
    }
}

/* Neither a FIFO nor a folder named *.xml is opened for reading: a FIFO would block. */
static void
test_not_a_file (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-special");
  g_autofree char *fifo = g_build_filename (folder, "pipe.xml", NULL);
  g_autofree char *subfolder = g_build_filename (folder, "folder.xml", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing.xml", NULL);
  g_auto (Result) from_fifo = { 0 };
  g_auto (Result) from_folder = { 0 };
  g_auto (Result) from_nothing = { 0 };
  UnknotProblem *problem;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (subfolder, 0700), ==, 0);

  load_path (fifo, "pipe.xml", TRUE, &from_fifo);
  problem = assert_refused (&from_fifo, "pipe.xml", UNKNOT_ROUTINE_ERROR_NOT_A_FILE, 0, 0);
  assert_message_has (problem, "not a regular file");

  load_path (subfolder, "folder.xml", TRUE, &from_folder);
  problem = assert_refused (&from_folder, "folder.xml", UNKNOT_ROUTINE_ERROR_NOT_A_FILE, 0, 0);
  assert_message_has (problem, "folder");

  load_path (missing, "missing.xml", TRUE, &from_nothing);
  assert_refused (&from_nothing, "missing.xml", UNKNOT_ROUTINE_ERROR_IO, 0, 0);

  unknot_test_remove_folder (folder);
}

/* ---- the rest of the behaviour ------------------------------------------------------ */

/* Missing media stop the validator, but in the app the routine runs without them. */
static void
test_missing_media_is_a_warning (void)
{
  g_autofree char *path = routine_fixture_path ("invalid", "media-missing.xml");
  g_auto (Result) result = { 0 };
  UnknotProblem *warning;
  GPtrArray *warnings;

  load_path (path, "media-missing.xml", FALSE, &result);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.routine);
  g_assert_null (unknot_step_get_image (unknot_routine_get_item (result.routine, 0)));

  g_assert_cmpuint (result.problems->len, ==, 1);
  warnings = unknot_routine_get_warnings (result.routine);
  g_assert_cmpuint (warnings->len, ==, 1);
  warning = g_ptr_array_index (warnings, 0);
  g_assert_true (warning == g_ptr_array_index (result.problems, 0));
  g_assert_cmpint (unknot_problem_get_severity (warning), ==, UNKNOT_SEVERITY_WARNING);
  g_assert_cmpint (unknot_problem_get_code (warning), ==, UNKNOT_ROUTINE_ERROR_MISSING_MEDIA);
  g_assert_cmpuint (unknot_problem_get_line (warning), ==, 10);
  g_assert_cmpuint (unknot_problem_get_column (warning), ==, 12);
  assert_message_has (warning, "images/not-there.svg");
}

/* Without a folder (loaded from memory), paths are checked as written only. */
static void
test_media_from_memory (void)
{
  g_autofree char *absolute = NULL;
  g_autofree char *missing = NULL;
  g_auto (Result) refused = { 0 };
  g_auto (Result) loaded = { 0 };
  gsize length;

  absolute = read_fixture ("invalid", "media-absolute.xml", &length);
  load_bytes (absolute, length, &refused);
  assert_refused (&refused, "memory.xml", UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH, 10, 12);

  missing = read_fixture ("invalid", "media-missing.xml", &length);
  load_bytes (missing, length, &loaded);
  g_assert_no_error (loaded.error);
  g_assert_null (unknot_step_get_image (unknot_routine_get_item (loaded.routine, 0)));
}

/* Links are followed to where they lead: inside the routine's folder they are fine,
 * out of it they are refused, and a routine reached through a linked folder still
 * finds its own media. */
static void
test_symlinks (void)
{
  g_autofree char *outside = unknot_test_make_folder ("unknot-outside");
  g_autofree char *folder = unknot_test_make_folder ("unknot-links");
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_autofree char *link = g_build_filename (images, "calf.svg", NULL);
  g_autofree char *real = g_build_filename (images, "real.svg", NULL);
  g_autofree char *linked_folder = g_strconcat (folder, "-link", NULL);
  g_autofree char *routine_path = NULL;
  g_autofree char *via_link = NULL;
  g_auto (Result) inside = { 0 };
  g_auto (Result) through_folder = { 0 };
  g_auto (Result) folder_out = { 0 };
  UnknotProblem *problem;

  /* images/calf.svg → images/real.svg, both inside. */
  g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
  unknot_test_write_file (images, "real.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  g_assert_cmpint (symlink ("real.svg", link), ==, 0);
  g_free (routine_fixture_copy_to ("valid", "full.xml", folder));
  routine_path = g_build_filename (folder, "full.xml", NULL);
  load_path (routine_path, "full.xml", FALSE, &inside);
  g_assert_no_error (inside.error);
  g_assert_nonnull (unknot_step_get_image (unknot_routine_get_item (inside.routine, 0)));

  /* The same routine through a link to its folder (its audio is missing: a warning). */
  g_assert_cmpint (symlink (folder, linked_folder), ==, 0);
  via_link = g_build_filename (linked_folder, "full.xml", NULL);
  load_path (via_link, "full.xml", FALSE, &through_folder);
  g_assert_no_error (through_folder.error);
  g_assert_nonnull (unknot_step_get_image (unknot_routine_get_item (through_folder.routine, 0)));

  /* images → a folder elsewhere. */
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (g_unlink (real), ==, 0);
  g_assert_cmpint (g_rmdir (images), ==, 0);
  unknot_test_write_file (outside, "calf.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  g_assert_cmpint (symlink (outside, images), ==, 0);
  load_path (routine_path, "full.xml", FALSE, &folder_out);
  problem = assert_refused (&folder_out, "full.xml", UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH, 17, 12);
  assert_message_has (problem, "'images/calf.svg'");
  assert_message_has (problem, "out of the routine's folder");

  g_unlink (linked_folder);
  unknot_test_remove_folder (folder);
  unknot_test_remove_folder (outside);
}

/* Problems are capped at 20, and a last note counts the rest. */
static void
test_many_problems (void)
{
  g_autofree char *path = routine_fixture_path ("invalid", "many-problems.xml");
  g_auto (Result) result = { 0 };
  UnknotProblem *note;

  load_path (path, "many.xml", TRUE, &result);
  g_assert_null (result.routine);
  g_assert_cmpuint (result.problems->len, ==, 21);

  for (guint i = 0; i < 20; i++)
    {
      UnknotProblem *problem = g_ptr_array_index (result.problems, i);

      g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE);
      g_assert_cmpuint (unknot_problem_get_line (problem), ==, 7 + i);
    }

  note = g_ptr_array_index (result.problems, 20);
  g_assert_cmpint (unknot_problem_get_severity (note), ==, UNKNOT_SEVERITY_ERROR);
  assert_message_has (note, "5 more problems not shown");
}

/* Byte order marks and Windows line ends move no position. */
static void
test_positions_survive_encoding_details (void)
{
  g_autofree char *original = NULL;
  gsize length;

  original = read_fixture ("invalid", "region-unknown.xml", &length);
  for (guint variant = 0; variant < 4; variant++)
    {
      g_autoptr (GString) text = g_string_new (original);
      g_auto (Result) result = { 0 };

      if (variant & 1)
        g_string_prepend (text, "\xef\xbb\xbf");
      if (variant & 2)
        g_string_replace (text, "\n", "\r\n", 0);

      load_bytes (text->str, text->len, &result);
      assert_refused (&result, "memory.xml", UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE, 7, 9);
    }
}

/* ---- threads ------------------------------------------------------------------------ */

#define PARSES_PER_THREAD 200

/* One thread's file and what every parse of it must report. */
typedef struct
{
  const char *name;
  const char *text;
  UnknotRoutineError code;   /* of the first problem; meaningless when valid */
  gboolean valid;
  guint wrong;               /* parses that reported something else */
} ThreadCase;

static gpointer
parse_repeatedly (gpointer data)
{
  ThreadCase *thread_case = data;

  for (guint i = 0; i < PARSES_PER_THREAD; i++)
    {
      g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
      g_autoptr (GBytes) bytes = g_bytes_new_static (thread_case->text,
                                                     strlen (thread_case->text));
      g_auto (Result) result = { 0 };
      gboolean as_expected;

      result.routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, thread_case->name,
                                                         &result.problems, &result.error);
      if (thread_case->valid)
        as_expected = result.routine != NULL && result.problems->len == 0;
      else
        as_expected = result.routine == NULL && result.problems->len > 0
                      && unknot_problem_get_code (first_error (result.problems))
                         == thread_case->code;
      for (guint j = 0; j < result.problems->len; j++)
        as_expected &= g_str_equal (unknot_problem_get_filename (g_ptr_array_index (result.problems,
                                                                                  j)),
                                    thread_case->name);
      thread_case->wrong += !as_expected;
    }
  return NULL;
}

/* libxml2 reports errors through handlers; those of one file, on one thread, never reach
 * a file parsed on another at the same time (the library loads its folders on a thread
 * of its own), whichever way this libxml2 raises them: an encoding error, which libxml2
 * before 2.13 raises outside the parser context, and a mistake in the markup. */
static void
test_threads (void)
{
  g_autofree char *valid = NULL;
  ThreadCase cases[] = {
    { "valid.xml", NULL, 0, TRUE, 0 },
    { "shift-jis.xml", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n"
                       "<routine format=\"1\" id=\"x\"><name>\x81\xff\x85</name></routine>\n",
      UNKNOT_ROUTINE_ERROR_MALFORMED, FALSE, 0 },
    { "ampersand.xml", "<routine format=\"1\" id=\"x\"><name>Salt & pepper</name></routine>\n",
      UNKNOT_ROUTINE_ERROR_MALFORMED, FALSE, 0 },
  };
  GThread *threads[G_N_ELEMENTS (cases)];
  gsize length;

  valid = read_fixture ("valid", "minimal.xml", &length);
  cases[0].text = valid;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    threads[i] = g_thread_new (cases[i].name, parse_repeatedly, &cases[i]);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (cases[i].wrong, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < n_invalid_fixtures; i++)
    {
      g_autofree char *path = g_strdup_printf ("/routine/invalid/%s", invalid_fixtures[i].name);
      g_test_add_data_func (path, &invalid_fixtures[i], test_fixture);
    }
  g_test_add_func ("/routine/invalid/table-complete", test_table_complete);
  g_test_add_func ("/routine/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/routine/hostile/external-entity", test_external_entity);
  g_test_add_func ("/routine/hostile/xinclude", test_xinclude);
  g_test_add_func ("/routine/hostile/too-large", test_too_large);
  g_test_add_func ("/routine/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/routine/hostile/not-a-file", test_not_a_file);
  g_test_add_func ("/routine/problems/missing-media-is-a-warning", test_missing_media_is_a_warning);
  g_test_add_func ("/routine/problems/media-from-memory", test_media_from_memory);
  g_test_add_func ("/routine/problems/symlinks", test_symlinks);
  g_test_add_func ("/routine/problems/many", test_many_problems);
  g_test_add_func ("/routine/problems/positions", test_positions_survive_encoding_details);
  g_test_add_func ("/routine/problems/threads", test_threads);

  return g_test_run ();
}
