/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *unknot_language_normalize       (const char         *tag);
gboolean unknot_language_is_tag          (const char         *tag);
GStrv    unknot_language_preferences     (const char *const  *locale_names);
int      unknot_language_rank            (const char *const  *preferences,
                                          const char         *tag);

G_END_DECLS
