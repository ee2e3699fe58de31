/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-harness.h"

void
fuzz_harness_make_criticals_fatal (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
