/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <libxml/parser.h>

#include "unknot-library.h"
#include "unknot-test-utils.h"

/* Loads a library of 1,000 routines of 20 steps each and compares the time with what
 * libxml2 alone needs to parse the same bytes, measured in the same run. Prints figures;
 * never fails on speed. */

#define N_ROUTINES 1000
#define N_STEPS 20
#define N_RUNS 7

static const char *const regions[] = { "calves", "hamstrings", "quadriceps", "feet", "glutes" };
static const char *const techniques[] = { "effleurage", "petrissage", "friction", "rolling" };

static char *
make_routine (guint n)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<routine format=\"1\" id=\"routine-%u\">\n"
                          "  <name>Routine %u</name>\n"
                          "  <name xml:lang=\"de\">Routine %u</name>\n"
                          "  <description>A generated routine for measuring.</description>\n"
                          "  <safety>Skip anything that hurts.</safety>\n", n, n, n);
  for (guint i = 0; i < N_STEPS; i++)
    g_string_append_printf (xml,
                            "  <step region=\"%s\" technique=\"%s\" pressure=\"medium\" "
                            "side=\"%s\" duration=\"45s\">\n"
                            "    <title>Step %u</title>\n"
                            "    <instructions>Work slowly from the bottom to the top with "
                            "steady, comfortable pressure.</instructions>\n"
                            "    <cue at=\"20s\">Halfway there</cue>\n"
                            "  </step>\n",
                            regions[i % G_N_ELEMENTS (regions)],
                            techniques[i % G_N_ELEMENTS (techniques)],
                            i % 2 ? "each" : "both", i);
  g_string_append (xml, "</routine>\n");
  return g_string_free (xml, FALSE);
}

static double
load_library_ms (const char *folder)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) shipped = g_file_new_for_path (folder);
  g_autoptr (UnknotLibrary) library = NULL;
  gint64 start = g_get_monotonic_time ();

  library = unknot_library_new (parser, shipped, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, N_ROUTINES);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* libxml2 alone: read each file and parse it into a tree, nothing else. */
static double
parse_only_ms (GPtrArray *files)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *bytes = NULL;
      gsize length;
      xmlDoc *doc;

      g_file_get_contents (g_ptr_array_index (files, i), &bytes, &length, NULL);
      doc = xmlReadMemory (bytes, (int) length, NULL, NULL, XML_PARSE_NONET);
      g_assert_nonnull (doc);
      xmlFreeDoc (doc);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-bench");
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) library_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) parse_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double library_median, parse_median;
  gsize total_bytes = 0;

  for (guint n = 0; n < N_ROUTINES; n++)
    {
      g_autofree char *name = g_strdup_printf ("routine-%04u.xml", n);
      g_autofree char *xml = make_routine (n);

      total_bytes += strlen (xml);
      unknot_test_write_file (folder, name, xml);
      g_ptr_array_add (files, g_build_filename (folder, name, NULL));
    }

  /* Interleaved, so that both see the same state of the machine and its caches. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      double parse = parse_only_ms (files);
      double library = load_library_ms (folder);

      g_array_append_val (parse_ms, parse);
      g_array_append_val (library_ms, library);
    }
  library_median = unknot_test_figures (library_ms).median;
  parse_median = unknot_test_figures (parse_ms).median;

  g_print ("library of %u routines x %u steps, %.1f MB\n", N_ROUTINES, N_STEPS,
           total_bytes / 1e6);
  g_print ("load library (parse, check, schema, model): median %.1f ms\n", library_median);
  g_print ("libxml2 xmlReadMemory alone:                median %.1f ms\n", parse_median);
  g_print ("ratio: %.2f (target <= 3)\n", library_median / parse_median);

  unknot_test_remove_folder (folder);
  return 0;
}
