/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-routine-parser.h"
#include "unknot-safety-check.h"
#include "unknot-test-utils.h"

/* The validator's warning about the standard safety block: firm pressure or a tool on
 * the calves calls for a safety note that names varicose veins and blood-thinning
 * medicine, in any language the note is written in. */

#define CALF_ROLLER \
  "  <step region=\"calves\" technique=\"rolling\" tool=\"foam-roller\" pressure=\"medium\"\n" \
  "        duration=\"30s\">\n" \
  "    <title>Roll the calf</title>\n" \
  "    <instructions>Roll slowly.</instructions>\n" \
  "  </step>\n"

#define CALF_HANDS(pressure) \
  "  <step region=\"calves\" technique=\"compression\" pressure=\"" pressure "\"\n" \
  "        duration=\"30s\">\n" \
  "    <title>Press the calf</title>\n" \
  "    <instructions>Press and release.</instructions>\n" \
  "  </step>\n"

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<routine format=\"1\" id=\"calf\">\n" \
  "  <name>Calf</name>\n" \
  "  <description>One step.</description>\n"

#define TAIL "</routine>\n"

/* The problems of @text, which must load. */
static GPtrArray *
problems_of (const char *text)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *problems = NULL;

  routine = unknot_routine_parser_load_bytes (parser, bytes, NULL, "calf.xml", &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);
  return problems;
}

static void
assert_block_warning (GPtrArray *problems,
                      guint      line)
{
  UnknotProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (unknot_problem_get_severity (problem), ==, UNKNOT_SEVERITY_WARNING);
  g_assert_cmpint (unknot_problem_get_code (problem), ==, UNKNOT_ROUTINE_ERROR_SAFETY_NOTE);
  g_assert_cmpuint (unknot_problem_get_line (problem), ==, line);
  g_assert_nonnull (strstr (unknot_problem_get_message (problem), "varicose veins"));
  g_assert_nonnull (strstr (unknot_problem_get_message (problem), "authoring guide"));
}

static void
test_roller_without_block (void)
{
  g_autoptr (GPtrArray) problems = problems_of (
    HEAD "  <safety>Stop if it hurts.</safety>\n" CALF_ROLLER TAIL);

  /* At the note that lacks the block. */
  assert_block_warning (problems, 5);
}

static void
test_firm_hands_without_note (void)
{
  g_autoptr (GPtrArray) problems = problems_of (HEAD CALF_HANDS ("firm") TAIL);

  /* No note at all: at the routine. */
  assert_block_warning (problems, 2);
}

static void
test_medium_hands_need_no_block (void)
{
  g_autoptr (GPtrArray) problems = problems_of (HEAD CALF_HANDS ("medium") TAIL);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_block_in_english (void)
{
  g_autoptr (GPtrArray) problems = problems_of (
    HEAD "  <safety>Keep off varicose veins. If you take blood-thinning medicine, ask a doctor "
    "first.</safety>\n" CALF_ROLLER TAIL);

  g_assert_cmpuint (problems->len, ==, 0);
}

/* An author who writes the note in German first is not warned. */
static void
test_block_in_a_translation (void)
{
  g_autoptr (GPtrArray) problems = problems_of (
    HEAD "  <safety>Stop if it hurts.</safety>\n"
    "  <safety xml:lang=\"de\">Lass Krampfadern aus. Wenn du blutverdünnende Medikamente "
    "nimmst, frag vorher deine Ärztin.</safety>\n" CALF_ROLLER TAIL);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_block_words (void)
{
  g_assert_true (unknot_safety_check_has_calf_block (
    "Keep off Varicose veins; if you take blood thinning medicine, ask first."));
  g_assert_true (unknot_safety_check_has_calf_block (
    "No toques las varices. Si tomas medicamentos anticoagulantes, consulta."));
  g_assert_true (unknot_safety_check_has_calf_block (
    "Ne massez pas les varices. Si vous prenez des anticoagulants, demandez."));
  /* Both parts are needed. */
  g_assert_false (unknot_safety_check_has_calf_block ("Keep off varicose veins."));
  g_assert_false (unknot_safety_check_has_calf_block ("Ask first if you take blood-thinning medicine."));
  g_assert_false (unknot_safety_check_has_calf_block (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety-check/roller-without-block", test_roller_without_block);
  g_test_add_func ("/safety-check/firm-hands-without-note", test_firm_hands_without_note);
  g_test_add_func ("/safety-check/medium-hands-need-no-block", test_medium_hands_need_no_block);
  g_test_add_func ("/safety-check/block-in-english", test_block_in_english);
  g_test_add_func ("/safety-check/block-in-a-translation", test_block_in_a_translation);
  g_test_add_func ("/safety-check/block-words", test_block_words);

  return g_test_run ();
}
