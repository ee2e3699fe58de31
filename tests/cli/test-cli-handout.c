/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <cairo.h>

#include "unknot-routine-parser.h"
#include "unknot-test-utils.h"

/* `unknot --handout`, run as the built program without a display, and its PDF read back
 * with poppler's own tools (pdftotext, pdfinfo, pdfimages), as a reader's viewer would:
 * every step's title in order, pages of the locale's paper, clean page breaks in a long
 * routine, the user's language, and a step's picture on the page. */

static const char *const english[] = { "LC_ALL=en_US.UTF-8", "LANGUAGE", NULL };
static const char *const german[] = { "LC_ALL=de_DE.UTF-8", "LANGUAGE", NULL };

/* Runs a poppler tool on @pdf and returns what it printed. */
static char *
poppler (const char *tool,
         const char *first_option,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *argument;
  va_list arguments;
  int status;

  g_ptr_array_add (argv, (gpointer) tool);
  va_start (arguments, first_option);
  for (argument = first_option; argument != NULL; argument = va_arg (arguments, const char *))
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (arguments);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *pdf)
{
  return poppler ("pdftotext", "-enc", "UTF-8", pdf, "-", NULL);
}

static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return poppler ("pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-", NULL);
}

/* A field of pdfinfo, such as "Pages" or "Page size". */
static char *
pdf_info (const char *pdf,
          const char *field)
{
  g_autofree char *info = poppler ("pdfinfo", pdf, NULL);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  g_assert_not_reached ();
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *pages = pdf_info (pdf, "Pages");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* Writes the handout of @routine into @folder as handout.pdf; returns its path. */
static char *
write_handout (const char        *folder,
               const char *const *environment,
               const char        *routine)
{
  const char *arguments[] = { "--handout", routine, "handout.pdf", NULL };
  g_auto (UnknotTestRun) run = { 0 };

  unknot_test_run_unknot (folder, environment, arguments, &run);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  return g_build_filename (folder, "handout.pdf", NULL);
}

/* Asserts that @titles appear in @text in this order. */
static void
assert_in_order (const char        *text,
                 const char *const *titles)
{
  const char *from = text;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      const char *found = strstr (from, titles[i]);

      if (found == NULL)
        g_error ("“%s” is not in the handout after “%s”", titles[i], i > 0 ? titles[i - 1] : "");
      from = found + strlen (titles[i]);
    }
}

/* What a handout of @routine must say, in this order: the heading, then every step's
 * number and title, with its cues. */
static GPtrArray *
expected_order (UnknotRoutine *routine)
{
  GPtrArray *order = g_ptr_array_new_with_free_func (g_free);
  guint number = 0;

  g_ptr_array_add (order, g_strdup (unknot_routine_get_name (routine)));
  g_ptr_array_add (order, g_strdup (unknot_routine_get_author (routine)));
  g_ptr_array_add (order, g_strdup (unknot_routine_get_license (routine)));
  g_ptr_array_add (order, g_strdup ("Safety"));
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_REST)
        continue;
      g_ptr_array_add (order, g_strdup_printf ("%u. %s", ++number,
                                               unknot_step_get_title (step)));
      for (guint c = 0; c < unknot_step_get_n_cues (step); c++)
        g_ptr_array_add (order, g_strdup (unknot_cue_get_text (unknot_step_get_cue (step, c))));
    }
  g_ptr_array_add (order, NULL);
  return order;
}

/* A shipped routine by id: its facts, the safety note and every step's title and cues in
 * order, on US Letter, as an American locale prints. */
static void
test_shipped_routine (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-handout");
  g_autofree char *pdf = write_handout (folder, english, "post-run-recovery");
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *size = pdf_info (pdf, "Page size");
  g_autofree char *title = pdf_info (pdf, "Title");
  g_autofree char *path = g_build_filename (g_getenv ("UNKNOT_DATA_DIR"), "routines",
                                            "post-run-recovery.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (UnknotRoutine) routine = unknot_routine_parser_load_file (parser, file, path, NULL,
                                                                      NULL);
  g_autoptr (GPtrArray) order = NULL;

  g_assert_nonnull (routine);
  order = expected_order (routine);
  assert_in_order (text, (const char *const *) order->pdata);
  g_assert_nonnull (strstr (text, "7 steps"));
  g_assert_nonnull (strstr (text, "40 seconds per side"));
  g_assert_nonnull (strstr (text, "At 0:25"));
  g_assert_true (g_str_has_prefix (size, "612 x 792 pts"));
  g_assert_cmpstr (title, ==, "Post-run recovery");
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  unknot_test_remove_folder (folder);
}

/* A German desktop gets a German handout on A4: the routine's own German, the
 * vocabulary's and the handout's labels. */
static void
test_german (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-handout-de");
  g_autofree char *pdf = write_handout (folder, german, "post-run-recovery");
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *size = pdf_info (pdf, "Page size");
  const char *const order[] = {
    "Regeneration nach dem Lauf", "Lizenz", "10 Minuten, 7 Schritte", "Sicherheit",
    "1. ", "Waden", "pro Seite", "Seite 1 von 2", NULL
  };

  assert_in_order (text, order);
  g_assert_null (strstr (text, "Post-run recovery"));
  g_assert_null (strstr (text, "per side"));
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts"));
  unknot_test_remove_folder (folder);
}

/* A picture the test draws: 48 × 32 pixels, a size nothing else in a handout has. */
static void
write_picture (const char *folder)
{
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_autofree char *path = g_build_filename (images, "press.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 48, 32);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (g_mkdir_with_parents (images, 0700), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A routine of @n_steps steps whose instructions are @words_per_step words long, each
 * ending in "end-of-step-N", and the first with a picture. */
static void
write_long_routine (const char *folder,
                    guint       n_steps,
                    guint       words_per_step)
{
  g_autoptr (GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<routine format=\"1\" id=\"long-handout\">\n"
                                          "  <name>Long handout</name>\n"
                                          "  <description>Many steps.</description>\n");

  for (guint i = 1; i <= n_steps; i++)
    {
      g_string_append_printf (xml, "  <step region=\"calves\" technique=\"compression\" "
                              "tool=\"hands\" duration=\"30s\">\n"
                              "    <title>Long step %u</title>\n    <instructions>", i);
      for (guint w = 0; w < words_per_step; w++)
        g_string_append (xml, w % 9 == 8 ? "calf. " : "press ");
      g_string_append_printf (xml, "end-of-step-%u</instructions>\n", i);
      if (i == 1)
        g_string_append (xml, "    <image src=\"images/press.png\"/>\n");
      g_string_append (xml, "  </step>\n");
    }
  g_string_append (xml, "</routine>\n");
  unknot_test_write_file (folder, "long.xml", xml->str);
}

/* Forty steps take several pages, and no step is split: each one's title and the last
 * word of its instructions are on the same page. */
static void
test_long_routine_pages (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-handout-long");
  g_autofree char *pdf = NULL;
  guint n_pages, page = 1;

  write_picture (folder);
  write_long_routine (folder, 40, 60);
  pdf = write_handout (folder, english, "long.xml");
  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpuint (n_pages, <=, 14);

  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u. Long step %u\n", i, i);
      g_autofree char *end = g_strdup_printf ("end-of-step-%u\n", i);
      g_autofree char *text = pdf_page_text (pdf, page);

      if (strstr (text, title) == NULL)
        {
          g_free (text);
          text = pdf_page_text (pdf, ++page);
        }
      g_assert_nonnull (strstr (text, title));
      g_assert_nonnull (strstr (text, end));
    }
  g_assert_cmpuint (page, ==, n_pages);
  unknot_test_remove_folder (folder);
}

/* The first step's picture is in the PDF, at its own size, on the first page. */
static void
test_picture (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-handout-picture");
  g_autofree char *pdf = NULL;
  g_autofree char *images = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean found = FALSE;

  write_picture (folder);
  write_long_routine (folder, 2, 10);
  pdf = write_handout (folder, english, "long.xml");
  images = poppler ("pdfimages", "-list", pdf, NULL);
  lines = g_strsplit (images, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      for (guint f = 0; fields[f] != NULL; f++)
        if (*fields[f] != '\0')
          g_ptr_array_add (words, fields[f]);
      /* page num type width height … */
      if (words->len > 4 && g_str_equal (words->pdata[0], "1")
          && g_str_equal (words->pdata[3], "48") && g_str_equal (words->pdata[4], "32"))
        found = TRUE;
    }
  g_assert_true (found);
  unknot_test_remove_folder (folder);
}

/* A routine pack's handout has its pictures, read from the pack. */
static void
test_pack (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-handout-pack");
  const char *export[] = { "--export-pack", "long.xml", "long.unknot", NULL };
  g_auto (UnknotTestRun) exported = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *images = NULL;
  g_autofree char *text = NULL;

  write_picture (folder);
  write_long_routine (folder, 2, 10);
  unknot_test_run_unknot (folder, english, export, &exported);
  g_assert_cmpint (exported.status, ==, 0);
  pdf = write_handout (folder, english, "long.unknot");
  text = pdf_text (pdf);
  images = poppler ("pdfimages", "-list", pdf, NULL);
  g_assert_nonnull (strstr (text, "2. Long step 2"));
  g_assert_true (g_regex_match_simple ("\\n +1 +[0-9]+ +image +48 +32 ", images, 0, 0));
  unknot_test_remove_folder (folder);
}

/* Wrong use says how to use it, and writes nothing. */
static void
test_usage (void)
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-handout-usage");
  const char *no_output[] = { "--handout", "post-run-recovery", NULL };
  const char *unknown[] = { "--handout", "no-such-routine", "out.pdf", NULL };
  g_autofree char *out = g_build_filename (folder, "out.pdf", NULL);
  g_auto (UnknotTestRun) usage = { 0 };
  g_auto (UnknotTestRun) missing = { 0 };

  unknot_test_run_unknot (folder, english, no_output, &usage);
  g_assert_cmpint (usage.status, ==, 1);
  g_assert_nonnull (strstr (usage.err, "unknot --handout post-run-recovery"));

  unknot_test_run_unknot (folder, english, unknown, &missing);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no-such-routine"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  unknot_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/handout/shipped-routine", test_shipped_routine);
  g_test_add_func ("/cli/handout/german", test_german);
  g_test_add_func ("/cli/handout/long-routine-pages", test_long_routine_pages);
  g_test_add_func ("/cli/handout/picture", test_picture);
  g_test_add_func ("/cli/handout/pack", test_pack);
  g_test_add_func ("/cli/handout/usage", test_usage);
  return g_test_run ();
}
