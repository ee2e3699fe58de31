/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "unknot-routine.h"
#include "unknot-test-utils.h"
#include "unknot-vocabulary.h"

/* The word lists exist twice, in C and in the schema for editors; they must agree. */
static void
test_schema_matches_tables (void)
{
  g_autofree char *path = unknot_test_source_path ("data", "schema", "routine.rng", NULL);
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlXPathContext *xpath = xmlXPathNewContext (doc);

  g_assert_nonnull (doc);
  xmlXPathRegisterNs (xpath, BAD_CAST "rng", BAD_CAST "http://relaxng.org/ns/structure/1.0");

  for (UnknotVocabulary v = 0; v < UNKNOT_N_VOCABULARIES; v++)
    {
      const char *attribute = unknot_vocabulary_get_attribute (v);
      g_autofree char *query =
        g_strdup_printf ("//rng:define[@name='%s']/rng:choice/rng:value", attribute);
      xmlXPathObject *result = xmlXPathEvalExpression (BAD_CAST query, xpath);
      guint n = result->nodesetval ? result->nodesetval->nodeNr : 0;

      g_assert_cmpuint (n, ==, unknot_vocabulary_get_n_terms (v));
      for (guint i = 0; i < n; i++)
        {
          xmlChar *value = xmlNodeGetContent (result->nodesetval->nodeTab[i]);
          g_assert_cmpstr ((char *) value, ==, unknot_vocabulary_get_id (v, i));
          xmlFree (value);
        }
      xmlXPathFreeObject (result);
    }

  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

static void
test_lookup_and_labels (void)
{
  guint term = 99;

  g_assert_true (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_REGION, "it-band", &term));
  g_assert_cmpuint (term, ==, UNKNOT_REGION_IT_BAND);
  g_assert_false (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_REGION, "IT-band", NULL));
  g_assert_cmpstr (unknot_region_get_label (UNKNOT_REGION_IT_BAND), ==, "IT band");
  g_assert_cmpstr (unknot_technique_get_label (UNKNOT_TECHNIQUE_TRIGGER_POINT), ==,
                   "Trigger point");
  g_assert_cmpstr (unknot_tool_get_label (UNKNOT_TOOL_FOAM_ROLLER), ==, "Foam roller");
  g_assert_null (unknot_pressure_get_label (UNKNOT_PRESSURE_UNSPECIFIED));
  g_assert_cmpstr (unknot_vocabulary_suggest (UNKNOT_VOCABULARY_TECHNIQUE, "petrisage"), ==,
                   "petrissage");

  for (UnknotVocabulary v = 0; v < UNKNOT_N_VOCABULARIES; v++)
    for (guint i = 0; i < unknot_vocabulary_get_n_terms (v); i++)
      {
        g_assert_nonnull (unknot_vocabulary_get_label (v, i));
        g_assert_nonnull (unknot_vocabulary_get_description (v, i));
      }
}

/* The defaults the parser assumes for the validator's totals are the settings' defaults. */
static void
test_defaults_match_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.unknot.Unknot");

  g_assert_cmpint (g_settings_get_int (settings, "prepare-time") * 1000, ==,
                   UNKNOT_DEFAULT_PREPARE_MS);
  g_assert_cmpint (g_settings_get_int (settings, "switch-gap") * 1000, ==,
                   UNKNOT_DEFAULT_SWITCH_GAP_MS);
}

/* The words therapists use: each suggests the id it stands for, in any case and with
 * spaces for hyphens, and none is accepted as a value. */
static void
test_aliases_suggested_not_accepted (void)
{
  static const struct
  {
    UnknotVocabulary vocabulary;
    const char *word;
    const char *id;
  } cases[] = {
    { UNKNOT_VOCABULARY_REGION, "calf", "calves" },
    { UNKNOT_VOCABULARY_REGION, "quads", "quadriceps" },
    { UNKNOT_VOCABULARY_REGION, "Glute", "glutes" },
    { UNKNOT_VOCABULARY_REGION, "ITB", "it-band" },
    { UNKNOT_VOCABULARY_REGION, "plantar fascia", "feet" },
    { UNKNOT_VOCABULARY_TECHNIQUE, "kneading", "petrissage" },
    { UNKNOT_VOCABULARY_TECHNIQUE, "foam-rolling", "rolling" },
    { UNKNOT_VOCABULARY_TECHNIQUE, "myofascial", "myofascial-release" },
    { UNKNOT_VOCABULARY_TOOL, "roller", "foam-roller" },
    { UNKNOT_VOCABULARY_TOOL, "ball", "massage-ball" },
    { UNKNOT_VOCABULARY_TOOL, "massage gun", "percussion-device" },
    { UNKNOT_VOCABULARY_TOOL, "Massage_Gun", "percussion-device" },
    { UNKNOT_VOCABULARY_PRESSURE, "deep", "firm" },
    { UNKNOT_VOCABULARY_SIDE, "alternating", "each" },
    { UNKNOT_VOCABULARY_RUN_KIND, "Long run", "long" },
    { UNKNOT_VOCABULARY_RUN_KIND, "marathon", "race" },
    { UNKNOT_VOCABULARY_RUN_KIND, "track", "intervals" },
    { UNKNOT_VOCABULARY_RUN_KIND, "hills", "trail" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (unknot_vocabulary_lookup (cases[i].vocabulary, cases[i].word, NULL));
      g_assert_true (unknot_vocabulary_lookup (cases[i].vocabulary, cases[i].id, NULL));
      g_assert_cmpstr (unknot_vocabulary_suggest (cases[i].vocabulary, cases[i].word), ==,
                       cases[i].id);
    }

  /* A word of one list is no alias in another. */
  g_assert_null (unknot_vocabulary_suggest (UNKNOT_VOCABULARY_REGION, "kneading"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vocabulary/schema-matches-tables", test_schema_matches_tables);
  g_test_add_func ("/vocabulary/lookup-and-labels", test_lookup_and_labels);
  g_test_add_func ("/vocabulary/aliases-suggested-not-accepted",
                   test_aliases_suggested_not_accepted);
  g_test_add_func ("/vocabulary/defaults-match-settings", test_defaults_match_settings);

  return g_test_run ();
}
