/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "history-test-utils.h"
#include "unknot-history-private.h"
#include "unknot-history-stats.h"
#include "unknot-history-time.h"
#include "unknot-test-utils.h"

/* Run by `meson test --benchmark`: a history of 100,000 sessions, five steps each, over
 * ten years ending now, then the time the history page's queries take together and the
 * time one write takes to commit. Targets: queries ≤ 50 ms, a write ≤ 5 ms. It prints
 * figures and fails only if something does not work. */

#define N_SESSIONS 100000
#define N_STEPS 5
#define YEARS 10
#define QUERY_RUNS 21
#define WRITE_RUNS 1000

static void
exec (sqlite3    *handle,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static const char *
pick_status (guint  i,
             guint *n_steps)
{
  *n_steps = N_STEPS;
  switch (i % 50)
    {
    case 0: *n_steps = 0; return "stopped";
    case 1: *n_steps = 2; return "stopped";
    case 2: *n_steps = 3; return "interrupted";
    default: return "completed";
    }
}

static void
insert_session (sqlite3_stmt *session,
                sqlite3_stmt *step,
                guint         i,
                gint64        started)
{
  guint n_steps;
  const char *status = pick_status (i, &n_steps);

  sqlite3_bind_text (session, 1, "post-run-recovery", -1, SQLITE_STATIC);
  sqlite3_bind_text (session, 2, "Post-run recovery", -1, SQLITE_STATIC);
  sqlite3_bind_text (session, 3, unknot_history_time_format_unix (started), -1, g_free);
  sqlite3_bind_text (session, 4, unknot_history_time_format_unix (started + 660), -1, g_free);
  sqlite3_bind_int (session, 5, n_steps * 120);
  sqlite3_bind_int (session, 6, n_steps);
  sqlite3_bind_text (session, 7, status, -1, SQLITE_STATIC);
  if (i % 2 == 0)
    sqlite3_bind_int (session, 8, 1 + i % 5);
  else
    sqlite3_bind_null (session, 8);
  g_assert_cmpint (sqlite3_step (session), ==, SQLITE_DONE);
  sqlite3_reset (session);

  for (guint s = 0; s < n_steps; s++)
    {
      sqlite3_bind_int64 (step, 1, sqlite3_last_insert_rowid (sqlite3_db_handle (step)));
      sqlite3_bind_int (step, 2, s);
      sqlite3_bind_text (step, 3, unknot_vocabulary_get_id (UNKNOT_VOCABULARY_REGION,
                                                            (i + s) % UNKNOT_N_REGIONS),
                         -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (step), ==, SQLITE_DONE);
      sqlite3_reset (step);
    }
}

/* Straight into the tables in one transaction: through the store, with a synced commit
 * per write, filling would take minutes. */
static void
fill (UnknotHistory *history,
      GDateTime     *now)
{
  sqlite3 *handle = unknot_history_db_get_handle (unknot_history_get_db (history));
  gint64 end = g_date_time_to_unix (now);
  gint64 span = (gint64) YEARS * 365 * 86400;
  sqlite3_stmt *session = NULL, *step = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
    "INSERT INTO sessions (routine_id, routine_name, routine_checksum, started_at, finished_at,"
    " planned_seconds, active_seconds, steps_completed, steps_total, status, feel)"
    " VALUES (?1, ?2, 'c0ffee', ?3, ?4, 660, ?5, ?6, 5, ?7, ?8)", -1, &session, NULL),
    ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
    "INSERT INTO steps (session_id, position, region, technique, side, seconds)"
    " VALUES (?1, ?2, ?3, 'rolling', 'each', 120)", -1, &step, NULL), ==, SQLITE_OK);

  exec (handle, "BEGIN");
  for (guint i = 0; i < N_SESSIONS; i++)
    insert_session (session, step, i, end - span + span / N_SESSIONS * i);
  exec (handle, "COMMIT");
  exec (handle, "PRAGMA wal_checkpoint (TRUNCATE)");
  sqlite3_finalize (session);
  sqlite3_finalize (step);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
print_figures (const char *what,
               GArray     *samples)
{
  UnknotTestFigures figures = unknot_test_figures (samples);

  g_print ("%-48s median %7.3f ms   p99 %7.3f ms   max %7.3f ms   (%u runs)\n", what,
           figures.median, figures.p99, figures.max, samples->len);
}

/* Everything the history page shows, as it would ask for it; each query's time goes
 * into its own column of @samples. */
enum { GOAL, CALENDAR, REGIONS, FEEL, LIST, N_QUERIES };

static const char *const query_names[N_QUERIES] = {
  "  goal progress and streaks (all weeks)",
  "  calendar of 12 weeks",
  "  minutes per region, 30 days",
  "  feel ratings, 90 days",
  "  newest 50 sessions",
};

static void
run_page_queries (UnknotHistory *history,
                  GDateTime     *now,
                  GArray       **samples)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) calendar = NULL;
  g_autoptr (GArray) ratings = NULL;
  g_autoptr (GPtrArray) recent = NULL;
  UnknotHistoryGoalProgress progress;
  guint64 seconds[UNKNOT_N_REGIONS];
  gint64 start = g_get_monotonic_time ();
  double ms;

#define LAP(query) \
  G_STMT_START { \
    ms = elapsed_ms (start); \
    g_array_append_val (samples[query], ms); \
    start = g_get_monotonic_time (); \
  } G_STMT_END

  unknot_history_get_goal_progress (history, now, UNKNOT_HISTORY_DEFAULT_WEEKLY_GOAL, &progress,
                                    &error);
  LAP (GOAL);
  calendar = unknot_history_get_calendar (history, now, 12, &error);
  LAP (CALENDAR);
  unknot_history_get_region_seconds (history, now, 30, seconds, &error);
  LAP (REGIONS);
  ratings = unknot_history_get_feel_ratings (history, now, 90, &error);
  LAP (FEEL);
  recent = unknot_history_list_sessions (history, 0, 50, &error);
  LAP (LIST);
#undef LAP

  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 50);
  g_assert_cmpuint (progress.best_streak, >, 500);
}

static void
bench_queries (UnknotHistory *history,
               GDateTime     *now)
{
  g_autoptr (GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *samples[N_QUERIES];

  for (guint q = 0; q < N_QUERIES; q++)
    samples[q] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < QUERY_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      run_page_queries (history, now, samples);
      ms = elapsed_ms (start);
      if (run == 0)
        g_print ("%-48s %7.3f ms\n", "history page queries, first run", ms);
      g_array_append_val (totals, ms);
    }
  print_figures ("history page queries, all together", totals);
  for (guint q = 0; q < N_QUERIES; q++)
    {
      print_figures (query_names[q], samples[q]);
      g_array_unref (samples[q]);
    }
}

static void
bench_writes (UnknotHistory *history,
              const char    *label)
{
  g_autoptr (UnknotRoutine) routine = history_test_routine_new ("calf-care", "Calf care");
  g_autoptr (GArray) begins = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) finishes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;

  for (guint run = 0; run < WRITE_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 id = unknot_history_begin (history, routine, 600000, 2, NULL, &error);
      double ms = elapsed_ms (start);

      g_array_append_val (begins, ms);
      start = g_get_monotonic_time ();
      unknot_history_record_step (history, id, UNKNOT_REGION_CALVES, UNKNOT_TECHNIQUE_ROLLING,
                                  UNKNOT_SIDE_EACH, 90, 95000, &error);
      ms = elapsed_ms (start);
      g_array_append_val (steps, ms);
      start = g_get_monotonic_time ();
      unknot_history_finish (history, id, UNKNOT_HISTORY_STATUS_COMPLETED, 95000, NULL, &error);
      ms = elapsed_ms (start);
      g_array_append_val (finishes, ms);
      g_assert_no_error (error);
    }

  what = g_strdup_printf ("session insert to commit (begin), %s", label);
  print_figures (what, begins);
  g_free (what);
  what = g_strdup_printf ("finished step to commit, %s", label);
  print_figures (what, steps);
  g_free (what);
  what = g_strdup_printf ("finish to commit, %s", label);
  print_figures (what, finishes);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = unknot_test_make_folder ("unknot-history-bench");
  g_autofree char *path = history_test_db_path (folder);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (UnknotHistory) history = history_test_open (path);
  gint64 start = g_get_monotonic_time ();

  g_print ("SQLite %s, %d sessions with up to %d steps over %d years\n", sqlite3_libversion (),
           N_SESSIONS, N_STEPS, YEARS);
  fill (history, now);
  g_print ("%-48s %7.0f ms\n", "filling (one transaction)", elapsed_ms (start));
  g_clear_object (&history);

  start = g_get_monotonic_time ();
  history = history_test_open (path);
  g_print ("%-48s %7.3f ms\n", "opening (with quick_check)", elapsed_ms (start));

  bench_queries (history, now);
  bench_writes (history, "synchronous=FULL");

  /* The comparison behind the choice of FULL in unknot-history-file.c. */
  exec (unknot_history_db_get_handle (unknot_history_get_db (history)),
        "PRAGMA synchronous = NORMAL");
  bench_writes (history, "synchronous=NORMAL");

  g_clear_object (&history);
  unknot_test_remove_folder (folder);
  return 0;
}
