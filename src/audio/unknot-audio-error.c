/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-audio-error.h"

G_DEFINE_QUARK (unknot-audio-error-quark, unknot_audio_error)
