/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-history-error.h"

G_DEFINE_QUARK (unknot-history-error-quark, unknot_history_error)
