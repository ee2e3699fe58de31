/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-vocabulary.h"

G_BEGIN_DECLS

const char *unknot_vocabulary_alias_lookup (UnknotVocabulary  vocabulary,
                                            const char       *word);

G_END_DECLS
