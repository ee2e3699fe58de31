/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "unknot-element-reader.h"

G_BEGIN_DECLS

/* The xml:lang variants of one translatable element, such as the <title>s of a step. */
typedef struct _UnknotTextVariants UnknotTextVariants;

UnknotTextVariants *unknot_text_variants_new          (const char          *element,
                                                       const char *const   *languages);
void                unknot_text_variants_free         (UnknotTextVariants  *self);
void                unknot_text_variants_add          (UnknotTextVariants  *self,
                                                       UnknotElementReader *elements,
                                                       xmlNode             *node);
const char         *unknot_text_variants_finish       (UnknotTextVariants  *self,
                                                       UnknotElementReader *elements,
                                                       xmlNode             *parent,
                                                       gboolean             required);
const char         *unknot_text_variants_get_best     (UnknotTextVariants  *self);
xmlNode            *unknot_text_variants_get_untranslated_node (UnknotTextVariants *self);
const char         *unknot_text_variants_get_untranslated      (UnknotTextVariants *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotTextVariants, unknot_text_variants_free)

G_END_DECLS
