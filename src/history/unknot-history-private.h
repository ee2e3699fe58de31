/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-history-db.h"
#include "unknot-history.h"

G_BEGIN_DECLS

/* For the other parts of src/history/ (queries, export) and for the tests and the
 * benchmark, which need the connection itself (to limit its size, to fill it fast). */
UnknotHistoryDb *unknot_history_get_db (UnknotHistory *self);

G_END_DECLS
