/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Small helpers shared by the test programs. */

char      *unknot_test_make_folder     (const char *prefix);
void       unknot_test_remove_folder   (const char *path);
void       unknot_test_write_file      (const char *folder,
                                        const char *name,
                                        const char *contents);
char      *unknot_test_source_path     (const char *first_element,
                                        ...) G_GNUC_NULL_TERMINATED;
gboolean   unknot_test_wait_until      (gboolean  (*condition) (gpointer),
                                        gpointer    data,
                                        guint       timeout_ms);

/* What a run of the built `unknot` printed, and how it ended. */
typedef struct
{
  int status;
  char *out;
  char *err;
} UnknotTestRun;

void       unknot_test_run_clear       (UnknotTestRun     *run);
void       unknot_test_run_unknot      (const char        *cwd,
                                        const char *const *environment,
                                        const char *const *arguments,
                                        UnknotTestRun     *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UnknotTestRun, unknot_test_run_clear)

/* What the benchmarks print of their samples, in the samples' own unit. */
typedef struct
{
  double median;
  double p99;
  double max;
} UnknotTestFigures;

UnknotTestFigures unknot_test_figures (GArray *samples);

G_END_DECLS
