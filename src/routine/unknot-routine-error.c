/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-routine-error.h"

G_DEFINE_QUARK (unknot-routine-error-quark, unknot_routine_error)
