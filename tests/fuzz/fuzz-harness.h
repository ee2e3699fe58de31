/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What each harness defines: libFuzzer calls these, and so does fuzz-replay.c, which
 * runs the corpus through the same code in every build, without libFuzzer. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const guint8   *data,
                            size_t          size);

/* The outcome of one input in words, such as "valid" or "error 5", for the files in
 * crashes/ whose expected outcome is written beside them. */
char *fuzz_harness_describe (const guint8   *data,
                             size_t          size);

/* Turns GLib's critical warnings (a failed g_return_if_fail) into crashes, so that the
 * fuzzer reports them. */
void  fuzz_harness_make_criticals_fatal (void);

G_END_DECLS
