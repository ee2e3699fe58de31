/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-routine.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-problem.h"

/* A loaded routine, immutable: texts already in the user's language, every duration in
 * ms. Made by UnknotRoutineParser; the properties are read-only, for the UI. */
struct _UnknotRoutine
{
  GObject parent_instance;

  char *id;
  guint id_line;     /* where the id is written, for duplicate-id messages */
  guint id_column;
  char *name;
  char *description;
  char *author;      /* nullable */
  char *license;     /* nullable */
  char *safety;      /* nullable */
  gint64 prepare;    /* ms, or -1 for the user's setting */
  guint32 suits;     /* 1 << UnknotRunKind, from <suits run="…"/>; 0 if the file says none */
  GFile *file;
  GBytes *source;    /* the file's bytes as loaded */
  char *checksum;    /* SHA-256 of source, made when first asked for */
  GPtrArray *items;  /* of UnknotStep: steps and rests in file order */
  GPtrArray *warnings; /* of UnknotProblem: what is wrong but does not stop a session */
  char *search_key;  /* casefolded name, description and step titles */
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_ID_LINE,
  PROP_ID_COLUMN,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_AUTHOR,
  PROP_LICENSE,
  PROP_SAFETY,
  PROP_PREPARE,
  PROP_FILE,
  PROP_SOURCE,
  PROP_ITEMS,
  PROP_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotRoutine, unknot_routine, G_TYPE_OBJECT)

static void
unknot_routine_finalize (GObject *object)
{
  UnknotRoutine *self = UNKNOT_ROUTINE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->author);
  g_free (self->license);
  g_free (self->safety);
  g_clear_object (&self->file);
  g_clear_pointer (&self->source, g_bytes_unref);
  g_free (self->checksum);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self->search_key);

  G_OBJECT_CLASS (unknot_routine_parent_class)->finalize (object);
}

static void
unknot_routine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UnknotRoutine *self = UNKNOT_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_ID_LINE: g_value_set_uint (value, self->id_line); break;
    case PROP_ID_COLUMN: g_value_set_uint (value, self->id_column); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_LICENSE: g_value_set_string (value, self->license); break;
    case PROP_SAFETY: g_value_set_string (value, self->safety); break;
    case PROP_PREPARE: g_value_set_int64 (value, self->prepare); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_SOURCE: g_value_set_boxed (value, self->source); break;
    case PROP_ITEMS: g_value_set_boxed (value, self->items); break;
    case PROP_WARNINGS: g_value_set_boxed (value, self->warnings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
append_folded (GString    *key,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = g_utf8_casefold (text, -1);
  g_string_append (key, folded);
  g_string_append_c (key, '\n');
}

static char *
make_search_key (UnknotRoutine *self)
{
  GString *key = g_string_new (NULL);

  append_folded (key, self->name);
  append_folded (key, self->description);
  append_folded (key, self->author);
  for (guint i = 0; i < self->items->len; i++)
    append_folded (key, unknot_step_get_title (g_ptr_array_index (self->items, i)));
  return g_string_free (key, FALSE);
}

static void
unknot_routine_class_init (UnknotRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_routine_finalize;
  object_class->get_property = unknot_routine_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_ID_LINE] = g_param_spec_uint ("id-line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ID_COLUMN] = g_param_spec_uint ("id-column", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_LICENSE] = g_param_spec_string ("license", NULL, NULL, NULL, flags);
  properties[PROP_SAFETY] = g_param_spec_string ("safety", NULL, NULL, NULL, flags);
  properties[PROP_PREPARE] =
    g_param_spec_int64 ("prepare", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_SOURCE] = g_param_spec_boxed ("source", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_ITEMS] = g_param_spec_boxed ("items", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_WARNINGS] = g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_routine_init (UnknotRoutine *self)
{
}

static GPtrArray *
ref_or_new_array (GPtrArray *array)
{
  return array != NULL ? g_ptr_array_ref (array) : g_ptr_array_new_with_free_func (g_object_unref);
}

UnknotRoutine *
unknot_routine_new (const UnknotRoutineFields *fields)
{
  UnknotRoutine *self;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->id != NULL && fields->name != NULL, NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE, NULL);
  self->id = g_strdup (fields->id);
  self->id_line = fields->id_line;
  self->id_column = fields->id_column;
  self->name = g_strdup (fields->name);
  self->description = g_strdup (fields->description);
  self->author = g_strdup (fields->author);
  self->license = g_strdup (fields->license);
  self->safety = g_strdup (fields->safety);
  self->prepare = fields->prepare;
  self->suits = fields->suits;
  g_set_object (&self->file, fields->file);
  self->source = fields->source != NULL ? g_bytes_ref (fields->source) : NULL;
  self->items = ref_or_new_array (fields->items);
  self->warnings = ref_or_new_array (fields->warnings);
  self->search_key = make_search_key (self);
  return self;
}

const char *
unknot_routine_get_id (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
unknot_routine_get_name (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->name;
}

const char *
unknot_routine_get_description (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->description;
}

const char *
unknot_routine_get_author (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->author;
}

const char *
unknot_routine_get_license (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->license;
}

const char *
unknot_routine_get_safety (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->safety;
}

/* The get-ready countdown in ms, or -1 if the file leaves it to the user's setting. */
gint64
unknot_routine_get_prepare (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), -1);
  return self->prepare;
}

/* A bit set, 1 << UnknotRunKind, of the runs after which the routine says it suits; 0 when
 * its file has no <suits>. */
guint32
unknot_routine_get_suits (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);
  return self->suits;
}

GFile *
unknot_routine_get_file (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->file;
}

/* The SHA-256 of the file as it was loaded, so history can tell versions of a routine
 * apart. Made on first use: a library of a thousand routines should not pay for it. */
const char *
unknot_routine_get_checksum (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);

  if (self->checksum == NULL && self->source != NULL)
    self->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->source);
  return self->checksum;
}

/* Steps and rests, in file order. */
guint
unknot_routine_get_n_items (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);
  return self->items->len;
}

UnknotStep *
unknot_routine_get_item (UnknotRoutine *self,
                         guint          index)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

/* Steps only, without rests: what "N steps" counts. */
guint
unknot_routine_get_n_steps (UnknotRoutine *self)
{
  guint n = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (unknot_step_get_kind (g_ptr_array_index (self->items, i)) == UNKNOT_STEP_KIND_STEP)
      n++;
  return n;
}

/**
 * unknot_routine_get_warnings:
 *
 * Returns: (transfer none) (element-type UnknotProblem): problems found on loading that
 *   do not stop a session, such as a missing image.
 */
GPtrArray *
unknot_routine_get_warnings (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->warnings;
}

/* The planned length in ms: the get-ready countdown, every step (both sides and the gap
 * for "each") and every rest. The defaults fill in what the file leaves out. */
gint64
unknot_routine_get_total (UnknotRoutine *self,
                          gint64         default_prepare,
                          gint64         default_switch_gap)
{
  gint64 total;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  total = self->prepare >= 0 ? self->prepare : default_prepare;
  for (guint i = 0; i < self->items->len; i++)
    total += unknot_step_get_total (g_ptr_array_index (self->items, i), default_switch_gap);
  return total;
}

/* A bit set, 1 << UnknotRegion, of the regions the steps work on. */
guint32
unknot_routine_get_regions (UnknotRoutine *self)
{
  guint32 regions = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      UnknotStep *step = g_ptr_array_index (self->items, i);
      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP)
        regions |= 1u << unknot_step_get_region (step);
    }
  return regions;
}

/* A bit set, 1 << UnknotTool, of the tools the steps need. */
guint32
unknot_routine_get_tools (UnknotRoutine *self)
{
  guint32 tools = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      UnknotStep *step = g_ptr_array_index (self->items, i);
      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP)
        tools |= 1u << unknot_step_get_tool (step);
    }
  return tools;
}

/* Whether every word of @search appears in the name, description, author or a step
 * title, ignoring case. */
gboolean
unknot_routine_matches (UnknotRoutine *self,
                        const char    *search)
{
  g_autofree char *folded = NULL;
  g_auto (GStrv) words = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);

  if (search == NULL)
    return TRUE;

  folded = g_utf8_casefold (search, -1);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->search_key, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * unknot_routine_new_duplicate_id_problem:
 * @display_name: how to name this routine's file where the problem is
 * @path: the full path of this routine's file
 * @first_path: the full path of the file that uses the id already
 *
 * Both files are named by their full paths, since they often have the same name: a
 * user's copy of a shipped routine.
 *
 * Returns: (transfer full): the problem to report on this routine's file when another
 *   file in the same library came first with the same id (the first one wins).
 */
UnknotProblem *
unknot_routine_new_duplicate_id_problem (UnknotRoutine *self,
                                         const char    *display_name,
                                         const char    *path,
                                         const char    *first_path)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);

  /* Translators: the first %s is the routine's id, the second the full path of the file
   * that has the id first, the third the full path of this file */
  message = g_strdup_printf (_("the id \"%s\" is already used by %s; change the id in %s, so "
                               "that each routine has its own"), self->id, first_path, path);
  return unknot_problem_new (display_name, self->id_line, self->id_column,
                             UNKNOT_SEVERITY_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE_ID, message);
}
