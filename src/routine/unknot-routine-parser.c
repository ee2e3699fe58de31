/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-element-reader.h"
#include "unknot-file-reader.h"
#include "unknot-language.h"
#include "unknot-media-reader.h"
#include "unknot-problem-collector.h"
#include "unknot-routine-parser.h"
#include "unknot-routine-reader.h"
#include "unknot-schema.h"
#include "unknot-step-reader.h"
#include "unknot-xml-document.h"

/* Turns a routine file into an UnknotRoutine, or into a list of problems an author can
 * act on: file, line, column, what is wrong and, for typos, what was probably meant.
 *
 * The work is shared out, one job to a class:
 *
 *   UnknotProblemCollector  every problem of the file: counted, capped, located
 *   UnknotXmlDocument       libxml2, set up for files from strangers; where nodes are
 *   UnknotElementReader     the shape of any element: attributes, content, values
 *   UnknotRoutineReader     <routine>: its header, then its steps in order
 *   UnknotStepReader        <step> and <rest>
 *   UnknotTextVariants      the xml:lang versions of a text     (for both readers)
 *   UnknotCueReader         the <cue>s of a step
 *   UnknotMediaReader       <image> and <audio>
 *   unknot_schema_validate  the RELAX NG schema, last
 *
 * The readers check everything they can with a precise message first (unknown names,
 * the word lists, durations, cue times, media paths); only a file that passes is then
 * validated against the schema, which catches whatever structure is left. */

struct _UnknotRoutineParser
{
  GObject parent_instance;

  GStrv languages;                /* normalised preferences */
  gboolean missing_media_is_error;
};

G_DEFINE_FINAL_TYPE (UnknotRoutineParser, unknot_routine_parser, G_TYPE_OBJECT)

static void
unknot_routine_parser_finalize (GObject *object)
{
  UnknotRoutineParser *self = UNKNOT_ROUTINE_PARSER (object);

  g_strfreev (self->languages);

  G_OBJECT_CLASS (unknot_routine_parser_parent_class)->finalize (object);
}

static void
unknot_routine_parser_class_init (UnknotRoutineParserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_routine_parser_finalize;
}

static void
unknot_routine_parser_init (UnknotRoutineParser *self)
{
  self->languages = unknot_language_preferences (NULL);
}

/* A parser for the user's languages that treats missing media as a warning, as the app
 * does; the validator makes it an error. */
UnknotRoutineParser *
unknot_routine_parser_new (void)
{
  return g_object_new (UNKNOT_TYPE_ROUTINE_PARSER, NULL);
}

/* @locale_names: as g_get_language_names() returns them, or %NULL for the user's. */
void
unknot_routine_parser_set_languages (UnknotRoutineParser *self,
                                     const char *const   *locale_names)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PARSER (self));

  g_strfreev (self->languages);
  self->languages = unknot_language_preferences (locale_names);
}

void
unknot_routine_parser_set_missing_media_is_error (UnknotRoutineParser *self,
                                                  gboolean             is_error)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PARSER (self));
  self->missing_media_is_error = is_error;
}

/* The root must be <routine> before anything else in the file can be judged. */
static gboolean
check_root (UnknotElementReader *elements,
            xmlNode             *root)
{
  const char *name = unknot_element_reader_name_of (root);

  if (!unknot_element_reader_check_namespace (elements, root))
    return FALSE;
  if (g_str_equal (name, "routine"))
    return TRUE;

  unknot_problem_collector_error (unknot_element_reader_get_problems (elements), root, NULL,
                                  UNKNOT_ROUTINE_ERROR_WRONG_ROOT,
                                  /* Translators: %s is the name of the file's first element, such
                                   * as workout */
                                  _("the file starts with <%s>, but a routine file starts with "
                                    "<routine format=\"1\" id=\"…\">"), name);
  return FALSE;
}

static UnknotRoutine *
read_document (UnknotRoutineParser    *self,
               UnknotXmlDocument      *document,
               UnknotProblemCollector *problems,
               GFile                  *file,
               GBytes                 *bytes)
{
  const char *const *languages = (const char *const *) self->languages;
  g_autoptr (GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autoptr (UnknotElementReader) elements = unknot_element_reader_new (problems);
  g_autoptr (UnknotMediaReader) media = NULL;
  g_autoptr (UnknotStepReader) steps = NULL;
  g_autoptr (UnknotRoutineReader) reader = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  xmlNode *root = unknot_xml_document_get_root (document);

  if (!check_root (elements, root))
    return NULL;

  media = unknot_media_reader_new (elements, folder, self->missing_media_is_error);
  steps = unknot_step_reader_new (elements, media, languages);
  reader = unknot_routine_reader_new (elements, steps, languages);
  routine = unknot_routine_reader_read (reader, root, file, bytes);

  if (routine == NULL || !unknot_schema_validate (document, problems))
    return NULL;
  return g_steal_pointer (&routine);
}

static UnknotRoutine *
load (UnknotRoutineParser    *self,
      UnknotProblemCollector *problems,
      GBytes                 *bytes,
      GFile                  *file)
{
  g_autoptr (UnknotXmlDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  /* The cap holds for bytes from anywhere, not only for files read here. */
  if (!unknot_file_reader_check_size (g_bytes_get_size (bytes), UNKNOT_ROUTINE_MAX_BYTES, &error))
    {
      unknot_problem_collector_add (problems, 0, 0, UNKNOT_SEVERITY_ERROR, error->code,
                                    error->message);
      return NULL;
    }

  document = unknot_xml_document_parse (bytes, problems);
  if (document == NULL)
    return NULL;

  unknot_problem_collector_set_document (problems, document);
  return read_document (self, document, problems, file, bytes);
}

/**
 * unknot_routine_parser_load_bytes:
 * @bytes: the file's content
 * @file: (nullable): where it came from; media paths resolve against its folder and are
 *   checked on disk only when it is given
 * @display_name: (nullable): how to name the file in messages; by default its path
 * @problems: (out) (optional) (transfer full) (element-type UnknotProblem): every error
 *   and warning, in file order, at most 20 and a count of the rest
 *
 * Returns: (transfer full) (nullable): the routine, or %NULL with @error set to the
 *   first problem.
 */
UnknotRoutine *
unknot_routine_parser_load_bytes (UnknotRoutineParser  *self,
                                  GBytes               *bytes,
                                  GFile                *file,
                                  const char           *display_name,
                                  GPtrArray           **problems,
                                  GError              **error)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr (UnknotProblemCollector) collector = NULL;
  g_autoptr (GPtrArray) found = NULL;
  UnknotRoutine *routine;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  collector = unknot_problem_collector_new (display_name ? display_name
                                                         : path ? path : "routine.xml");
  routine = load (self, collector, bytes, file);
  found = unknot_problem_collector_finish (collector, routine == NULL ? error : NULL);
  /* The collector keeps the document alive, and the document its parser: let both go. */
  unknot_problem_collector_set_document (collector, NULL);

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return routine;
}

/**
 * unknot_routine_parser_load_file:
 *
 * Like unknot_routine_parser_load_bytes(), reading @file first: only regular files,
 * at most %UNKNOT_ROUTINE_MAX_BYTES.
 */
UnknotRoutine *
unknot_routine_parser_load_file (UnknotRoutineParser  *self,
                                 GFile                *file,
                                 const char           *display_name,
                                 GPtrArray           **problems,
                                 GError              **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) read_error = NULL;
  g_autoptr (UnknotProblem) problem = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PARSER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = unknot_file_reader_read (file, UNKNOT_ROUTINE_MAX_BYTES, &read_error);
  if (bytes != NULL)
    return unknot_routine_parser_load_bytes (self, bytes, file, display_name, problems, error);

  path = g_file_get_parse_name (file);
  problem = unknot_problem_new (display_name ? display_name : path, 0, 0, UNKNOT_SEVERITY_ERROR,
                                read_error->code, read_error->message);
  g_propagate_error (error, unknot_problem_to_error (problem));
  if (problems != NULL)
    {
      *problems = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (*problems, g_steal_pointer (&problem));
    }
  return NULL;
}
