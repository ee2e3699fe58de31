/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-pack-error.h"

G_DEFINE_QUARK (unknot-pack-error-quark, unknot_pack_error)
