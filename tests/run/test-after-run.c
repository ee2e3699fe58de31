/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-after-run.h"
#include "unknot-routine-parser.h"
#include "unknot-suggestion.h"
#include "unknot-test-utils.h"

#define BIT(n) (1u << (n))

/* The "Just ran?" rules on a small library written for them: each routine's regions,
 * length and <suits> chosen so that each case turns on one rule. Prepare is 0 s, so a
 * routine's total is the sum of its steps. */
typedef struct
{
  const char *id;
  const char *suits;      /* NULL for none */
  const char *regions[6];
  guint minutes_each;     /* per step, one step per region */
} RoutineSpec;

static const RoutineSpec library_specs[] = {
  { "calves-long", "long", { "calves", "feet" }, 5 },                   /* 10 min */
  { "thighs-long", "long easy", { "hamstrings", "quadriceps" }, 7 },    /* 14 min */
  { "big-long", "long", { "calves", "hamstrings", "quadriceps", "glutes" }, 5 }, /* 20 */
  { "race-gentle", "race", { "calves", "quadriceps" }, 4 },             /* 8 min */
  { "no-suits", NULL, { "calves", "hamstrings", "quadriceps" }, 1 },    /* 3 min */
  { "shins-trail", "intervals trail", { "shins", "achilles", "calves" }, 2 }, /* 6 min */
  { "neck-long", "long", { "neck" }, 12 },                              /* 12 min */
};

static UnknotRoutine *
make_routine (UnknotRoutineParser *parser,
              const RoutineSpec   *spec)
{
  g_autoptr (GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine;

  g_string_append_printf (xml, "<routine format=\"1\" id=\"%s\">\n<name>%s</name>\n"
                          "<description>A routine for the rules.</description>\n"
                          "<prepare duration=\"0s\"/>\n", spec->id, spec->id);
  if (spec->suits != NULL)
    g_string_append_printf (xml, "<suits run=\"%s\"/>\n", spec->suits);
  for (guint i = 0; spec->regions[i] != NULL; i++)
    g_string_append_printf (xml, "<step region=\"%s\" technique=\"effleurage\" "
                            "duration=\"%um\"><title>Stroke</title>"
                            "<instructions>Stroke it.</instructions></step>\n",
                            spec->regions[i], spec->minutes_each);
  g_string_append (xml, "</routine>\n");

  bytes = g_bytes_new (xml->str, xml->len);
  routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, spec->id, NULL, &error);
  g_assert_no_error (error);
  return routine;
}

static GListModel *
make_library (void)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  GListStore *store = g_list_store_new (UNKNOT_TYPE_ROUTINE);

  for (guint i = 0; i < G_N_ELEMENTS (library_specs); i++)
    {
      g_autoptr (UnknotRoutine) routine = make_routine (parser, &library_specs[i]);
      g_list_store_append (store, routine);
    }
  return G_LIST_MODEL (store);
}

typedef struct
{
  const char *what;
  UnknotRunKind kind;
  guint minutes;
  guint32 worked_this_week;
  const char *first;          /* NULL: no suggestion */
  const char *first_why;
  const char *second;         /* NULL: no second choice */
} Case;

static const Case cases[] = {
  /* More loaded regions win; big-long (20 min) does not fit in 15; no-suits is never
   * suggested, though it fits and works three loaded regions. */
  { "long run, 15 minutes", UNKNOT_RUN_KIND_LONG, 15, 0,
    "thighs-long", "Suits a long run · 14 minutes · Hamstrings and Quadriceps not worked "
    "this week", "calves-long" },
  /* The same, after a week of thighs: the regions not worked this week turn it round. */
  { "long run, 15 minutes, thighs worked", UNKNOT_RUN_KIND_LONG, 15,
    BIT (UNKNOT_REGION_HAMSTRINGS) | BIT (UNKNOT_REGION_QUADRICEPS),
    "calves-long", "Suits a long run · 10 minutes · Calves and Feet not worked this week",
    "thighs-long" },
  /* Everything worked: no region named, and the minutes still count. */
  { "long run, 15 minutes, all worked", UNKNOT_RUN_KIND_LONG, 15, 0xfffff,
    "thighs-long", "Suits a long run · 14 minutes", "calves-long" },
  /* Time enough for the big one. */
  { "long run, an hour", UNKNOT_RUN_KIND_LONG, 60, 0,
    "big-long", "Suits a long run · 20 minutes · Calves and Hamstrings not worked this week",
    "thighs-long" },
  /* A routine of exactly the time fits; one a little longer does not. */
  { "long run, 10 minutes", UNKNOT_RUN_KIND_LONG, 10, 0,
    "calves-long", "Suits a long run · 10 minutes · Calves and Feet not worked this week",
    NULL },
  /* Nothing that suits a long run fits in 5 minutes; no-suits does, but says nothing. */
  { "long run, 5 minutes", UNKNOT_RUN_KIND_LONG, 5, 0, NULL, NULL, NULL },
  /* Only what suits the kind: race-gentle is the only race routine. */
  { "race, 15 minutes", UNKNOT_RUN_KIND_RACE, 15, 0,
    "race-gentle", "Suits a race · 8 minutes · Calves and Quadriceps not worked this week",
    NULL },
  { "easy run, 15 minutes", UNKNOT_RUN_KIND_EASY, 15, 0,
    "thighs-long", "Suits an easy run · 14 minutes · Hamstrings and Quadriceps not worked "
    "this week", NULL },
  /* The regions named are those the kind of run loads most, in that order. */
  { "trail, 10 minutes", UNKNOT_RUN_KIND_TRAIL, 10, BIT (UNKNOT_REGION_SHINS),
    "shins-trail", "Suits a trail or hill run · 6 minutes · Calves and Achilles not worked "
    "this week", NULL },
  { "intervals, 10 minutes, calves worked", UNKNOT_RUN_KIND_INTERVALS, 10,
    BIT (UNKNOT_REGION_CALVES),
    "shins-trail", "Suits intervals or track work · 6 minutes · Achilles and Shins not "
    "worked this week", NULL },
};

static void
test_cases (void)
{
  g_autoptr (GListModel) library = make_library ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      UnknotAfterRun after = { c->kind, c->minutes, c->worked_this_week, 0, 5000 };
      g_autoptr (GPtrArray) suggestions = unknot_after_run_suggest (&after, library);
      guint expected = (c->first != NULL) + (c->second != NULL);

      g_test_message ("case: %s", c->what);
      g_assert_cmpuint (suggestions->len, ==, expected);
      if (c->first != NULL)
        {
          UnknotSuggestion *first = g_ptr_array_index (suggestions, 0);

          g_assert_cmpstr (unknot_routine_get_id (unknot_suggestion_get_routine (first)), ==,
                           c->first);
          g_assert_cmpstr (unknot_suggestion_get_why (first), ==, c->first_why);
        }
      if (c->second != NULL)
        {
          UnknotSuggestion *second = g_ptr_array_index (suggestions, 1);

          g_assert_cmpstr (unknot_routine_get_id (unknot_suggestion_get_routine (second)), ==,
                           c->second);
        }
    }
}

/* Each kind of run loads the calves or the thighs; none loads the neck. */
static void
test_loaded_regions (void)
{
  for (UnknotRunKind kind = 0; kind < UNKNOT_N_RUN_KINDS; kind++)
    {
      guint32 loaded = unknot_after_run_get_loaded_regions (kind);

      g_assert_cmpuint (loaded & (BIT (UNKNOT_REGION_CALVES) | BIT (UNKNOT_REGION_QUADRICEPS)),
                        !=, 0);
      g_assert_cmpuint (loaded & BIT (UNKNOT_REGION_NECK), ==, 0);
    }
}

/* The issue's own example, on the shipped library: "Long run, 15 minutes" suggests
 * two routines of at most 15 minutes that say they suit a long run. */
static void
test_shipped_long_run_15_minutes (void)
{
  g_autofree char *folder = unknot_test_source_path ("routines", NULL);
  g_autoptr (GFile) shipped = g_file_new_for_path (folder);
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GListStore) store = g_list_store_new (UNKNOT_TYPE_ROUTINE);
  g_autoptr (GFileEnumerator) files = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suggestions = NULL;
  UnknotAfterRun after = { UNKNOT_RUN_KIND_LONG, 15, 0, 10000, 5000 };
  GFileInfo *info;

  files = g_file_enumerate_children (shipped, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (files, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr (GFile) file = g_file_get_child (shipped, name);
      g_autoptr (UnknotRoutine) routine = NULL;

      if (g_str_has_suffix (name, ".xml") && !g_str_equal (name, "template.xml"))
        {
          routine = unknot_routine_parser_load_file (parser, file, name, NULL, &error);
          g_assert_no_error (error);
          g_list_store_append (store, routine);
        }
      g_object_unref (info);
    }
  g_assert_no_error (error);

  suggestions = unknot_after_run_suggest (&after, G_LIST_MODEL (store));
  g_assert_cmpuint (suggestions->len, ==, 2);
  for (guint i = 0; i < suggestions->len; i++)
    {
      UnknotSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      UnknotRoutine *routine = unknot_suggestion_get_routine (suggestion);

      g_test_message ("%s: %s", unknot_routine_get_id (routine),
                      unknot_suggestion_get_why (suggestion));
      g_assert_cmpint (unknot_routine_get_total (routine, 10000, 5000), <=, 15 * 60 * 1000);
      g_assert_cmpuint (unknot_routine_get_suits (routine) & BIT (UNKNOT_RUN_KIND_LONG), !=, 0);
      g_assert_true (g_str_has_prefix (unknot_suggestion_get_why (suggestion),
                                       "Suits a long run · "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/after-run/cases", test_cases);
  g_test_add_func ("/after-run/loaded-regions", test_loaded_regions);
  g_test_add_func ("/after-run/shipped-long-run-15-minutes", test_shipped_long_run_15_minutes);

  return g_test_run ();
}
