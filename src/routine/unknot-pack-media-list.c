/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-pack-media-list.h"

#include "unknot-pack-path.h"
#include "unknot-problem-collector.h"
#include "unknot-xml-document.h"

/* A pack must hold nothing but its routine and the media that routine names; this is
 * the list of what it names, read straight from the XML (before the routine is loaded,
 * and whatever the user's languages), with each file's line and column for messages. */

/* A media file the routine names, and where. */
typedef struct
{
  char *path; /* as the file is named in the pack */
  guint line;
  guint column;
} Reference;

struct _UnknotPackMediaList
{
  GPtrArray *references; /* of Reference, in the order the routine names them */
};

static void
reference_free (gpointer data)
{
  Reference *reference = data;

  g_free (reference->path);
  g_free (reference);
}

static void
add_reference (GPtrArray         *references,
               UnknotXmlDocument *document,
               xmlNode           *media)
{
  xmlChar *src = xmlGetNoNsProp (media, (const xmlChar *) "src");
  Reference *reference;

  if (src == NULL)
    return;
  reference = g_new0 (Reference, 1);
  reference->path = unknot_pack_path_from_src ((const char *) src);
  xmlFree (src);
  unknot_xml_document_locate (document, media, "src", &reference->line, &reference->column);
  if (reference->path != NULL)
    g_ptr_array_add (references, reference);
  else
    reference_free (reference);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL
         && g_str_equal ((const char *) node->name, name);
}

/**
 * unknot_pack_media_list_find:
 * @routine: the routine file's bytes
 * @routine_name: its name in the pack, for problems nobody sees
 *
 * Every <image> and <audio> of every <step>.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL if the routine file cannot be
 *   read as one: its problems are then the parser's to report.
 */
UnknotPackMediaList *
unknot_pack_media_list_find (GBytes     *routine,
                             const char *routine_name)
{
  g_autoptr (UnknotProblemCollector) problems = unknot_problem_collector_new (routine_name);
  g_autoptr (UnknotXmlDocument) document = unknot_xml_document_parse (routine, problems);
  UnknotPackMediaList *self;
  xmlNode *root;

  if (document == NULL || unknot_problem_collector_get_n_errors (problems) > 0)
    return NULL;
  root = unknot_xml_document_get_root (document);
  if (root == NULL || !is_element (root, "routine"))
    return NULL;

  self = g_new0 (UnknotPackMediaList, 1);
  self->references = g_ptr_array_new_with_free_func (reference_free);
  for (xmlNode *step = root->children; step != NULL; step = step->next)
    if (is_element (step, "step"))
      for (xmlNode *child = step->children; child != NULL; child = child->next)
        if (is_element (child, "image") || is_element (child, "audio"))
          add_reference (self->references, document, child);
  return self;
}

void
unknot_pack_media_list_free (UnknotPackMediaList *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->references);
  g_free (self);
}

guint
unknot_pack_media_list_get_size (UnknotPackMediaList *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->references->len;
}

/* Returns: the path of the file as it is named in the pack; @line and @column say where
 * the routine names it. */
const char *
unknot_pack_media_list_get (UnknotPackMediaList *self,
                            guint                index,
                            guint               *line,
                            guint               *column)
{
  Reference *reference;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->references->len, NULL);

  reference = g_ptr_array_index (self->references, index);
  if (line != NULL)
    *line = reference->line;
  if (column != NULL)
    *column = reference->column;
  return reference->path;
}

/* Whether the routine names the file at @path in the pack. */
gboolean
unknot_pack_media_list_names (UnknotPackMediaList *self,
                              const char          *path)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < self->references->len; i++)
    if (g_str_equal (((Reference *) g_ptr_array_index (self->references, i))->path, path))
      return TRUE;
  return FALSE;
}
