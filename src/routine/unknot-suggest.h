/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint        unknot_edit_distance  (const char        *a,
                                    const char        *b);
const char  *unknot_suggest        (const char        *misspelt,
                                    const char *const *candidates);

G_END_DECLS
