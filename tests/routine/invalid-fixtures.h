/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "unknot-routine-error.h"

G_BEGIN_DECLS

/* What an invalid fixture is expected to make the parser say. */
typedef enum
{
  /* The fault is one of structure or spelling, so the schema alone rejects it too. */
  FIXTURE_SCHEMA_REJECTS = 1 << 0,
  /* Not well-formed, or refused before a tree exists: the schema never sees it. */
  FIXTURE_NOT_PARSED     = 1 << 1,
  /* Needs a symbolic link in its folder, made at run time. */
  FIXTURE_NEEDS_SYMLINK  = 1 << 2,
} FixtureFlags;

typedef struct
{
  const char *name;                 /* in fixtures/invalid/ */
  UnknotRoutineError code;          /* of the first problem, and of the GError */
  guint line;                       /* of the first problem; 0 for none */
  guint column;                     /* of the first problem; 0 for none, as in UnknotProblem */
  const char *keywords[4];          /* each must appear in the first problem's message */
  FixtureFlags flags;
} InvalidFixture;

extern const InvalidFixture invalid_fixtures[];
extern const guint n_invalid_fixtures;

const InvalidFixture *invalid_fixture_find (const char *name);

G_END_DECLS
