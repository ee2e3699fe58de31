/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "invalid-fixtures.h"

#define ERR(name) UNKNOT_ROUTINE_ERROR_##name
#define SCHEMA FIXTURE_SCHEMA_REJECTS
#define NOT_PARSED FIXTURE_NOT_PARSED

/* Every file in fixtures/invalid/, with the first problem the parser must report. The
 * positions are those an author's editor shows: the "<" of an element or of an end tag,
 * the first letter of an attribute's name, the "&" of an entity; columns as GCC counts
 * them (src/routine/unknot-source-text.c). */
const InvalidFixture invalid_fixtures[] = {
  /* Not XML, or XML we refuse to read. */
  { "empty.xml", ERR (EMPTY), 0, 0, { "empty", "<routine" }, NOT_PARSED },
  { "blank.xml", ERR (EMPTY), 0, 0, { "empty" }, NOT_PARSED },
  { "malformed.xml", ERR (MALFORMED), 5, 15,
    { "not well-formed", "</nmae>", "<name>", "line 5" }, NOT_PARSED },
  /* Mistakes of hand-written XML, told in our words with what to type instead. */
  { "ampersand.xml", ERR (MALFORMED), 5, 14, { "'&'", "'&amp;'" }, NOT_PARSED },
  { "entity-unknown.xml", ERR (MALFORMED), 6, 22, { "'&nbsp;'", "'&amp;'" }, NOT_PARSED },
  { "less-than.xml", ERR (MALFORMED), 6, 22, { "'<'", "'&lt;'" }, NOT_PARSED },
  { "attribute-twice.xml", ERR (MALFORMED), 7, 63, { "'duration'", "twice" }, NOT_PARSED },
  { "attribute-unquoted.xml", ERR (MALFORMED), 7, 57, { "quotes", "\"45s\"" }, NOT_PARSED },
  { "unclosed.xml", ERR (MALFORMED), 11, 1, { "<routine>", "line 4", "end tag" }, NOT_PARSED },
  /* Only the first mistake: the </step> and </routine> after it are where they belong. */
  { "unclosed-title.xml", ERR (MALFORMED), 10, 3,
    { "</step>", "<title>", "line 8", "is </title> missing before it?" }, NOT_PARSED },
  { "after-root.xml", ERR (MALFORMED), 12, 3, { "<routine>…</routine>" }, NOT_PARSED },
  { "encoding-unknown.xml", ERR (MALFORMED), 1, 21, { "KLINGON", "UTF-8" }, NOT_PARSED },
  /* Encodings: one line that says what to do, at the byte or the declaration. */
  { "not-utf8.xml", ERR (MALFORMED), 5, 12, { "0xE9", "save it as UTF-8" }, NOT_PARSED },
  { "encoding-mismatch.xml", ERR (MALFORMED), 1, 21, { "Shift_JIS", "save it as UTF-8" },
    NOT_PARSED },
  /* Columns as GCC counts them: a tab moves on to the next multiple of 8, plus one. */
  { "end-tag-after-tab.xml", ERR (MALFORMED), 5, 21, { "</nmae>", "<name>" }, NOT_PARSED },
  { "region-after-tab.xml", ERR (UNKNOWN_VALUE), 7, 15, { "'calfs'" }, SCHEMA },
  { "doctype.xml", ERR (DOCTYPE), 4, 1, { "DOCTYPE", "remove" }, NOT_PARSED },
  { "billion-laughs.xml", ERR (DOCTYPE), 5, 1, { "DOCTYPE" }, NOT_PARSED },
  { "external-entity.xml", ERR (DOCTYPE), 4, 1, { "DOCTYPE" }, NOT_PARSED },

  /* The routine element. */
  { "wrong-root.xml", ERR (WRONG_ROOT), 4, 1, { "<workout>", "<routine format=\"1\"" }, SCHEMA },
  { "format-missing.xml", ERR (FORMAT_MISSING), 4, 1, { "format=\"1\"" }, SCHEMA },
  { "format-unknown.xml", ERR (FORMAT_UNSUPPORTED), 5, 10,
    { "\"2\"", "reads format 1" }, SCHEMA },
  { "id-uppercase.xml", ERR (BAD_ID), 4, 21, { "\"Post-Run\"", "lowercase" }, SCHEMA },
  { "id-spaces.xml", ERR (BAD_ID), 4, 21, { "\"post run\"", "lowercase" }, SCHEMA },
  { "id-leading-hyphen.xml", ERR (BAD_ID), 4, 21, { "\"-post-run\"", "hyphens" }, SCHEMA },

  /* Durations: every message shows the accepted forms or the limits. */
  { "duration-zero.xml", ERR (DURATION_RANGE), 7, 48, { "\"0s\"", "1s", "60m" }, 0 },
  { "duration-negative.xml", ERR (BAD_DURATION), 7, 48,
    { "'-30s'", "negative", "1m30s" }, SCHEMA },
  { "duration-no-unit.xml", ERR (BAD_DURATION), 7, 48, { "'90'", "unit", "1m30s" }, SCHEMA },
  { "duration-hours.xml", ERR (BAD_DURATION), 7, 48, { "'1h'", "minutes", "1m30s" }, SCHEMA },
  { "duration-fraction.xml", ERR (BAD_DURATION), 7, 48,
    { "'1.5m'", "fractions", "1m30s" }, SCHEMA },
  { "duration-huge.xml", ERR (DURATION_RANGE), 7, 48, { "'99999999m'", "1m30s" }, 0 },
  { "duration-over-hour.xml", ERR (DURATION_RANGE), 7, 48, { "\"60m1s\"", "60m" }, 0 },
  { "prepare-too-long.xml", ERR (DURATION_RANGE), 7, 12, { "\"10m\"", "<prepare>", "5m" }, 0 },
  { "switch-too-long.xml", ERR (DURATION_RANGE), 7, 75, { "switch=\"2m\"", "1m" }, 0 },
  { "routine-too-long.xml", ERR (ROUTINE_TOO_LONG), 4, 1, { "4:00:01", "4 hours" }, 0 },

  /* The vocabulary, with a suggestion where one is near enough. */
  { "region-unknown.xml", ERR (UNKNOWN_VALUE), 7, 9,
    { "region 'calfs'", "did you mean 'calves'?" }, SCHEMA },
  { "region-far-off.xml", ERR (UNKNOWN_VALUE), 7, 9,
    { "region 'elbow'", "neck", "calves", "feet" }, SCHEMA },
  { "technique-unknown.xml", ERR (UNKNOWN_VALUE), 7, 25,
    { "technique 'petrisage'", "did you mean 'petrissage'?" }, SCHEMA },
  { "tool-unknown.xml", ERR (UNKNOWN_VALUE), 7, 45,
    { "tool 'foam-roler'", "did you mean 'foam-roller'?" }, SCHEMA },
  { "pressure-unknown.xml", ERR (UNKNOWN_VALUE), 7, 48,
    { "pressure 'meduim'", "did you mean 'medium'?" }, SCHEMA },
  { "side-unknown.xml", ERR (UNKNOWN_VALUE), 7, 48,
    { "side 'eech'", "did you mean 'each'?" }, SCHEMA },
  /* <suits run="…">: a list of kinds of run, each checked like a vocabulary term. */
  { "suits-misspelt.xml", ERR (UNKNOWN_VALUE), 7, 10,
    { "run kind 'lnog'", "did you mean 'long'?" }, SCHEMA },
  { "suits-alias.xml", ERR (UNKNOWN_VALUE), 7, 10,
    { "run kind 'marathon'", "did you mean 'race'?" }, SCHEMA },
  { "suits-far-off.xml", ERR (UNKNOWN_VALUE), 7, 10,
    { "run kind 'swimming'", "easy, long, intervals, race, trail" }, SCHEMA },
  { "suits-empty.xml", ERR (MISSING_ATTRIBUTE), 7, 3, { "<suits>", "run=\"long race\"" }, SCHEMA },
  { "suits-kind-twice.xml", ERR (DUPLICATE_ELEMENT), 7, 10, { "'long'", "twice" }, 0 },
  { "suits-twice.xml", ERR (DUPLICATE_ELEMENT), 8, 3, { "<suits>", "only once" }, SCHEMA },
  /* Words therapists use for the ids are suggested, never taken silently. */
  { "technique-alias.xml", ERR (UNKNOWN_VALUE), 7, 25,
    { "technique 'kneading'", "did you mean 'petrissage'?" }, SCHEMA },
  { "tool-alias.xml", ERR (UNKNOWN_VALUE), 7, 45,
    { "tool 'massage gun'", "did you mean 'percussion-device'?" }, SCHEMA },

  /* Names of elements and attributes. */
  { "attribute-misspelt.xml", ERR (UNKNOWN_ATTRIBUTE), 7, 48,
    { "attribute 'duraton'", "did you mean 'duration'?" }, SCHEMA },
  { "element-misspelt.xml", ERR (UNKNOWN_ELEMENT), 10, 5,
    { "element 'instruction'", "did you mean 'instructions'?" }, SCHEMA },
  /* Elements of the routine inside a step, and of a step outside it: a </step> that is
   * missing or in the wrong place, which the file's structure cannot show. */
  { "rest-inside-step.xml", ERR (MISPLACED), 10, 5,
    { "<rest>", "<step> of line 7", "is </step> missing before it?" }, SCHEMA },
  { "step-in-step.xml", ERR (MISPLACED), 10, 3,
    { "<step>", "<step> of line 7", "is </step> missing before it?" }, SCHEMA },
  { "cue-after-step.xml", ERR (MISPLACED), 11, 3,
    { "<cue>", "inside a <step>", "line 7", "before its </step>" }, SCHEMA },
  { "xinclude.xml", ERR (XINCLUDE), 10, 5, { "XInclude" }, SCHEMA },
  { "namespace.xml", ERR (XINCLUDE), 6, 20, { "<b>", "http://www.w3.org/1999/xhtml" }, SCHEMA },
  { "stray-text.xml", ERR (MISPLACED), 7, 3,
    { "\"Remember to drink water.\"", "<routine>", "<description>" }, SCHEMA },
  { "step-stray-text.xml", ERR (MISPLACED), 8, 26,
    { "\"the calf firmly\"", "<step>", "<instructions>" }, SCHEMA },
  { "rest-with-text.xml", ERR (MISPLACED), 11, 24, { "<rest>", "\"Shake out the legs\"" }, SCHEMA },
  { "text-markup.xml", ERR (UNKNOWN_ELEMENT), 8, 18, { "<title>", "text only", "<b>" }, SCHEMA },
  { "header-after-steps.xml", ERR (MISPLACED), 11, 3,
    { "<author>", "before the first <step>", "(line 7)" }, SCHEMA },
  { "description-missing.xml", ERR (MISSING_ELEMENT), 4, 1, { "<description>" }, SCHEMA },
  /* How many of each element there may be: the app's copy of the schema leaves the
   * counts to the parser (src/routine/unknot-schema.c), so each count has a fixture. */
  { "name-missing.xml", ERR (MISSING_ELEMENT), 4, 1, { "<routine>", "<name>" }, SCHEMA },
  { "title-missing.xml", ERR (MISSING_ELEMENT), 7, 3, { "<step>", "<title>" }, SCHEMA },
  { "instructions-missing.xml", ERR (MISSING_ELEMENT), 7, 3,
    { "<step>", "<instructions>" }, SCHEMA },
  { "author-twice.xml", ERR (DUPLICATE_ELEMENT), 8, 3, { "<author>", "only once" }, SCHEMA },
  { "license-twice.xml", ERR (DUPLICATE_ELEMENT), 8, 3, { "<license>", "only once" }, SCHEMA },
  { "prepare-twice.xml", ERR (DUPLICATE_ELEMENT), 8, 3, { "<prepare>", "only once" }, SCHEMA },
  /* Pictures in turn: each needs a duration, and a side has at most eight. */
  { "image-twice.xml", ERR (MISSING_ATTRIBUTE), 10, 5,
    { "<image>", "sequence", "duration=\"2s\"" }, 0 },
  { "image-right-twice.xml", ERR (MISSING_ATTRIBUTE), 11, 5,
    { "<image>", "sequence", "duration=\"2s\"" }, 0 },
  { "image-sequence-too-long.xml", ERR (DUPLICATE_ELEMENT), 18, 5,
    { "at most 8 pictures", "short", "this <image>" }, 0 },
  { "image-duration-range.xml", ERR (DURATION_RANGE), 11, 34,
    { "\"90s\"", "<image>", "1s" }, 0 },
  { "image-sequence-missing.xml", ERR (MISSING_MEDIA), 11, 12,
    { "'images/not-there.svg'", "does not exist" }, 0 },
  { "image-side-unknown.xml", ERR (UNKNOWN_VALUE), 10, 12, { "'middle'", "\"right\"" }, SCHEMA },
  { "audio-twice.xml", ERR (DUPLICATE_ELEMENT), 11, 5, { "<audio>", "once in a step" }, SCHEMA },
  { "no-steps.xml", ERR (MISSING_ELEMENT), 4, 1, { "no <step>" }, SCHEMA },
  { "text-empty.xml", ERR (EMPTY_TEXT), 10, 5, { "<title>", "empty" }, 0 },

  /* Translations. */
  { "name-duplicate.xml", ERR (DUPLICATE_ELEMENT), 7, 3, { "<name>", "without xml:lang" }, 0 },
  { "translation-duplicate.xml", ERR (DUPLICATE_ELEMENT), 8, 3,
    { "<description>", "'de'" }, 0 },
  { "translation-duplicate-region.xml", ERR (DUPLICATE_ELEMENT), 7, 3, { "<name>", "pt" }, 0 },
  { "language-not-a-code.xml", ERR (UNKNOWN_VALUE), 9, 12,
    { "xml:lang=\"german\"", "not a language code", "pt-BR" }, SCHEMA },
  { "name-translation-only.xml", ERR (MISSING_ELEMENT), 5, 3,
    { "<name>", "without xml:lang" }, 0 },

  /* Cues. */
  { "cue-outside.xml", ERR (CUE_OUTSIDE_STEP), 10, 10,
    { "outside its step", "before the step's 45s" }, 0 },
  { "cue-at-end.xml", ERR (CUE_OUTSIDE_STEP), 10, 10,
    { "outside its step", "before the step's 30s" }, 0 },
  { "cue-outside-each.xml", ERR (CUE_OUTSIDE_STEP), 11, 10,
    { "counts from the start of each side", "before 30s" }, 0 },
  { "cue-orphan-translation.xml", ERR (MISSING_ELEMENT), 11, 5,
    { "translated <cue>", "untranslated <cue>" }, 0 },

  /* Media. */
  { "media-absolute.xml", ERR (BAD_MEDIA_PATH), 10, 12,
    { "'/usr/share/pixmaps/calf.svg'", "absolute", "relative" }, 0 },
  /* A Windows path is a path, not a URI with the scheme "C". */
  { "media-windows.xml", ERR (BAD_MEDIA_PATH), 10, 12,
    { "'C:\\Users\\ana\\Pictures\\arch.svg'", "is absolute" }, 0 },
  { "media-drive.xml", ERR (BAD_MEDIA_PATH), 10, 12, { "'D:/x.png'", "is absolute" }, 0 },
  { "media-parent.xml", ERR (BAD_MEDIA_PATH), 10, 12, { "'images/../../calf.svg'", "leaves" }, 0 },
  { "media-uri.xml", ERR (BAD_MEDIA_PATH), 10, 12, { "'https://example.com/calf.ogg'", "URI" }, 0 },
  { "media-symlink.xml", ERR (BAD_MEDIA_PATH), 10, 12,
    { "'images/outside.svg'", "link", "out of" }, FIXTURE_NEEDS_SYMLINK },
  { "media-missing.xml", ERR (MISSING_MEDIA), 10, 12,
    { "'images/not-there.svg'", "does not exist" }, 0 },

  /* The cap on the number of problems; the note is checked on its own. */
  { "many-problems.xml", ERR (UNKNOWN_VALUE), 7, 9, { "'calfs'", "'calves'" }, SCHEMA },
};

const guint n_invalid_fixtures = G_N_ELEMENTS (invalid_fixtures);

const InvalidFixture *
invalid_fixture_find (const char *name)
{
  for (guint i = 0; i < n_invalid_fixtures; i++)
    if (g_str_equal (invalid_fixtures[i].name, name))
      return &invalid_fixtures[i];
  return NULL;
}
