/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "routine-fixtures.h"
#include "unknot-language.h"
#include "unknot-routine-parser.h"
#include "unknot-text-choice.h"

/* Which translation the parser picks, for language lists exactly as GLib makes them from
 * $LANGUAGE: g_get_language_names() for LANGUAGE=pt_BR is "pt_BR", "pt", "C". */

typedef struct
{
  const char *language;   /* the value of $LANGUAGE */
  const char *file;       /* in fixtures/valid/ */
  const char *name;       /* the texts the user should see */
  const char *title;
  const char *cue;        /* of the first step's first cue; NULL if it has none */
} LanguageCase;

static const LanguageCase cases[] = {
  /* A file with de, fr and pt besides the untranslated English. */
  { "de", "translated.xml", "Nach dem Lauf", "Die Wade kneten", "Halbzeit" },
  { "de_DE", "translated.xml", "Nach dem Lauf", "Die Wade kneten", "Halbzeit" },
  { "de_DE.UTF-8", "translated.xml", "Nach dem Lauf", "Die Wade kneten", "Halbzeit" },
  { "de_AT@euro", "translated.xml", "Nach dem Lauf", "Die Wade kneten", "Halbzeit" },
  { "fr_CA", "translated.xml", "Après la course", "Pétrir le mollet", "À mi-chemin" },
  { "pt_BR", "translated.xml", "Depois da corrida", "Amassar a panturrilha", "Metade" },
  { "ja", "translated.xml", "After the run", "Knead the calf", "Halfway" },
  { "C", "translated.xml", "After the run", "Knead the calf", "Halfway" },
  /* The user's order counts, not the file's. */
  { "ja:fr", "translated.xml", "Après la course", "Pétrir le mollet", "À mi-chemin" },
  { "fr:de", "translated.xml", "Après la course", "Pétrir le mollet", "À mi-chemin" },
  { "de:fr", "translated.xml", "Nach dem Lauf", "Die Wade kneten", "Halbzeit" },
  { "pt_BR:de", "translated.xml", "Depois da corrida", "Amassar a panturrilha", "Metade" },

  /* A file with pt and pt-BR: each user gets their own, the rest the untranslated. */
  { "pt_BR", "translated-pt-br.xml", "Canelas (Brasil)", "Deslizar nas canelas (Brasil)", NULL },
  { "pt_PT", "translated-pt-br.xml", "Canelas (Portugal)", "Deslizar nas canelas (Portugal)",
    NULL },
  { "pt", "translated-pt-br.xml", "Canelas (Portugal)", "Deslizar nas canelas (Portugal)", NULL },
  { "es", "translated-pt-br.xml", "Shins", "Stroke the shins", NULL },

  /* de-DE and de_DE in a file mean the same, and a de_DE user prefers them to de. */
  { "de_DE", "translated-de-hyphen.xml", "Füße (Deutschland)",
    "Die Fußsohle rollen (Deutschland)", NULL },
  { "de_DE", "translated-de-underscore.xml", "Füße (Deutschland)",
    "Die Fußsohle rollen (Deutschland)", NULL },
  { "de_DE.UTF-8", "translated-de-hyphen.xml", "Füße (Deutschland)",
    "Die Fußsohle rollen (Deutschland)", NULL },
  /* Where the file has only another country's German, that serves better than English;
   * where it has plain German too, that is closer. */
  { "de_CH", "translated-de-hyphen.xml", "Füße", "Die Fußsohle rollen (Deutschland)", NULL },
  { "de", "translated-de-underscore.xml", "Füße", "Die Fußsohle rollen (Deutschland)", NULL },
  { "ja", "translated-de-hyphen.xml", "Feet", "Roll the sole", NULL },
};

static void
test_language (gconstpointer data)
{
  const LanguageCase *c = data;
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = routine_fixture_file ("valid", c->file);
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  const char *const *names;
  UnknotStep *step;

  g_setenv ("LANGUAGE", c->language, TRUE);
  names = (const char *const *) g_get_language_names ();
  g_assert_cmpstr (names[g_strv_length ((char **) names) - 1], ==, "C");

  unknot_routine_parser_set_languages (parser, names);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);

  step = unknot_routine_get_item (routine, 0);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, c->name);
  g_assert_cmpstr (unknot_step_get_title (step), ==, c->title);
  if (c->cue != NULL)
    g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 0)), ==, c->cue);

  g_setenv ("LANGUAGE", "C", TRUE);
}

/* Every translatable element follows the same choice. */
static void
test_every_element (void)
{
  const char *const french[] = { "fr_CA", "fr", "C", NULL };
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = routine_fixture_file ("valid", "translated.xml");
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  UnknotStep *step;

  unknot_routine_parser_set_languages (parser, french);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);

  step = unknot_routine_get_item (routine, 0);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Après la course");
  g_assert_cmpstr (unknot_routine_get_description (routine), ==, "Détendre les mollets.");
  g_assert_cmpstr (unknot_routine_get_safety (routine), ==, "Arrêtez si cela fait mal.");
  g_assert_cmpstr (unknot_step_get_title (step), ==, "Pétrir le mollet");
  g_assert_cmpstr (unknot_step_get_instructions (step), ==, "Pétrir avec les deux mains.");
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 1);
  g_assert_cmpint (unknot_cue_get_at (unknot_step_get_cue (step, 0)), ==, 20000);
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 0)), ==, "À mi-chemin");
}

/* Translated cues join their untranslated partner by time, and keep the time order. */
static void
test_translated_cues (void)
{
  const char *const german[] = { "de", "C", NULL };
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = routine_fixture_file ("valid", "cues.xml");
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  UnknotStep *step;

  unknot_routine_parser_set_languages (parser, german);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);

  step = unknot_routine_get_item (routine, 0);
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 5);
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 0)), ==, "Begin gently");
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 1)), ==,
                   "Zum Knie hin wandern");
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 2)), ==,
                   "Switch to the outer edge");
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 3)), ==, "Fast geschafft");
  g_assert_cmpint (unknot_cue_get_at (unknot_step_get_cue (step, 3)), ==, 45000);
}

/* A translation without "at" belongs to the cue before it, which is how msgfmt writes
 * the translations of the shipped routines into their files. */
static void
test_cues_as_msgfmt_writes_them (void)
{
  const char *const german[] = { "de", "C", NULL };
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GFile) file = routine_fixture_file ("valid", "cues-msgfmt.xml");
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  UnknotStep *step;

  unknot_routine_parser_set_languages (parser, german);
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);

  step = unknot_routine_get_item (routine, 0);
  g_assert_cmpuint (unknot_step_get_n_cues (step), ==, 2);
  g_assert_cmpint (unknot_cue_get_at (unknot_step_get_cue (step, 0)), ==, 20000);
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 0)), ==, "Nach oben wandern");
  g_assert_cmpint (unknot_cue_get_at (unknot_step_get_cue (step, 1)), ==, 40000);
  g_assert_cmpstr (unknot_cue_get_text (unknot_step_get_cue (step, 1)), ==, "Fast geschafft");
}

/* Without a list of its own, the parser follows the process's languages, read when the
 * list is set: here "C", so the untranslated texts. */
static void
test_default_languages (void)
{
  g_autoptr (UnknotRoutineParser) parser = NULL;
  g_autoptr (GFile) file = routine_fixture_file ("valid", "translated.xml");
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (UnknotRoutine) german = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "C");
  parser = unknot_routine_parser_new ();
  routine = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "After the run");

  g_setenv ("LANGUAGE", "de", TRUE);
  unknot_routine_parser_set_languages (parser, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  german = unknot_routine_parser_load_file (parser, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_name (german), ==, "Nach dem Lauf");
}

/* What counts as a language in xml:lang: the same as the schema's pattern. */
static void
test_tags (void)
{
  static const char *const good[] = { "de", "pt-BR", "pt_BR", "de-DE", "sr-Latn-RS", "yue", "EN" };
  static const char *const bad[] = {
    "", "d", "german", "de-", "de_", "-de", "de--DE", "de DE", "de-ABCDEFGHI", "de.UTF-8", "dé",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (unknot_language_is_tag (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (unknot_language_is_tag (bad[i]));
}

/* Texts are wrapped to fit an editor: runs of white space become one space, and the
 * ends are trimmed; everything else, multi-byte characters included, is kept. */
static void
test_normalize_white_space (void)
{
  const struct { const char *text, *normalized; } texts[] = {
    { "", "" },
    { "   \n\t ", "" },
    { "Knead", "Knead" },
    { "  Knead the\n      calf  ", "Knead the calf" },
    { "a\r\nb\t\tc", "a b c" },
    { "Wade \n  über die Wade — «doux»", "Wade über die Wade — «doux»" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *normalized = unknot_text_normalize (texts[i].text);
      g_assert_cmpstr (normalized, ==, texts[i].normalized);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/routine/languages/%s/%s",
                                               cases[i].file, cases[i].language);
      g_test_add_data_func (path, &cases[i], test_language);
    }
  g_test_add_func ("/routine/languages/every-element", test_every_element);
  g_test_add_func ("/routine/languages/translated-cues", test_translated_cues);
  g_test_add_func ("/routine/languages/cues-as-msgfmt-writes-them",
                   test_cues_as_msgfmt_writes_them);
  g_test_add_func ("/routine/languages/default", test_default_languages);
  g_test_add_func ("/routine/languages/tags", test_tags);
  g_test_add_func ("/routine/languages/normalize-white-space", test_normalize_white_space);

  return g_test_run ();
}
