/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "invalid-fixtures.h"
#include "routine-fixtures.h"
#include "unknot-routine-resources.h"
#include "unknot-test-utils.h"
#include "unknot-xml-error.h"

/* data/schema/routine.rng, the schema installed for editors, says the same as the app:
 * every valid fixture passes it, and every invalid one whose fault is one of structure
 * or spelling fails it on its own, without the parser's checks. The faults only the
 * parser can see (ranges, cue times, media, translations) pass it. */

static guint n_schema_errors;

static void
count_error (void           *data,
             UnknotXmlError *error)
{
  n_schema_errors++;
}

static xmlRelaxNG *
load_schema (void)
{
  g_autofree char *path = unknot_test_source_path ("data", "schema", "routine.rng", NULL);
  xmlRelaxNGParserCtxt *parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNG *schema = xmlRelaxNGParse (parser);

  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  return schema;
}

/* Validates with the schema alone; returns whether it accepts the file. */
static gboolean
schema_accepts (xmlRelaxNG *schema,
                const char *path)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlRelaxNGValidCtxt *context;
  int result;

  g_assert_nonnull (doc);
  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, count_error, NULL);
  n_schema_errors = 0;
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);

  g_assert_cmpint (result, >=, 0);
  /* An error without a message would leave the author guessing. */
  g_assert_true ((result == 0) == (n_schema_errors == 0));
  return result == 0;
}

static void
test_valid_fixtures (void)
{
  g_autoptr (GPtrArray) names = routine_fixture_list ("valid");
  xmlRelaxNG *schema = load_schema ();

  g_assert_cmpuint (names->len, >=, 10);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = routine_fixture_path ("valid", g_ptr_array_index (names, i));

      if (!schema_accepts (schema, path))
        g_error ("the schema refuses the valid fixture %s", (char *) g_ptr_array_index (names, i));
    }

  xmlRelaxNGFree (schema);
}

static void
test_invalid_fixtures (void)
{
  xmlRelaxNG *schema = load_schema ();
  guint n_rejected = 0;

  for (guint i = 0; i < n_invalid_fixtures; i++)
    {
      const InvalidFixture *fixture = &invalid_fixtures[i];
      g_autofree char *path = NULL;
      gboolean rejects;

      if (fixture->flags & FIXTURE_NOT_PARSED)
        continue;

      path = routine_fixture_path ("invalid", fixture->name);
      rejects = !schema_accepts (schema, path);
      if (rejects != !!(fixture->flags & FIXTURE_SCHEMA_REJECTS))
        g_error ("the schema %s %s, but the table says it %s", rejects ? "rejects" : "accepts",
                 fixture->name, rejects ? "accepts it" : "rejects it");
      n_rejected += rejects;
    }

  g_assert_cmpuint (n_rejected, >=, 25);
  xmlRelaxNGFree (schema);
}

/* Every kind of fault the schema can see is among those it is tried on. */
static void
test_structural_kinds_covered (void)
{
  static const UnknotRoutineError kinds[] = {
    UNKNOT_ROUTINE_ERROR_WRONG_ROOT, UNKNOT_ROUTINE_ERROR_FORMAT_MISSING,
    UNKNOT_ROUTINE_ERROR_FORMAT_UNSUPPORTED, UNKNOT_ROUTINE_ERROR_BAD_ID,
    UNKNOT_ROUTINE_ERROR_UNKNOWN_ELEMENT, UNKNOT_ROUTINE_ERROR_UNKNOWN_ATTRIBUTE,
    UNKNOT_ROUTINE_ERROR_UNKNOWN_VALUE, UNKNOT_ROUTINE_ERROR_BAD_DURATION,
    UNKNOT_ROUTINE_ERROR_MISSING_ELEMENT, UNKNOT_ROUTINE_ERROR_XINCLUDE,
    UNKNOT_ROUTINE_ERROR_MISPLACED,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean covered = FALSE;

      for (guint i = 0; i < n_invalid_fixtures; i++)
        covered |= invalid_fixtures[i].code == kinds[k]
                   && (invalid_fixtures[i].flags & FIXTURE_SCHEMA_REJECTS);
      if (!covered)
        g_error ("no invalid fixture of code %d is tried on the schema", kinds[k]);
    }
}

/* The app validates against a copy compiled into it; it is the file editors get. */
static void
test_compiled_copy (void)
{
  g_autofree char *path = unknot_test_source_path ("data", "schema", "routine.rng", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) on_disk = NULL;
  g_autoptr (GBytes) compiled = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  on_disk = g_bytes_new_take (g_steal_pointer (&contents), length);
  compiled = g_resource_lookup_data (unknot_routine_get_resource (),
                                     "/io/github/unknot/Unknot/schema/routine.rng",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, compiled));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/schema/valid-fixtures", test_valid_fixtures);
  g_test_add_func ("/routine/schema/invalid-fixtures", test_invalid_fixtures);
  g_test_add_func ("/routine/schema/structural-kinds-covered", test_structural_kinds_covered);
  g_test_add_func ("/routine/schema/compiled-copy", test_compiled_copy);

  return g_test_run ();
}
