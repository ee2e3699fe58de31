/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The routine files under tests/routine/fixtures/, shared by the parser, schema and
 * command-line tests. */

char      *routine_fixture_path          (const char *kind,
                                          const char *name);
GFile     *routine_fixture_file          (const char *kind,
                                          const char *name);
GPtrArray *routine_fixture_list          (const char *kind);
char      *routine_fixture_copy_to       (const char *kind,
                                          const char *name,
                                          const char *folder);
GBytes    *routine_fixture_make_wav      (void);

G_END_DECLS
