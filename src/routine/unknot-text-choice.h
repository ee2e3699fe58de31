/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Picks one text among the xml:lang variants of an element, for the user's languages. */
typedef struct _UnknotTextChoice UnknotTextChoice;

UnknotTextChoice *unknot_text_choice_new           (const char *const *preferences);
void              unknot_text_choice_free          (UnknotTextChoice  *self);
gboolean          unknot_text_choice_add           (UnknotTextChoice  *self,
                                                    const char        *language,
                                                    const char        *text,
                                                    GError           **error);
guint             unknot_text_choice_get_n_variants (UnknotTextChoice *self);
const char       *unknot_text_choice_get_fallback  (UnknotTextChoice  *self);
const char       *unknot_text_choice_get_best      (UnknotTextChoice  *self);

char             *unknot_text_normalize            (const char        *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotTextChoice, unknot_text_choice_free)

G_END_DECLS
