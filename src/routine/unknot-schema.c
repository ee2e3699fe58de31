/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/relaxng.h>

#include "unknot-routine-resources.h"
#include "unknot-schema.h"
#include "unknot-xml-error.h"

/* The RELAX NG schema of the routine format, data/schema/routine.rng, the same file
 * that is installed for editors. The parser's own checks come first and give the
 * friendlier messages; the schema is the final word on structure, so that a file this
 * app accepts is also valid for every other tool that reads the schema.
 *
 * The app compiles it with two kinds of rule loosened, both checked by the parser
 * instead: the syntax of values (below) and how many of each header element there may
 * be (relax_interleave). test-routine-schema holds the full schema to every fixture,
 * and the invalid fixtures hold the parser to every rule loosened here. */

#define SCHEMA_RESOURCE "/io/github/unknot/Unknot/schema/routine.rng"
#define MAX_SCHEMA_ERRORS 5

typedef struct
{
  UnknotProblemCollector *problems;
  guint n_errors;
} Validation;

/* The defines whose syntax the parser checks itself, with better messages. libxml2
 * compiles a "pattern" facet's regular expression anew for every value it checks,
 * which made these few patterns cost more than parsing the whole file; relaxing them
 * leaves the rest of the schema, all of its structure, in force. */
static const char *const lexical_defines[] = {
  "routine-id", "language-tag", "duration", "region", "technique", "tool", "pressure", "side",
  "run", NULL
};

static void
relax_lexical_defines (xmlDoc *schema)
{
  xmlNode *grammar = xmlDocGetRootElement (schema);

  for (xmlNode *node = grammar->children; node != NULL; node = node->next)
    {
      g_autofree char *name = NULL;
      xmlNode *any_string;

      if (node->type != XML_ELEMENT_NODE || !xmlStrEqual (node->name, BAD_CAST "define"))
        continue;
      name = (char *) xmlGetProp (node, BAD_CAST "name");
      if (name == NULL || !g_strv_contains (lexical_defines, name))
        continue;

      while (node->children != NULL)
        {
          xmlNode *child = node->children;
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      any_string = xmlNewChild (node, node->ns, BAD_CAST "data", NULL);
      xmlSetProp (any_string, BAD_CAST "type", BAD_CAST "string");
    }
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST name);
}

static gboolean
is_quantifier (xmlNode *node)
{
  return is_element (node, "oneOrMore") || is_element (node, "optional")
         || is_element (node, "zeroOrMore");
}

/* Moves the elements among the children of @from to the end of @to, and drops the
 * rest: two runs of white space that met in @to would be merged by libxml2, which
 * reallocates a text the parser's dictionary owns. */
static void
move_children (xmlNode *from,
               xmlNode *to)
{
  while (from->children != NULL)
    {
      xmlNode *child = from->children;

      xmlUnlinkNode (child);
      if (child->type == XML_ELEMENT_NODE)
        xmlAddChild (to, child);
      else
        xmlFreeNode (child);
    }
}

/* <interleave> A+ B? C* </interleave> becomes <zeroOrMore><choice> A B C </choice>
 * </zeroOrMore>: the same elements in any order, in any number. libxml2 validates an
 * interleave by sharing the children out among its parts, allocating as it goes, which
 * made the routine and step headers a third of loading a library. How many of each
 * there may be, the parser checks itself, with messages that name the element
 * ("<audio> may appear only once in a step"); fixtures hold it to every count. */
static void
relax_interleave (xmlNode *interleave)
{
  xmlNode *choice = xmlNewNode (interleave->ns, BAD_CAST "choice");

  while (interleave->children != NULL)
    {
      xmlNode *part = interleave->children;

      xmlUnlinkNode (part);
      if (is_quantifier (part))
        move_children (part, choice);
      else if (part->type == XML_ELEMENT_NODE)
        xmlAddChild (choice, g_steal_pointer (&part));
      if (part != NULL)
        xmlFreeNode (part);
    }
  xmlNodeSetName (interleave, BAD_CAST "zeroOrMore");
  xmlAddChild (interleave, choice);
}

static void
relax_interleaves (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      relax_interleaves (child);
      if (is_element (child, "interleave"))
        relax_interleave (child);
    }
}

static xmlRelaxNG *
compile_schema (void)
{
  g_autoptr (GBytes) bytes = NULL;
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  xmlDoc *doc;
  gsize length;
  const char *data;

  bytes = g_resource_lookup_data (unknot_routine_get_resource (), SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &length);

  doc = xmlReadMemory (data, (int) length, "routine.rng", NULL, XML_PARSE_NONET);
  g_assert (doc != NULL);
  relax_lexical_defines (doc);
  relax_interleaves (xmlDocGetRootElement (doc));

  parser = xmlRelaxNGNewDocParserCtxt (doc);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  xmlFreeDoc (doc);

  /* The schema is part of the program; if it does not compile, the build is broken. */
  g_assert (schema != NULL);
  return schema;
}

static xmlRelaxNG *
get_schema (void)
{
  static gsize initialized = 0;
  static xmlRelaxNG *schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      schema = compile_schema ();
      g_once_init_leave (&initialized, 1);
    }
  return schema;
}

static void
on_validity_error (void           *user_data,
                   UnknotXmlError *error)
{
  Validation *validation = user_data;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;

  if (++validation->n_errors > MAX_SCHEMA_ERRORS)
    return;

  /* As in unknot-xml-document.c: what libxml2 quotes need not be valid UTF-8. */
  detail = g_strstrip (g_utf8_make_valid (error->message != NULL ? error->message : "", -1));
  /* Translators: %s is libxml2's own (English) explanation. */
  message = g_strdup_printf (_("the file does not match the routine schema: %s"), detail);
  if (error->node != NULL)
    unknot_problem_collector_error (validation->problems, error->node, NULL,
                                    UNKNOT_ROUTINE_ERROR_SCHEMA, "%s", message);
  else
    unknot_problem_collector_add (validation->problems, MAX (error->line, 0), 0,
                                  UNKNOT_SEVERITY_ERROR, UNKNOT_ROUTINE_ERROR_SCHEMA, message);
}

/* Returns TRUE if the document is valid; otherwise adds to @problems, which locates
 * them in @document. */
gboolean
unknot_schema_validate (UnknotXmlDocument      *document,
                        UnknotProblemCollector *problems)
{
  Validation validation = { problems, 0 };
  xmlRelaxNGValidCtxt *context;
  int result;

  g_return_val_if_fail (UNKNOT_IS_XML_DOCUMENT (document), FALSE);

  context = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlRelaxNGSetValidStructuredErrors (context, on_validity_error, &validation);
  result = xmlRelaxNGValidateDoc (context, unknot_xml_document_get_doc (document));
  xmlRelaxNGFreeValidCtxt (context);

  if (result != 0 && validation.n_errors == 0)
    on_validity_error (&validation, &(xmlError) { .message = (char *) "invalid document" });

  return result == 0;
}
