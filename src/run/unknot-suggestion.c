/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-suggestion.h"

/* One routine suggested after a run, with the line that says why, in the user's
 * language. Made by unknot_after_run_suggest(); immutable. */
struct _UnknotSuggestion
{
  GObject parent_instance;

  UnknotRoutine *routine;
  char *why;
};

enum
{
  PROP_0,
  PROP_ROUTINE,
  PROP_WHY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotSuggestion, unknot_suggestion, G_TYPE_OBJECT)

static void
unknot_suggestion_finalize (GObject *object)
{
  UnknotSuggestion *self = UNKNOT_SUGGESTION (object);

  g_clear_object (&self->routine);
  g_free (self->why);

  G_OBJECT_CLASS (unknot_suggestion_parent_class)->finalize (object);
}

static void
unknot_suggestion_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UnknotSuggestion *self = UNKNOT_SUGGESTION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE: g_value_set_object (value, self->routine); break;
    case PROP_WHY: g_value_set_string (value, self->why); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_suggestion_class_init (UnknotSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = unknot_suggestion_finalize;
  object_class->get_property = unknot_suggestion_get_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, UNKNOT_TYPE_ROUTINE, flags);
  properties[PROP_WHY] = g_param_spec_string ("why", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_suggestion_init (UnknotSuggestion *self)
{
}

UnknotSuggestion *
unknot_suggestion_new (UnknotRoutine *routine,
                       const char    *why)
{
  UnknotSuggestion *self;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (why != NULL, NULL);

  self = g_object_new (UNKNOT_TYPE_SUGGESTION, NULL);
  self->routine = g_object_ref (routine);
  self->why = g_strdup (why);
  return self;
}

UnknotRoutine *
unknot_suggestion_get_routine (UnknotSuggestion *self)
{
  g_return_val_if_fail (UNKNOT_IS_SUGGESTION (self), NULL);
  return self->routine;
}

const char *
unknot_suggestion_get_why (UnknotSuggestion *self)
{
  g_return_val_if_fail (UNKNOT_IS_SUGGESTION (self), NULL);
  return self->why;
}
