/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-media-path.h"
#include "unknot-media-reader.h"

/* Reads the "src" of an <image> or <audio> into the file it names, holding it to the
 * rules of unknot-media-path.c: relative, inside the routine's folder, and there. A
 * missing file is an error for the validator; in the app, a warning (the step runs
 * without it). */

static const char *const media_attributes[] = { "src", NULL };
/* An <image> may name the side it shows and how long it is shown in a sequence (the
 * picture reader reads both). */
static const char *const image_attributes[] = { "src", "side", "duration", NULL };

struct _UnknotMediaReader
{
  GObject parent_instance;

  UnknotElementReader *elements;
  GFile *folder;               /* nullable: loaded from memory, nothing to look up */
  gboolean missing_is_error;
};

G_DEFINE_FINAL_TYPE (UnknotMediaReader, unknot_media_reader, G_TYPE_OBJECT)

static void
unknot_media_reader_finalize (GObject *object)
{
  UnknotMediaReader *self = UNKNOT_MEDIA_READER (object);

  g_clear_object (&self->elements);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (unknot_media_reader_parent_class)->finalize (object);
}

static void
unknot_media_reader_class_init (UnknotMediaReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_media_reader_finalize;
}

static void
unknot_media_reader_init (UnknotMediaReader *self)
{
}

/**
 * unknot_media_reader_new:
 * @folder: (nullable): the routine file's folder; without one, paths are only checked
 *   as written
 * @missing_is_error: whether a file that is not there is an error, or a warning
 */
UnknotMediaReader *
unknot_media_reader_new (UnknotElementReader *elements,
                         GFile               *folder,
                         gboolean             missing_is_error)
{
  UnknotMediaReader *self;

  g_return_val_if_fail (UNKNOT_IS_ELEMENT_READER (elements), NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  self = g_object_new (UNKNOT_TYPE_MEDIA_READER, NULL);
  self->elements = g_object_ref (elements);
  self->folder = folder != NULL ? g_object_ref (folder) : NULL;
  self->missing_is_error = missing_is_error;
  return self;
}

/* The file @src names, if it may be used and is there; otherwise %NULL, reported. */
static GFile *
resolve (UnknotMediaReader *self,
         xmlNode           *node,
         const char        *src)
{
  UnknotProblemCollector *problems = unknot_element_reader_get_problems (self->elements);
  g_autoptr (GFile) media = NULL;
  g_autoptr (GError) error = NULL;
  gboolean is_warning;

  media = unknot_media_path_resolve (self->folder, src, &error);
  if (media == NULL)
    {
      unknot_problem_collector_report_gerror (problems, node, "src", error);
      return NULL;
    }
  if (unknot_media_path_check (self->folder, media, &error))
    return g_steal_pointer (&media);

  is_warning = error->code == UNKNOT_ROUTINE_ERROR_MISSING_MEDIA && !self->missing_is_error;
  unknot_problem_collector_report (problems, node, "src",
                                   is_warning ? UNKNOT_SEVERITY_WARNING : UNKNOT_SEVERITY_ERROR,
                                   error->code, "%s", error->message);
  return NULL;
}

/**
 * unknot_media_reader_read:
 * @node: an <image> or an <audio>
 *
 * Returns: (transfer full) (nullable): the media file, or %NULL if it cannot be used
 *   (reported) or the routine was loaded without a folder
 */
GFile *
unknot_media_reader_read (UnknotMediaReader *self,
                          xmlNode           *node)
{
  UnknotProblemCollector *problems;
  g_autofree char *src = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (UNKNOT_IS_MEDIA_READER (self), NULL);

  problems = unknot_element_reader_get_problems (self->elements);
  unknot_element_reader_check_attributes (self->elements, node,
                                          g_str_equal ((const char *) node->name, "image")
                                          ? image_attributes : media_attributes);
  unknot_element_reader_check_empty (self->elements, node);

  src = unknot_element_reader_get_attribute (node, "src");
  if (src == NULL)
    {
      unknot_problem_collector_error (problems, node, NULL,
                                      UNKNOT_ROUTINE_ERROR_MISSING_ATTRIBUTE,
                                      /* Translators: %s is image or audio */
                                      _("<%s> needs a src attribute with a path relative to the "
                                        "routine file"), unknot_element_reader_name_of (node));
      return NULL;
    }

  if (self->folder != NULL)
    return resolve (self, node, src);

  if (!unknot_media_path_validate (src, &error))
    unknot_problem_collector_report_gerror (problems, node, "src", error);
  return NULL;
}
