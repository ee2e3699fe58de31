/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint     unknot_claimed_minutes     (const char *text);
gboolean  unknot_total_matches_claim (gint64      total_ms,
                                      guint       minutes);

G_END_DECLS
