/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-routine.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SUGGESTION (unknot_suggestion_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSuggestion, unknot_suggestion, UNKNOT, SUGGESTION, GObject)

UnknotSuggestion *unknot_suggestion_new         (UnknotRoutine    *routine,
                                                 const char       *why);
UnknotRoutine    *unknot_suggestion_get_routine (UnknotSuggestion *self);
const char       *unknot_suggestion_get_why     (UnknotSuggestion *self);

G_END_DECLS
