/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-routine-parser.h"

G_BEGIN_DECLS

/* Helpers shared by the session tests. */

UnknotRoutine *session_fixture_load   (const char *name);
UnknotRoutine *session_fixture_parse  (const char *xml);

G_END_DECLS
