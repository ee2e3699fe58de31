/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "routine-fixtures.h"
#include "unknot-file-reader.h"
#include "unknot-library.h"
#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* Hostile routine files, each with the outcome it must have, and each within a budget:
 * one second of processor time and 64 MB of memory at its peak.
 *
 * Every case runs in a child process (this program again, with --hostile-case NAME), and
 * the parent reads what that child alone used from wait4(): processor time, which a
 * loaded machine does not inflate as it does wall time, and peak resident memory. The
 * child also has RLIMIT_CPU set, so a case that spins is stopped by the kernel. The
 * outcome (error code, what was or was not touched) is asserted inside the child. */

#define MAX_CPU_USEC (1 * G_USEC_PER_SEC)
#define MAX_RSS_KB (64 * 1024)
#define CPU_LIMIT_SECONDS 10

/* ---- loading ------------------------------------------------------------------------ */

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
load_data (const char *data,
           gsize       length,
           Result     *result)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  result_clear (result);
  result->routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, "hostile.xml",
                                                      &result->problems, &result->error);
  g_assert_nonnull (result->problems);
}

static void
load_string (GString *text,
             Result  *result)
{
  load_data (text->str, text->len, result);
}

static void
load_path (const char *path,
           Result     *result)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = g_file_new_for_path (path);

  result_clear (result);
  unknot_routine_parser_set_missing_media_is_error (parser, TRUE);
  result->routine = unknot_routine_parser_load_file (parser, file, "hostile.xml",
                                                     &result->problems, &result->error);
  g_assert_nonnull (result->problems);
}

static void
assert_refused (Result             *result,
                UnknotRoutineError  code)
{
  g_assert_null (result->routine);
  g_assert_error (result->error, UNKNOT_ROUTINE_ERROR, (int) code);
  g_assert_cmpuint (result->problems->len, >, 0);
  g_assert_cmpuint (result->problems->len, <=, 21);
  g_assert_true (g_utf8_validate (result->error->message, -1, NULL));
}

static void
assert_message_has (Result     *result,
                    const char *words)
{
  if (strstr (result->error->message, words) == NULL)
    g_error ("“%s” does not contain “%s”", result->error->message, words);
}

/* A routine whose steps are @steps, as text to build on. */
static GString *
routine_with (const char *steps)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<routine format=\"1\" id=\"hostile\">\n"
                                "  <name>Hostile</name>\n"
                                "  <description>A file made to hurt.</description>\n");

  g_string_append (text, steps);
  g_string_append (text, "</routine>\n");
  return text;
}

#define STEP(attributes, inside) \
  "  <step region=\"calves\" technique=\"rolling\" " attributes ">\n" \
  "    <title>Roll</title>\n    <instructions>Roll the calf.</instructions>\n" inside \
  "  </step>\n"

/* ---- no network: a port on the loopback that nothing may connect to ------------------ */

typedef struct
{
  int fd;
  guint16 port;
} Listener;

static void
listener_open (Listener *listener)
{
  struct sockaddr_in address = { .sin_family = AF_INET };
  socklen_t length = sizeof address;

  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  listener->fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  g_assert_cmpint (listener->fd, >=, 0);
  g_assert_cmpint (bind (listener->fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (listener->fd, 8), ==, 0);
  g_assert_cmpint (getsockname (listener->fd, (struct sockaddr *) &address, &length), ==, 0);
  listener->port = ntohs (address.sin_port);
}

/* The kernel completes a connection to a listening socket without accept(), so one that
 * was attempted is waiting in the queue now. */
static void
listener_assert_untouched (Listener *listener)
{
  int connection = accept (listener->fd, NULL, NULL);

  g_assert_cmpint (connection, ==, -1);
  g_assert_cmpint (errno, ==, EAGAIN);
  close (listener->fd);
}

/* ---- no read outside: inotify sees every open of a file in a watched folder --------- */

static int
watch_opens (const char *folder)
{
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, folder, IN_OPEN | IN_ACCESS), >=, 0);
  return fd;
}

static void
assert_never_opened (int fd)
{
  char events[4096];

  g_assert_cmpint (read (fd, events, sizeof events), ==, -1);
  g_assert_cmpint (errno, ==, EAGAIN);
  close (fd);
}

/* ---- the cases ---------------------------------------------------------------------- */

/* Nothing but a small routine: what any case costs at least. */
static void
case_baseline (void)
{
  g_autofree char *path = routine_fixture_path ("valid", "minimal.xml");
  g_auto (Result) result = { 0 };

  load_path (path, &result);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.routine);
}

static void
case_billion_laughs (void)
{
  g_autofree char *path = routine_fixture_path ("invalid", "billion-laughs.xml");
  g_auto (Result) result = { 0 };

  load_path (path, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_DOCTYPE);
  g_assert_cmpuint (result.problems->len, ==, 1);
}

/* One 100 kB entity referenced 100,000 times: 10 GB once expanded. The parser stops at
 * the DOCTYPE, before the entity is even declared: the one problem is about the DOCTYPE
 * (an entity declaration would have been refused with a message of its own), and the
 * budget leaves no room for an expansion. */
static void
case_quadratic_blowup (void)
{
  g_autoptr (GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                           "<!DOCTYPE routine [<!ENTITY a \"");
  g_auto (Result) result = { 0 };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\">]>\n<routine format=\"1\" id=\"q\">\n<name>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "&a;");
  g_string_append (text, "</name>\n</routine>\n");
  g_assert_cmpuint (text->len, <=, UNKNOT_ROUTINE_MAX_BYTES);

  load_string (text, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_DOCTYPE);
  g_assert_cmpuint (result.problems->len, ==, 1);
  g_assert_cmpuint (unknot_problem_get_line (g_ptr_array_index (result.problems, 0)), ==, 2);
  assert_message_has (&result, "DOCTYPE");
}

/* External DTDs, external parameter and general entities, and a namespace, all naming a
 * port on this machine that is listened on: refused, and nothing connects. */
static void
case_external_dtd_and_entities (void)
{
  static const char *const heads[] = {
    "<!DOCTYPE routine SYSTEM \"http://127.0.0.1:PORT/routine.dtd\">\n",
    "<!DOCTYPE routine PUBLIC \"-//Unknot//Routine//EN\" \"http://127.0.0.1:PORT/r.dtd\">\n",
    "<!DOCTYPE routine [<!ENTITY % ext SYSTEM \"http://127.0.0.1:PORT/e.ent\"> %ext;]>\n",
    "<!DOCTYPE routine [<!ENTITY ext SYSTEM \"http://127.0.0.1:PORT/e.xml\">]>\n",
  };
  g_autofree char *passwd = routine_fixture_path ("invalid", "external-entity.xml");
  Listener listener;
  g_auto (Result) result = { 0 };

  listener_open (&listener);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", ""));
      g_autofree char *port = g_strdup_printf ("%u", listener.port);
      g_autoptr (GString) head = g_string_new (heads[i]);

      g_string_replace (head, "PORT", port, 1);
      g_string_insert (text, strlen ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), head->str);
      g_string_replace (text, "<name>Hostile</name>", "<name>&ext;</name>", 1);
      load_string (text, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_DOCTYPE);
      g_assert_cmpuint (unknot_problem_get_line (g_ptr_array_index (result.problems, 0)), ==, 2);
    }

  /* A namespace is a name, never fetched. */
  {
    g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", ""));
    g_autofree char *ns = g_strdup_printf ("<routine xmlns=\"http://127.0.0.1:%u/ns\" ",
                                           listener.port);

    g_string_replace (text, "<routine ", ns, 1);
    load_string (text, &result);
    assert_refused (&result, UNKNOT_ROUTINE_ERROR_XINCLUDE);
  }

  load_path (passwd, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_DOCTYPE);
  g_assert_null (strstr (result.error->message, "root:"));
  listener_assert_untouched (&listener);
}

static void
case_xinclude (void)
{
  g_autofree char *fixture = routine_fixture_path ("invalid", "xinclude.xml");
  g_autofree char *include = NULL;
  g_autoptr (GString) text = NULL;
  Listener listener;
  g_auto (Result) result = { 0 };

  listener_open (&listener);
  include = g_strdup_printf ("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                             "href=\"http://127.0.0.1:%u/steps.xml\"/>\n", listener.port);
  text = routine_with (include);
  load_string (text, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_XINCLUDE);

  load_path (fixture, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_XINCLUDE);
  g_assert_null (strstr (result.error->message, "root:"));
  listener_assert_untouched (&listener);
}

/* 50 MB, sparse so the test writes almost nothing: refused from its size, unread (the
 * memory budget could not hold it). */
static void
case_file_50mb (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-hostile-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "huge.xml", NULL);
  g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", ""));
  g_auto (Result) result = { 0 };
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text->str, text->len), ==, (gssize) text->len);
  g_assert_cmpint (ftruncate (fd, 50 * 1000 * 1000), ==, 0);
  close (fd);

  load_path (path, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_TOO_LARGE);
  assert_message_has (&result, "MiB");
  unknot_test_remove_folder (folder);
}

/* 10,000 elements deep: libxml2 stops at its depth limit (no XML_PARSE_HUGE), before
 * any of our code walks the tree. */
static void
case_nesting_10000 (void)
{
  static const char *const elements[] = { "step", "x" };
  g_auto (Result) result = { 0 };

  for (guint e = 0; e < G_N_ELEMENTS (elements); e++)
    {
      g_autoptr (GString) nested = g_string_new (NULL);
      g_autoptr (GString) text = NULL;

      for (guint i = 0; i < 10000; i++)
        g_string_append_printf (nested, "<%s>", elements[e]);
      for (guint i = 0; i < 10000; i++)
        g_string_append_printf (nested, "</%s>", elements[e]);
      text = routine_with (nested->str);
      load_string (text, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);
      assert_message_has (&result, "depth");
    }
}

/* Appends @item until the text, closed, would pass @size bytes; returns how many. */
static guint
fill_with (GString    *text,
           const char *item,
           gsize       size)
{
  gsize closing = strlen ("</routine>\n");
  guint n = 0;

  g_assert_true (g_str_has_suffix (text->str, "</routine>\n"));
  g_string_truncate (text, text->len - closing);
  while (text->len + strlen (item) + closing <= size)
    {
      g_string_append (text, item);
      n++;
    }
  g_string_append (text, "</routine>\n");
  return n;
}

/* 100,000 elements in 1 MiB, each one a mistake: 20 problems and a count of the rest. */
static void
case_100000_elements (void)
{
  g_autoptr (GString) text = routine_with ("");
  g_auto (Result) result = { 0 };
  UnknotProblem *last;

  g_assert_cmpuint (fill_with (text, "<rest/>", 100000 * 7 + text->len), ==, 100000);
  g_assert_cmpuint (text->len, <=, UNKNOT_ROUTINE_MAX_BYTES);
  load_string (text, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE);
  g_assert_cmpuint (result.problems->len, ==, 21);
  last = g_ptr_array_index (result.problems, 20);
  g_assert_nonnull (strstr (unknot_problem_get_message (last), "99980 more problems"));
}

/* 1 MiB of one-second rests: about 50,000 of them, fine each, too long together. */
static void
case_rests_filling_1mib (void)
{
  g_autoptr (GString) text = routine_with (STEP ("duration=\"1s\"", ""));
  g_auto (Result) result = { 0 };

  g_assert_cmpuint (fill_with (text, "<rest duration=\"1s\"/>", UNKNOT_ROUTINE_MAX_BYTES), >,
                    45000);
  load_string (text, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_ROUTINE_TOO_LONG);
  g_assert_cmpuint (result.problems->len, ==, 1);
}

/* 1 MiB of one-second steps, under 4 hours in all: a valid routine, loaded whole,
 * schema check included; once a step a line, once all on one line, as tools write. */
static void
load_steps_filling_1mib (const char *separator)
{
  g_autoptr (GString) text = routine_with ("");
  g_autofree char *step = NULL;
  g_auto (Result) result = { 0 };
  guint n;

  step = g_strconcat ("<step region=\"feet\" technique=\"rolling\" duration=\"1s\">"
                      "<title>T</title><instructions>I</instructions></step>", separator, NULL);
  n = fill_with (text, step, UNKNOT_ROUTINE_MAX_BYTES);
  g_assert_cmpuint (n, >, 9000);
  load_string (text, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (unknot_routine_get_n_items (result.routine), ==, n);
}

static void
case_steps_filling_1mib (void)
{
  load_steps_filling_1mib ("\n");
}

static void
case_steps_on_one_line (void)
{
  load_steps_filling_1mib ("");
}

/* Numbers that overflow any integer, and others that only look like numbers. */
static void
case_extreme_durations (void)
{
  static const struct
  {
    const char *duration;
    UnknotRoutineError code;
  } cases[] = {
    { "99999999999999999999999999999999s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "9223372036854775807s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "18446744073709551617m", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "999999m59s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "60m1s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "0s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
    { "-9223372036854775808s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "1e9s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "0x10s", UNKNOT_ROUTINE_ERROR_BAD_DURATION },
    { "\xef\xbc\x91s", UNKNOT_ROUTINE_ERROR_BAD_DURATION }, /* a full-width "1" */
    { "1m4294967296s", UNKNOT_ROUTINE_ERROR_DURATION_RANGE },
  };
  g_auto (Result) result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *attribute = g_strdup_printf ("duration=\"%s\"", cases[i].duration);
      g_autoptr (GString) text = routine_with (STEP ("DURATION", ""));

      g_string_replace (text, "DURATION", attribute, 1);
      load_string (text, &result);
      assert_refused (&result, cases[i].code);
      assert_message_has (&result, cases[i].duration);
    }
}

/* NUL bytes: inside a text, first of all, and a whole file of them. */
static void
case_nul_bytes (void)
{
  g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", ""));
  g_autofree char *zeros = g_malloc0 (UNKNOT_ROUTINE_MAX_BYTES);
  g_auto (Result) result = { 0 };
  gsize at = strstr (text->str, "Hostile") - text->str;

  text->str[at + 3] = '\0';
  load_string (text, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);
  g_assert_cmpuint (unknot_problem_get_line (g_ptr_array_index (result.problems, 0)), ==, 3);

  text->str[at + 3] = 't';
  g_string_prepend_c (text, '\0');
  load_string (text, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);

  load_data (zeros, UNKNOT_ROUTINE_MAX_BYTES, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);
}

/* Invalid and overlong UTF-8 where test-routine-invalid does not put it: in names,
 * attribute values, and a whole file of it. */
static void
case_invalid_utf8 (void)
{
  static const char *const bad[] = {
    "\xc0\xaf",                 /* an overlong "/" */
    "\xe0\x80\xaf",             /* the same, three bytes long */
    "\xf8\x88\x80\x80\x80",     /* a five-byte form */
    "\x80",                     /* a continuation byte alone */
    "\xed\xa0\x80",             /* a surrogate */
    "\xf4\x90\x80\x80",         /* past U+10FFFF */
  };
  g_autofree char *junk = g_malloc (UNKNOT_ROUTINE_MAX_BYTES);
  g_auto (Result) result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GString) in_attribute = routine_with (STEP ("duration=\"30s\"", ""));
      g_autoptr (GString) in_name = routine_with (STEP ("duration=\"30s\"", ""));

      g_string_insert (in_attribute, strstr (in_attribute->str, "calves") - in_attribute->str,
                       bad[i]);
      load_string (in_attribute, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);

      g_string_insert (in_name, strstr (in_name->str, "<title") - in_name->str + 2, bad[i]);
      load_string (in_name, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);
    }

  memset (junk, 0xff, UNKNOT_ROUTINE_MAX_BYTES);
  load_data (junk, UNKNOT_ROUTINE_MAX_BYTES, &result);
  assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);
}

/* UTF-16 in both byte orders, with and without a byte order mark. */
static GString *
utf16_routine (const char *charset,
               const char *declaration,
               gboolean    bom)
{
  g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", ""));
  g_autoptr (GError) error = NULL;
  g_autofree char *converted = NULL;
  GString *result = g_string_new (NULL);
  gsize length;

  g_string_replace (text, "Hostile</name>", "Waden für Läufer</name>", 1);
  g_string_replace (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", declaration, 1);
  converted = g_convert (text->str, text->len, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  if (bom)
    g_string_append_len (result, g_str_equal (charset, "UTF-16LE") ? "\xff\xfe" : "\xfe\xff", 2);
  g_string_append_len (result, converted, length);
  return result;
}

static void
assert_loads_as_text (GString *bytes)
{
  g_auto (Result) result = { 0 };

  load_string (bytes, &result);
  g_assert_no_error (result.error);
  g_assert_cmpstr (unknot_routine_get_name (result.routine), ==, "Waden für Läufer");
}

static void
case_utf16 (void)
{
  static const char *const declaration = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>";
  static const char *const charsets[] = { "UTF-16LE", "UTF-16BE" };
  g_auto (Result) result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      g_autoptr (GString) with_bom = utf16_routine (charsets[i], declaration, TRUE);
      g_autoptr (GString) declared = utf16_routine (charsets[i], declaration, FALSE);
      g_autoptr (GString) bare = utf16_routine (charsets[i], "", FALSE);
      g_autoptr (GString) lying = utf16_routine (charsets[i],
                                                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                                 FALSE);

      /* XML's own ways to tell UTF-16: a BOM, or "<?xml" in UTF-16, which libxml2
       * trusts over a declaration that says otherwise. Either way the text arrives
       * intact, or not at all. */
      assert_loads_as_text (with_bom);
      assert_loads_as_text (declared);
      assert_loads_as_text (lying);

      /* Neither: read as UTF-8, where every other byte is a NUL. */
      load_string (bare, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_MALFORMED);
    }
}

static void
make_link (const char *folder,
           const char *name,
           const char *target)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

/* Media paths that leave the routine's folder, as written or through links; and the
 * file they aim at, in a folder next to it, is never opened. */
static void
case_media_traversal (void)
{
  static const char *const written[] = {
    "../outside/secret.svg",
    "images/../../outside/secret.svg",
    "./images/../../outside/secret.svg",
    "images//..//..//outside/secret.svg",
    "..\\outside\\secret.svg",
    "/etc/passwd",
    "~/secret.svg",
    "file:///etc/passwd",
    "http://127.0.0.1/secret.svg",
    "images/escape/secret.svg",
    "images/passwd",
  };
  static const char *const missing[] = {
    "images/loop.svg",
    "images/up/../outside/secret.svg",
  };
  g_autofree char *root = unknot_test_make_folder ("unknot-hostile-XXXXXX");
  g_autofree char *folder = g_build_filename (root, "routine", NULL);
  g_autofree char *outside = g_build_filename (root, "outside", NULL);
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_autofree char *path = g_build_filename (folder, "hostile.xml", NULL);
  g_auto (Result) result = { 0 };
  int watch;

  g_assert_cmpint (g_mkdir_with_parents (images, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  unknot_test_write_file (outside, "secret.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  make_link (images, "escape", "../../outside");
  make_link (images, "up", "..");
  make_link (images, "passwd", "/etc/passwd");
  make_link (images, "loop.svg", "loop.svg");
  watch = watch_opens (outside);

  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    {
      g_autofree char *image = g_strdup_printf ("<image src=\"%s\"/>\n", written[i]);
      g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", "IMAGE"));

      g_string_replace (text, "IMAGE", image, 1);
      unknot_test_write_file (folder, "hostile.xml", text->str);
      load_path (path, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH);
    }

  /* A link to itself is no file at all; and ".." after a link to a folder is taken as
   * written ("images/up/.." is "images"), so it lands inside, on nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autofree char *image = g_strdup_printf ("<image src=\"%s\"/>\n", missing[i]);
      g_autoptr (GString) text = routine_with (STEP ("duration=\"30s\"", "IMAGE"));

      g_string_replace (text, "IMAGE", image, 1);
      unknot_test_write_file (folder, "hostile.xml", text->str);
      load_path (path, &result);
      assert_refused (&result, UNKNOT_ROUTINE_ERROR_MISSING_MEDIA);
    }

  assert_never_opened (watch);
  unknot_test_remove_folder (root);
}

/* chmod 000 does not stop root, who runs CI: the case runs as "nobody" then. */
static void
drop_privileges (void)
{
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
}

static UnknotProblem *
find_problem (GListModel *problems,
              const char *file_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr (UnknotProblem) problem = g_list_model_get_item (problems, i);

      if (g_str_has_suffix (unknot_problem_get_filename (problem), file_name))
        return problem;
    }
  g_error ("no problem for %s", file_name);
}

/* A FIFO (which would block a plain open), a folder and an unreadable file, all named
 * *.xml, in a watched routines folder: each a problem, and the good routine loads. */
static void
case_special_files_in_library (void)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotLibrary) library = NULL;
  g_autoptr (GFile) user = NULL;
  g_autoptr (GString) good = routine_with (STEP ("duration=\"30s\"", ""));
  g_autofree char *root = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *path = NULL;
  GListModel *problems;
  UnknotProblem *problem;

  drop_privileges ();
  root = unknot_test_make_folder ("unknot-hostile-XXXXXX");
  pack = g_build_filename (root, "pack", NULL);
  unknot_test_write_file (root, "good.xml", good->str);
  unknot_test_write_file (root, "locked.xml", good->str);
  path = g_build_filename (root, "locked.xml", NULL);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_free (path);
  path = g_build_filename (root, "pipe.xml", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_free (path);
  /* A folder at the top is a routine pack; one inside a pack is just a bad file. */
  path = g_build_filename (pack, "folder.xml", NULL);
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  user = g_file_new_for_path (root);
  library = unknot_library_new (parser, NULL, user);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  problems = unknot_library_get_problems (library);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3);

  problem = find_problem (problems, "/pipe.xml");
  g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_NOT_A_FILE);
  problem = find_problem (problems, "/pack/folder.xml");
  g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_NOT_A_FILE);
  problem = find_problem (problems, "/locked.xml");
  g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_IO);
  g_assert_nonnull (strstr (unknot_problem_get_message (problem), g_strerror (EACCES)));

  g_clear_object (&library);
  unknot_test_remove_folder (root);
}

/* A file rewritten, cut short and grown past the size cap while it is read, over and
 * over: every load gives a routine or a clear error, never a crash or a hang. */
typedef struct
{
  char *path;
  gint stop;
  GString *valid;
} Writer;

static void
write_at (int         fd,
          const char *data,
          gsize       length,
          off_t       offset)
{
  g_assert_cmpint (pwrite (fd, data, length, offset), ==, (gssize) length);
}

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autofree char *chunk = g_strnfill (64 * 1024, ' ');
  int fd = g_open (writer->path, O_WRONLY | O_CLOEXEC, 0);
  gsize half = writer->valid->len / 2;

  g_assert_cmpint (fd, >=, 0);
  while (!g_atomic_int_get (&writer->stop))
    {
      /* In place, as a careless editor or a copy still under way writes. */
      g_assert_cmpint (ftruncate (fd, 0), ==, 0);
      write_at (fd, writer->valid->str, half, 0);
      write_at (fd, writer->valid->str + half, writer->valid->len - half, half);
      for (off_t at = writer->valid->len; at < UNKNOT_ROUTINE_MAX_BYTES + 100000;
           at += 64 * 1024)
        write_at (fd, chunk, 64 * 1024, at);
      g_assert_cmpint (ftruncate (fd, writer->valid->len), ==, 0);
      g_usleep (100);
    }
  close (fd);
  return NULL;
}

static void
case_file_changing_while_read (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-hostile-XXXXXX");
  g_autoptr (GString) valid = routine_with (STEP ("duration=\"30s\"", ""));
  Writer writer = { .path = g_build_filename (folder, "changing.xml", NULL), .valid = valid };
  g_auto (Result) result = { 0 };
  guint outcomes[2] = { 0, 0 };
  GThread *thread;

  unknot_test_write_file (folder, "changing.xml", valid->str);
  thread = g_thread_new ("writer", writer_thread, &writer);
  for (guint i = 0; i < 300; i++)
    {
      load_path (writer.path, &result);
      if (result.routine != NULL)
        {
          g_assert_cmpstr (unknot_routine_get_name (result.routine), ==, "Hostile");
          outcomes[0]++;
          continue;
        }
      g_assert_true (result.error->domain == UNKNOT_ROUTINE_ERROR);
      g_assert_true (result.error->code == UNKNOT_ROUTINE_ERROR_EMPTY
                     || result.error->code == UNKNOT_ROUTINE_ERROR_MALFORMED
                     || result.error->code == UNKNOT_ROUTINE_ERROR_TOO_LARGE);
      outcomes[1]++;
    }
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_assert_cmpuint (outcomes[0] + outcomes[1], ==, 300);

  g_free (writer.path);
  unknot_test_remove_folder (folder);
}

/* ---- running each case in a child --------------------------------------------------- */

typedef struct
{
  const char *name;
  void (*run) (void);
} HostileCase;

static const HostileCase cases[] = {
  { "baseline", case_baseline },
  { "billion-laughs", case_billion_laughs },
  { "quadratic-blowup", case_quadratic_blowup },
  { "external-dtd-and-entities", case_external_dtd_and_entities },
  { "xinclude", case_xinclude },
  { "file-50mb", case_file_50mb },
  { "nesting-10000", case_nesting_10000 },
  { "100000-elements", case_100000_elements },
  { "rests-filling-1mib", case_rests_filling_1mib },
  { "steps-filling-1mib", case_steps_filling_1mib },
  { "steps-on-one-line", case_steps_on_one_line },
  { "extreme-durations", case_extreme_durations },
  { "nul-bytes", case_nul_bytes },
  { "invalid-utf8", case_invalid_utf8 },
  { "utf16", case_utf16 },
  { "media-traversal", case_media_traversal },
  { "special-files-in-library", case_special_files_in_library },
  { "file-changing-while-read", case_file_changing_while_read },
};

static const char *program;

static int
run_one_case (const char *name)
{
  struct rlimit cpu = { CPU_LIMIT_SECONDS, CPU_LIMIT_SECONDS + 1 };

  g_assert_cmpint (setrlimit (RLIMIT_CPU, &cpu), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].name, name))
      {
        cases[i].run ();
        return 0;
      }
  g_error ("no hostile case “%s”", name);
}

/* What one child used: processor time in µs, peak memory in kB; FALSE if it failed. */
static gboolean
run_in_child (const char *name,
              gint64     *cpu_usec,
              glong      *rss_kb)
{
  const char *argv[] = { program, "--hostile-case", name, NULL };
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  *cpu_usec = (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec
              + (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
  *rss_kb = usage.ru_maxrss;

  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return TRUE;
  g_test_fail_printf ("the case %s failed (%s %d)", name,
                      WIFSIGNALED (status) ? "signal" : "status",
                      WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
  return FALSE;
}

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

/* The 64 MB hold in plain builds (as in CI's first run). AddressSanitizer maps shadow
 * memory, pads every block with redzones and keeps freed blocks in quarantine, which
 * about doubles what a case with many small blocks holds at its peak; there the budget
 * is twice 64 MB beyond the baseline's own peak, still far below what an entity
 * expansion or an unbounded read would take. */
static glong
memory_allowance_kb (void)
{
#ifdef SANITIZED
  static glong baseline_kb;

  if (baseline_kb == 0)
    {
      gint64 cpu_usec;

      g_assert_true (run_in_child ("baseline", &cpu_usec, &baseline_kb));
    }
  return baseline_kb + 2 * MAX_RSS_KB;
#else
  return MAX_RSS_KB;
#endif
}

static void
test_case (gconstpointer data)
{
  const HostileCase *hostile = data;
  glong allowance_kb = memory_allowance_kb ();
  gint64 cpu_usec;
  glong rss_kb;

  if (!run_in_child (hostile->name, &cpu_usec, &rss_kb))
    return;
  g_test_message ("%s: %.3f s of processor time, %ld kB at peak", hostile->name,
                  cpu_usec / 1e6, rss_kb);
  g_assert_cmpint (cpu_usec, <, MAX_CPU_USEC);
  g_assert_cmpint (rss_kb, <, allowance_kb);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--hostile-case"))
    return run_one_case (argv[2]);

  program = argv[0];
  g_assert_true (g_path_is_absolute (program));
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/routine/hostile-bounded/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }

  return g_test_run ();
}
