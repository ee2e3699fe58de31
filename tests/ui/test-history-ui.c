/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "unknot-calendar-heatmap-private.h"
#include "unknot-feel-chart-private.h"
#include "unknot-goal-ring.h"
#include "unknot-history-export.h"
#include "unknot-history-figures.h"
#include "unknot-history-page.h"
#include "unknot-region-chart-private.h"
#include "unknot-session-list.h"
#include "unknot-summary-page.h"
#include "unknot-test-utils.h"
#include "unknot-ui-test.h"

/* The history page in the real window: empty at first, then a routine run at high speed
 * to its summary and rated, shown on the page (list, goal, calendar, charts), deleted
 * and brought back from the toast, exported, and the page without a history. */

/* A routine of a few seconds, run at real speed: a preview at a higher speed would not
 * be recorded. */
#define ROUTINE_ID "quick-legs"
#define ROUTINE_NAME "Quick legs"

static const char quick_routine[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<routine format=\"1\" id=\"" ROUTINE_ID "\">\n"
  "  <name>" ROUTINE_NAME "</name>\n"
  "  <description>A routine of a few seconds, for the history tests.</description>\n"
  "  <prepare duration=\"0s\"/>\n"
  "  <step region=\"calves\" technique=\"petrissage\" side=\"each\" switch=\"1s\" "
  "duration=\"3s\">\n"
  "    <title>Knead the calf</title><instructions>Squeeze and lift.</instructions>\n"
  "  </step>\n"
  "  <step region=\"hamstrings\" technique=\"rolling\" tool=\"foam-roller\" "
  "duration=\"4s\">\n"
  "    <title>Roll</title><instructions>Roll slowly.</instructions>\n"
  "  </step>\n"
  "  <step region=\"feet\" technique=\"friction\" duration=\"2s\">\n"
  "    <title>Rub</title><instructions>Rub the sole.</instructions>\n"
  "  </step>\n"
  "</routine>\n";

static UnknotApplication *application;
static gint64 recorded_id;

static UnknotWindow *
get_window (void)
{
  return unknot_ui_test_get_window (application);
}

static UnknotHistoryPage *
get_page (void)
{
  return UNKNOT_HISTORY_PAGE (unknot_ui_test_get_page (get_window (), "history"));
}

static UnknotSummaryPage *
get_summary_page (void)
{
  return UNKNOT_SUMMARY_PAGE (unknot_ui_test_get_page (get_window (), "summary"));
}

/* What the page shows: "history", "empty" (no session yet) or "unavailable". */
static const char *
get_state (UnknotHistoryPage *page)
{
  return gtk_stack_get_visible_child_name (unknot_ui_test_get_child (page,
                                                                     UNKNOT_TYPE_HISTORY_PAGE,
                                                                     "stack"));
}

/* One of the figures at the top of the page, by its id in the template. */
static gpointer
get_figure (UnknotHistoryPage *page,
            const char        *name)
{
  gpointer figures = unknot_ui_test_get_child (page, UNKNOT_TYPE_HISTORY_PAGE, "figures");

  return unknot_ui_test_get_child (figures, UNKNOT_TYPE_HISTORY_FIGURES, name);
}

static GtkListBox *
get_session_rows (UnknotHistoryPage *page)
{
  gpointer list = unknot_ui_test_get_child (page, UNKNOT_TYPE_HISTORY_PAGE, "session_list");

  return unknot_ui_test_get_child (list, UNKNOT_TYPE_SESSION_LIST, "rows");
}

static guint
count_sessions (UnknotHistoryPage *page)
{
  return unknot_ui_test_count_rows (get_session_rows (page));
}

static AdwActionRow *
get_row (UnknotHistoryPage *page,
         guint              index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_session_rows (page), index);

  g_assert_nonnull (row);
  return ADW_ACTION_ROW (row);
}

static void
activate (const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (get_window ()), action, NULL);
}

static gboolean
is_on_summary (gpointer data)
{
  return g_strcmp0 (unknot_ui_test_get_page_name (get_window ()), "summary") == 0;
}

static gboolean
is_rated (gpointer data)
{
  return unknot_run_get_rating (unknot_window_get_run (get_window ())) == GPOINTER_TO_UINT (data);
}

/* Clicks the summary's button of @rating, 1 to 5, by keyboard. */
static void
choose_rating (guint rating)
{
  GtkWidget *box = unknot_ui_test_get_child (get_summary_page (), UNKNOT_TYPE_SUMMARY_PAGE,
                                             "rating_box");
  GtkWidget *button = gtk_widget_get_first_child (box);

  for (guint i = 1; i < rating; i++)
    button = gtk_widget_get_next_sibling (button);
  gtk_widget_activate (button);
}

static void
open_history (void)
{
  UnknotWindow *window = get_window ();

  activate ("win.show-history");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "history");
}

static GDate
get_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return today;
}

/* A button that activates @action, found as a user sees it: on show, under @root. */
static GtkWidget *
find_button_with_action (GtkWidget  *root,
                         const char *action)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The id of the session a row of the list shows, as its delete button holds it. */
static gint64
get_row_session_id (AdwActionRow *row)
{
  GtkWidget *button = find_button_with_action (GTK_WIDGET (row), "sessions.delete");

  g_assert_nonnull (button);
  return g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)));
}

static void
test_empty (void)
{
  UnknotWindow *window = get_window ();

  open_history ();
  g_assert_cmpstr (get_state (get_page ()), ==, "empty");
  g_assert_cmpuint (count_sessions (get_page ()), ==, 0);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "No Sessions Yet"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-empty");
  activate ("win.show-library");
}

/* Seconds per region in the routine, sides included, as the history records them. */
static void
get_routine_seconds (UnknotRoutine *routine,
                     guint64        seconds[UNKNOT_N_REGIONS])
{
  memset (seconds, 0, sizeof (guint64) * UNKNOT_N_REGIONS);
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      if (unknot_step_get_kind (step) != UNKNOT_STEP_KIND_STEP)
        continue;
      seconds[unknot_step_get_region (step)] +=
        unknot_step_get_duration (step) / 1000
        * (unknot_step_get_side (step) == UNKNOT_SIDE_EACH ? 2 : 1);
    }
}

static void
run_and_rate (guint rating)
{
  UnknotWindow *window = get_window ();

  unknot_application_set_speed (application, 1.0);
  g_assert_true (unknot_window_start (window, ROUTINE_ID, NULL));
  /* A running routine keeps the screen: the history cannot hide it. */
  activate ("win.show-history");
  g_assert_cmpstr (unknot_ui_test_get_page_name (window), ==, "player");

  g_assert_true (unknot_test_wait_until (is_on_summary, NULL, 30000));
  choose_rating (rating);
  g_assert_true (unknot_test_wait_until (is_rated, GUINT_TO_POINTER (rating), 2000));
}

static void
assert_shows_the_session (guint rating)
{
  UnknotWindow *window = get_window ();
  UnknotHistoryPage *page = get_page ();
  UnknotRoutine *routine = unknot_library_lookup (unknot_application_get_library (application),
                                                  ROUTINE_ID);
  AdwActionRow *row;
  UnknotRegionChart *chart = get_figure (page, "region_chart");
  UnknotCalendarHeatmap *calendar = get_figure (page, "calendar");
  UnknotFeelChart *feel_chart = get_figure (page, "feel_chart");
  guint64 expected[UNKNOT_N_REGIONS];
  GDate today = get_today ();
  g_autofree char *felt = g_strdup_printf ("Felt %u of 5", rating);

  g_assert_cmpstr (get_state (page), ==, "history");

  /* The list: the routine's name, its status and rating. */
  g_assert_cmpuint (count_sessions (page), ==, 1);
  row = get_row (page, 0);
  g_assert_cmpint (get_row_session_id (row), ==, recorded_id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   unknot_routine_get_name (routine));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Completed"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), felt));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), ROUTINE_NAME));

  /* The goal: one session of the default two this week, no week met yet. */
  g_assert_cmpstr (unknot_goal_ring_get_text (get_figure (page, "goal_ring")), ==,
                   "1 of 2 this week");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "1 of 2 this week"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Current streak: 0 weeks"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Best streak: 0 weeks"));

  /* The calendar: today, at the strongest level, as the only day. */
  g_assert_cmpuint (unknot_calendar_heatmap_get_n_weeks (calendar), ==, 12);
  g_assert_cmpuint (unknot_calendar_heatmap_get_sessions (calendar, &today), ==, 1);
  g_assert_cmpuint (unknot_calendar_heatmap_get_level (calendar, &today), ==, 4);
  g_assert_cmpstr (unknot_calendar_heatmap_get_summary (calendar), ==,
                   "1 session on 1 day in the last 12 weeks. Today: 1 session");

  /* The regions: the routine's time per region, most first, calves on top. */
  get_routine_seconds (routine, expected);
  g_assert_cmpuint (unknot_region_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpint (unknot_region_chart_get_region (chart, 0), ==, UNKNOT_REGION_CALVES);
  for (guint i = 0; i < unknot_region_chart_get_n_bars (chart); i++)
    {
      UnknotRegion region = unknot_region_chart_get_region (chart, i);

      /* Each step's time is rounded to the second on the real clock. */
      g_assert_cmpint (ABS ((gint64) unknot_region_chart_get_seconds (chart, i)
                            - (gint64) expected[region]), <=, 1);
      if (i > 0)
        g_assert_cmpuint (unknot_region_chart_get_seconds (chart, i), <=,
                          unknot_region_chart_get_seconds (chart, i - 1));
    }
  g_assert_true (g_str_has_prefix (unknot_region_chart_get_summary (chart), "Calves "));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));

  /* The ratings: one dot, at the rating given. */
  g_assert_cmpuint (unknot_feel_chart_get_n_points (feel_chart), ==, 1);
  g_assert_cmpuint (unknot_feel_chart_get_feel (feel_chart, 0), ==, rating);
}

static void
test_session_shown (void)
{
  UnknotWindow *window = get_window ();
  GSettings *settings = unknot_application_get_settings (application);
  UnknotHistoryPage *page;
  g_autoptr (GPtrArray) sessions = NULL;

  run_and_rate (4);
  sessions = unknot_history_list_sessions (unknot_application_get_history (application), 0, 0,
                                           NULL);
  g_assert_cmpuint (sessions->len, ==, 1);
  recorded_id = ((UnknotHistorySession *) g_ptr_array_index (sessions, 0))->id;

  open_history ();
  page = get_page ();
  assert_shows_the_session (4);
  g_assert_cmpint (gtk_accessible_get_accessible_role (
                     GTK_ACCESSIBLE (get_figure (page, "goal_ring"))), ==,
                   GTK_ACCESSIBLE_ROLE_METER);
  g_assert_cmpint (gtk_accessible_get_accessible_role (
                     GTK_ACCESSIBLE (get_figure (page, "region_chart"))), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history");

  /* A new weekly goal shows at once: this week meets a goal of one, a streak of one. */
  g_settings_set_int (settings, "weekly-goal", 1);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (unknot_goal_ring_get_text (get_figure (page, "goal_ring")), ==,
                   "1 of 1 this week");
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Current streak: 1 week"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Best streak: 1 week"));
  g_settings_reset (settings, "weekly-goal");
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "1 of 2 this week"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* The window stays as the user left it, so the narrowest case is a page of its own in a
 * window 360 px wide, the window's minimum width, on the same history. */
static void
test_narrow (void)
{
  UnknotHistoryPage *page = UNKNOT_HISTORY_PAGE (unknot_history_page_new ());
  GtkWidget *window = gtk_window_new ();
  GtkWidget *charts[] = {
    get_figure (page, "goal_ring"),
    get_figure (page, "calendar"),
    get_figure (page, "region_chart"),
    get_figure (page, "feel_chart"),
  };

  unknot_history_page_set_settings (page, unknot_application_get_settings (application));
  unknot_history_page_set_history (page, unknot_application_get_history (application));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 1000);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  unknot_ui_test_wait_frames (window, 3);

  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  g_assert_cmpstr (get_state (page), ==, "history");
  g_assert_cmpuint (count_sessions (page), ==, 1);
  g_assert_cmpuint (unknot_region_chart_get_n_bars (get_figure (page, "region_chart")), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (charts[i], window, &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 0);
      g_assert_cmpfloat (bounds.size.height, >, 0);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
    }
  unknot_ui_test_screenshot (window, "history-narrow");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_no_label (gpointer data)
{
  return unknot_ui_test_find_label (GTK_WIDGET (get_window ()), data) == NULL;
}

static gboolean
shows_label (gpointer data)
{
  return unknot_ui_test_find_label (GTK_WIDGET (get_window ()), data) != NULL;
}

static gboolean
shows_n_sessions (gpointer data)
{
  return count_sessions (get_page ()) == GPOINTER_TO_UINT (data);
}

static void
delete_first_row (void)
{
  GtkWidget *button = find_button_with_action (GTK_WIDGET (get_row (get_page (), 0)),
                                               "sessions.delete");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static void
test_delete_and_undo (void)
{
  UnknotWindow *window = get_window ();
  UnknotHistory *history = unknot_application_get_history (application);
  g_autoptr (UnknotHistorySession) before = NULL;
  g_autoptr (UnknotHistorySession) after = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *undo;

  open_history ();
  before = unknot_history_get_session (history, recorded_id, &error);
  g_assert_no_error (error);

  delete_first_row ();
  g_assert_true (unknot_test_wait_until (shows_n_sessions, GUINT_TO_POINTER (0), 2000));
  g_assert_cmpstr (get_state (get_page ()), ==, "empty");
  g_assert_null (unknot_history_get_session (history, recorded_id, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), ROUTINE_NAME "” deleted"));
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-deleted");

  /* Undo: the same session, with its id, rating and steps. */
  undo = find_button_with_label (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  g_assert_true (unknot_test_wait_until (shows_n_sessions, GUINT_TO_POINTER (1), 2000));
  g_assert_true (unknot_test_wait_until (shows_no_label, (gpointer) "” deleted", 2000));
  after = unknot_history_get_session (history, recorded_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->feel, ==, 4);
  g_assert_cmpuint (after->steps->len, ==, before->steps->len);
  g_assert_cmpuint (after->active_seconds, ==, before->active_seconds);
  g_assert_true (g_date_time_equal (after->started_at, before->started_at));
  assert_shows_the_session (4);
}

static void
test_export (void)
{
  UnknotWindow *window = get_window ();
  g_autofree char *folder = unknot_test_make_folder ("unknot-export");
  g_autofree char *path = g_build_filename (folder, "unknot-history.csv", NULL);
  g_autofree char *missing = g_build_filename (folder, "no such folder", "history.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) nowhere = g_file_new_for_path (missing);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL));
  /* An existing file is replaced whole. */
  unknot_test_write_file (folder, "unknot-history.csv", "an older export\n");
  unknot_window_export_history (window, file);
  /* Written on a thread of its own; the toast says when it is done. */
  g_assert_true (unknot_test_wait_until (shows_label,
                                         (gpointer) "History exported to unknot-history.csv",
                                         5000));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, UNKNOT_HISTORY_CSV_HEADER "\r\n"));
  g_assert_nonnull (strstr (contents, "," ROUTINE_ID "," ROUTINE_NAME ",completed,"));
  /* The rating and the regions of the steps done, in the order first worked on. */
  g_assert_nonnull (strstr (contents, ",4,calves;hamstrings;feet,\r\n"));
  g_assert_null (strstr (contents, "an older export"));

  /* A folder that is not there: the user is told, and nothing is left behind. */
  unknot_window_export_history (window, nowhere);
  g_assert_true (unknot_test_wait_until (shows_label,
                                         (gpointer) "The history could not be exported", 5000));
  {
    g_autoptr (GDir) dir = g_dir_open (folder, 0, &error);
    guint n = 0;

    g_assert_no_error (error);
    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  unknot_ui_test_close_toast (get_window ());
  g_assert_true (unknot_test_wait_until (shows_no_label, (gpointer) "could not be exported",
                                          2000));
  unknot_test_remove_folder (folder);
}

/* A toast that goes away without undo leaves the session deleted. */
static void
test_delete_stands (void)
{
  UnknotHistory *history = unknot_application_get_history (application);
  g_autoptr (GError) error = NULL;

  open_history ();
  delete_first_row ();
  g_assert_true (unknot_test_wait_until (shows_n_sessions, GUINT_TO_POINTER (0), 2000));
  unknot_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (get_window ()), "” deleted"));
  unknot_ui_test_close_toast (get_window ());
  g_assert_true (unknot_test_wait_until (shows_no_label, (gpointer) "” deleted", 2000));

  g_assert_null (unknot_history_get_session (history, recorded_id, &error));
  g_assert_error (error, UNKNOT_HISTORY_ERROR, UNKNOT_HISTORY_ERROR_NOT_FOUND);
  g_assert_cmpstr (get_state (get_page ()), ==, "empty");
}

/* Noon or evening of the Thursday @weeks_ago weeks before this one, local time: well
 * inside its week whatever the day the test runs. */
static GDateTime *
thursday (guint weeks_ago,
          int   hour)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) noon = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      hour, 0, 0);

  return g_date_time_add_days (noon, 3 - (g_date_time_get_day_of_week (now) - 1)
                                     - 7 * (int) weeks_ago);
}

static gint64
add_session (guint        weeks_ago,
             int          hour,
             UnknotRegion region,
             guint        feel)
{
  UnknotHistory *history = unknot_application_get_history (application);
  UnknotRoutine *routine = unknot_library_lookup (unknot_application_get_library (application),
                                                  "post-run-recovery");
  g_autoptr (GDateTime) start = thursday (weeks_ago, hour);
  g_autoptr (GDateTime) end = g_date_time_add_minutes (start, 10);
  g_autoptr (GError) error = NULL;
  gint64 id = unknot_history_begin (history, routine, 600000, 1, start, &error);

  g_assert_no_error (error);
  unknot_history_record_step (history, id, region, UNKNOT_TECHNIQUE_ROLLING, UNKNOT_SIDE_BOTH,
                              600, 600000, &error);
  g_assert_no_error (error);
  unknot_history_finish (history, id, UNKNOT_HISTORY_STATUS_COMPLETED, 600000, end, &error);
  g_assert_no_error (error);
  unknot_history_set_feedback (history, id, feel, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
scroll_to (UnknotHistoryPage *page,
           gboolean           end)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (get_row (page, 0)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, end ? gtk_adjustment_get_upper (adjustment) : 0);
  unknot_ui_test_wait_frames (GTK_WIDGET (page), 2);
}

/* Weeks of sessions, as from weeks of use: two in each of the last three weeks meet the
 * goal of two, one five weeks ago does not; none yet this week, which breaks nothing. */
static void
test_weeks_of_sessions (void)
{
  UnknotWindow *window = get_window ();
  UnknotHistoryPage *page;
  UnknotCalendarHeatmap *calendar;
  UnknotRegionChart *chart;
  g_autoptr (GDateTime) busy = thursday (1, 12);
  g_autoptr (GDateTime) quiet = thursday (5, 12);
  GDate busy_day, quiet_day;
  gint64 newest;
  static const guint feels[] = { 2, 3, 3, 4, 4, 5 };

  add_session (5, 12, UNKNOT_REGION_FEET, 2);
  for (guint week = 3; week >= 1; week--)
    {
      add_session (week, 12, UNKNOT_REGION_CALVES, feels[2 * (3 - week)]);
      newest = add_session (week, 18, week == 1 ? UNKNOT_REGION_HAMSTRINGS : UNKNOT_REGION_CALVES,
                            feels[2 * (3 - week) + 1]);
    }

  open_history ();
  page = get_page ();
  calendar = get_figure (page, "calendar");
  chart = get_figure (page, "region_chart");
  g_assert_cmpstr (get_state (page), ==, "history");

  g_assert_cmpuint (count_sessions (page), ==, 7);
  g_assert_cmpint (get_row_session_id (get_row (page, 0)), ==, newest);
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "0 of 2 this week"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Current streak: 3 weeks"));
  g_assert_nonnull (unknot_ui_test_find_label (GTK_WIDGET (window), "Best streak: 3 weeks"));

  /* Two sessions make the busiest day; one is half as strong. */
  g_date_clear (&busy_day, 1);
  g_date_set_dmy (&busy_day, g_date_time_get_day_of_month (busy), g_date_time_get_month (busy),
                  g_date_time_get_year (busy));
  g_date_clear (&quiet_day, 1);
  g_date_set_dmy (&quiet_day, g_date_time_get_day_of_month (quiet), g_date_time_get_month (quiet),
                  g_date_time_get_year (quiet));
  g_assert_cmpuint (unknot_calendar_heatmap_get_sessions (calendar, &busy_day), ==, 2);
  g_assert_cmpuint (unknot_calendar_heatmap_get_level (calendar, &busy_day), ==, 4);
  g_assert_cmpuint (unknot_calendar_heatmap_get_sessions (calendar, &quiet_day), ==, 1);
  g_assert_cmpuint (unknot_calendar_heatmap_get_level (calendar, &quiet_day), ==, 2);

  /* The last 30 days: five sessions on the calves, one on the hamstrings; the feet were
   * five weeks ago. */
  g_assert_cmpstr (unknot_region_chart_get_summary (chart), ==,
                   "Calves 50 minutes, Hamstrings 10 minutes");
  g_assert_cmpuint (unknot_feel_chart_get_n_points (get_figure (page, "feel_chart")), ==, 7);
  g_assert_cmpstr (unknot_feel_chart_get_summary (get_figure (page, "feel_chart")), ==,
                   "7 ratings, average 3.3 of 5, latest 5 of 5");

  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-weeks");
  scroll_to (page, TRUE);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-weeks-end");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-weeks-end-dark");
  scroll_to (page, FALSE);
  unknot_ui_test_screenshot (GTK_WIDGET (window), "history-weeks-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  unknot_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

/* Without a history (it could not be opened), the page says so instead of going blank. */
static void
test_unavailable (void)
{
  GtkWidget *page = g_object_new (UNKNOT_TYPE_HISTORY_PAGE,
                                  "settings", unknot_application_get_settings (application),
                                  NULL);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 480, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  unknot_ui_test_wait_frames (window, 3);

  g_assert_null (unknot_history_page_get_history (UNKNOT_HISTORY_PAGE (page)));
  g_assert_cmpstr (get_state (UNKNOT_HISTORY_PAGE (page)), ==, "unavailable");
  g_assert_nonnull (unknot_ui_test_find_label (window, "History Unavailable"));
  g_assert_nonnull (unknot_ui_test_find_label (window, "could not be opened"));
  unknot_ui_test_screenshot (window, "history-unavailable");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_quick_routine (gpointer data)
{
  return unknot_library_lookup (unknot_application_get_library (application), ROUTINE_ID) != NULL;
}

/* The routine goes into the user's folder, where the library finds it while it runs. */
static void
add_quick_routine (void)
{
  UnknotLibrary *library = unknot_application_get_library (application);
  g_autofree char *folder = g_file_get_path (unknot_library_get_user_folder (library));

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  unknot_test_write_file (folder, ROUTINE_ID ".xml", quick_routine);
  g_assert_true (unknot_test_wait_until (has_quick_routine, NULL, 5000));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  application = unknot_ui_test_start_application ();
  add_quick_routine ();

  g_test_add_func ("/ui/history/empty", test_empty);
  g_test_add_func ("/ui/history/session-shown", test_session_shown);
  g_test_add_func ("/ui/history/narrow", test_narrow);
  g_test_add_func ("/ui/history/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/ui/history/export", test_export);
  g_test_add_func ("/ui/history/delete-stands", test_delete_stands);
  g_test_add_func ("/ui/history/weeks-of-sessions", test_weeks_of_sessions);
  g_test_add_func ("/ui/history/unavailable", test_unavailable);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
