/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-format.h"
#include "unknot-history-page.h"
#include "unknot-history-stats.h"

/* The history: the weekly goal and streaks, a calendar of the last weeks, the time per
 * region, how the muscles felt, and every session, newest first, each of which can be
 * deleted and brought back from the toast that says so.
 *
 * Days and weeks are the user's local ones. The page reads the store again whenever it
 * is shown and, while on show, whenever the store changes or the weekly goal is set, so
 * it never needs to know who changed what. */

#define PAGE_SIZE 50         /* sessions listed at first and added by "Show Older" */
#define CALENDAR_WEEKS 12
#define REGION_DAYS 30
#define FEEL_DAYS (7 * CALENDAR_WEEKS)

struct _UnknotHistoryPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *unavailable_page;
  UnknotGoalRing *goal_ring;
  GtkLabel *goal_label;
  GtkLabel *current_streak_label;
  GtkLabel *best_streak_label;
  UnknotCalendarHeatmap *calendar;
  UnknotRegionChart *region_chart;
  GtkLabel *region_empty_label;
  UnknotFeelChart *feel_chart;
  GtkLabel *feel_empty_label;
  GtkListBox *session_list;
  GtkButton *more_button;

  UnknotHistory *history;  /* nullable: it could not be opened */
  GSettings *settings;     /* nullable: the goal is then the default */
  GPtrArray *sessions;     /* of UnknotHistorySession, as listed */
  guint limit;             /* sessions listed at most */
  AdwToast *undo_toast;    /* weak: the toast of the last deletion, while it shows */
};

enum
{
  PROP_0,
  PROP_HISTORY,
  PROP_SETTINGS,
  N_PROPS
};

enum
{
  SIGNAL_BACK,
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotHistoryPage, unknot_history_page, GTK_TYPE_WIDGET)

static void
add_toast (UnknotHistoryPage *self,
           AdwToast          *toast)
{
  g_signal_emit (self, signals[SIGNAL_ADD_TOAST], 0, toast);
}

/* A toast's title is markup; @text is shown as it is. */
static void
add_text_toast (UnknotHistoryPage *self,
                const char        *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr (AdwToast) toast = adw_toast_new (markup);

  add_toast (self, toast);
}

static guint
get_goal (UnknotHistoryPage *self)
{
  if (self->settings == NULL)
    return UNKNOT_HISTORY_DEFAULT_WEEKLY_GOAL;
  return MAX (g_settings_get_int (self->settings, "weekly-goal"), 1);
}

static gboolean
show_goal (UnknotHistoryPage  *self,
           GDateTime          *now,
           GError            **error)
{
  UnknotHistoryGoalProgress progress;
  g_autofree char *current = NULL;
  g_autofree char *best = NULL;
  g_autofree char *current_text = NULL;
  g_autofree char *best_text = NULL;
  guint goal = get_goal (self);

  if (!unknot_history_get_goal_progress (self->history, now, goal, &progress, error))
    return FALSE;

  unknot_goal_ring_set_progress (self->goal_ring, progress.this_week, goal);
  gtk_label_set_label (self->goal_label, unknot_goal_ring_get_text (self->goal_ring));
  current = unknot_format_weeks (progress.current_streak);
  best = unknot_format_weeks (progress.best_streak);
  /* Translators: %s is a number of weeks in a row that met the weekly goal, such as
   * "3 weeks" */
  current_text = g_strdup_printf (_("Current streak: %s"), current);
  /* Translators: %s is a number of weeks, such as "5 weeks" */
  best_text = g_strdup_printf (_("Best streak: %s"), best);
  gtk_label_set_label (self->current_streak_label, current_text);
  gtk_label_set_label (self->best_streak_label, best_text);
  return TRUE;
}

static gboolean
show_calendar (UnknotHistoryPage  *self,
               GDateTime          *now,
               GError            **error)
{
  g_autoptr (GArray) days = unknot_history_get_calendar (self->history, now, CALENDAR_WEEKS, error);
  GDate today;

  if (days == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  unknot_calendar_heatmap_set_days (self->calendar, days, &today);
  return TRUE;
}

static gboolean
show_regions (UnknotHistoryPage  *self,
              GDateTime          *now,
              GError            **error)
{
  guint64 seconds[UNKNOT_N_REGIONS];
  gboolean any;

  if (!unknot_history_get_region_seconds (self->history, now, REGION_DAYS, seconds, error))
    return FALSE;
  unknot_region_chart_set_seconds (self->region_chart, seconds);
  any = unknot_region_chart_get_n_bars (self->region_chart) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->region_chart), any);
  gtk_widget_set_visible (GTK_WIDGET (self->region_empty_label), !any);
  return TRUE;
}

/* The chart spans the same local days as the store's query: from the start of the
 * first day to now. */
static gboolean
show_feel (UnknotHistoryPage  *self,
           GDateTime          *now,
           GError            **error)
{
  g_autoptr (GArray) ratings = unknot_history_get_feel_ratings (self->history, now, FEEL_DAYS,
                                                                error);
  g_autoptr (GDateTime) today = NULL;
  g_autoptr (GDateTime) first = NULL;
  gboolean any;

  if (ratings == NULL)
    return FALSE;
  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                           0, 0, 0);
  first = g_date_time_add_days (today, -(FEEL_DAYS - 1));
  unknot_feel_chart_set_ratings (self->feel_chart, ratings, g_date_time_to_unix (first),
                                 MAX (g_date_time_to_unix (now), g_date_time_to_unix (first) + 1));
  any = ratings->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->feel_chart), any);
  gtk_widget_set_visible (GTK_WIDGET (self->feel_empty_label), !any);
  return TRUE;
}

/* "Mon 4 May 2026, 07:30 · 5 minutes · Completed · Felt 4 of 5" */
static char *
describe_session (const UnknotHistorySession *session,
                  char                      **when)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (session->started_at);
  g_autofree char *duration = unknot_format_duration_rounded ((gint64) session->active_seconds
                                                              * 1000);
  g_autofree char *feel = session->feel > 0 ? unknot_format_feel (session->feel) : NULL;
  const char *dot = C_("facts separator", " · ");

  *when = unknot_format_date_time (local);
  /* The rating comes last: without one, its NULL ends the list. */
  return g_strjoin (dot, *when, duration, unknot_format_history_status (session->status), feel,
                    NULL);
}

static GtkWidget *
create_row (const UnknotHistorySession *session)
{
  g_autofree char *when = NULL;
  g_autofree char *subtitle = describe_session (session, &when);
  g_autofree char *delete_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), session->routine_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!unknot_history_session_counts (session))
    gtk_widget_set_tooltip_text (row, _("No step of this session was finished, so it does not "
                                        "count toward your goal."));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Session"));
  /* Translators: a routine's name and when it ran, such as
   * "Delete the session of Post-run recovery, Mon 4 May 2026, 07:30" */
  delete_label = g_strdup_printf (_("Delete the session of %s, %s"), session->routine_name, when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "history.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (session->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_sessions (UnknotHistoryPage *self,
               GPtrArray         *sessions)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->session_list))) != NULL)
    gtk_list_box_remove (self->session_list, child);

  /* One more than the limit was asked for, to know whether there are older ones. */
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), sessions->len > self->limit);
  if (sessions->len > self->limit)
    g_ptr_array_set_size (sessions, self->limit);

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = g_ptr_array_ref (sessions);
  for (guint i = 0; i < sessions->len; i++)
    gtk_list_box_append (self->session_list, create_row (g_ptr_array_index (sessions, i)));
}

static void
show_unavailable (UnknotHistoryPage *self,
                  const GError      *error)
{
  g_autofree char *description = NULL;

  if (error != NULL)
    /* Translators: %s says what went wrong */
    description = g_strdup_printf (_("Your history could not be read: %s"), error->message);
  else
    description = g_strdup (_("Your history could not be opened, so sessions are not recorded. "
                              "Check that there is space on the disk and that your data "
                              "folder can be written to, then start Unknot again."));
  adw_status_page_set_description (self->unavailable_page, description);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->stack, "unavailable");
}

/**
 * unknot_history_page_refresh:
 *
 * Reads everything the page shows from the store again, for the local day and week of
 * now. The page does this itself when it is shown and when the store changes.
 */
void
unknot_history_page_refresh (UnknotHistoryPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (UNKNOT_IS_HISTORY_PAGE (self));

  if (self->history == NULL)
    {
      show_unavailable (self, NULL);
      return;
    }

  sessions = unknot_history_list_sessions (self->history, 0, self->limit + 1, &error);
  if (sessions == NULL)
    {
      show_unavailable (self, error);
      return;
    }
  if (sessions->len == 0)
    {
      show_sessions (self, sessions);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (!show_goal (self, now, &error) || !show_calendar (self, now, &error)
      || !show_regions (self, now, &error) || !show_feel (self, now, &error))
    {
      show_unavailable (self, error);
      return;
    }
  show_sessions (self, sessions);
  gtk_stack_set_visible_child_name (self->stack, "history");
}

/* Hidden, the page has nothing to update: it reads the store again when shown. */
static void
refresh_if_shown (UnknotHistoryPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    unknot_history_page_refresh (self);
}

static void
on_undo_clicked (AdwToast          *toast,
                 UnknotHistoryPage *self)
{
  const UnknotHistorySession *session = g_object_get_data (G_OBJECT (toast), "session");
  g_autoptr (GError) error = NULL;

  if (self->history == NULL || session == NULL)
    return;
  if (!unknot_history_restore_session (self->history, session, &error))
    {
      /* Translators: %s says what went wrong */
      g_autofree char *text = g_strdup_printf (_("The session could not be restored: %s"),
                                               error->message);
      add_text_toast (self, text);
    }
}

static void
on_toast_dismissed (AdwToast          *toast,
                    UnknotHistoryPage *self)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

static AdwToast *
create_undo_toast (UnknotHistoryPage    *self,
                   UnknotHistorySession *session)
{
  g_autofree char *name = g_markup_escape_text (session->routine_name, -1);
  /* Translators: %s is a routine's name */
  AdwToast *toast = adw_toast_new_format (_("Session of “%s” deleted"), name);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The toast owns what was deleted: undo puts it back, and when the toast goes away
   * unused, the deletion simply stands. */
  g_object_set_data_full (G_OBJECT (toast), "session", session,
                          (GDestroyNotify) unknot_history_session_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  return toast;
}

static int
find_row_index (UnknotHistoryPage *self,
                gint64             session_id)
{
  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    if (((UnknotHistorySession *) g_ptr_array_index (self->sessions, i))->id == session_id)
      return i;
  return -1;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotHistoryPage *self = UNKNOT_HISTORY_PAGE (widget);
  gint64 session_id = g_variant_get_int64 (parameter);
  int index = find_row_index (self, session_id);
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwToast) toast = NULL;
  UnknotHistorySession *session;
  GtkListBoxRow *next;

  if (self->history == NULL)
    return;
  session = unknot_history_delete_session (self->history, session_id, &error);
  if (session == NULL)
    {
      /* Translators: %s says what went wrong */
      g_autofree char *text = g_strdup_printf (_("The session could not be deleted: %s"),
                                               error->message);
      add_text_toast (self, text);
      return;
    }

  /* The store's "changed" has rebuilt the list; keyboard focus goes to the row that
   * took the deleted one's place, not back to the top of the window. */
  next = gtk_list_box_get_row_at_index (self->session_list, MAX (index, 0));
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->session_list, index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));

  toast = create_undo_toast (self, session);
  g_set_weak_pointer (&self->undo_toast, toast);
  add_toast (self, toast);
}

static void
on_back_clicked (UnknotHistoryPage *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
on_more_clicked (UnknotHistoryPage *self)
{
  self->limit += PAGE_SIZE;
  unknot_history_page_refresh (self);
}

static void
update_delete_action (UnknotHistoryPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.delete",
                                 self->history != NULL
                                 && !unknot_history_get_read_only (self->history));
}

static void
unknot_history_page_map (GtkWidget *widget)
{
  /* Filled before it is mapped, so the first frame already shows the figures. */
  unknot_history_page_refresh (UNKNOT_HISTORY_PAGE (widget));
  GTK_WIDGET_CLASS (unknot_history_page_parent_class)->map (widget);
}

static void
unknot_history_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotHistoryPage *self = UNKNOT_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_HISTORY: g_value_set_object (value, self->history); break;
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_history_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotHistoryPage *self = UNKNOT_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_HISTORY: unknot_history_page_set_history (self, g_value_get_object (value)); break;
    case PROP_SETTINGS: unknot_history_page_set_settings (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_history_page_dispose (GObject *object)
{
  UnknotHistoryPage *self = UNKNOT_HISTORY_PAGE (object);
  GtkWidget *child;

  unknot_history_page_set_history (self, NULL);
  unknot_history_page_set_settings (self, NULL);
  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_HISTORY_PAGE);
  /* The template's outer box has no name, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (unknot_history_page_parent_class)->dispose (object);
}

static void
unknot_history_page_class_init (UnknotHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = unknot_history_page_dispose;
  object_class->get_property = unknot_history_page_get_property;
  object_class->set_property = unknot_history_page_set_property;
  widget_class->map = unknot_history_page_map;

  /* The store to show; NULL when it could not be opened, which the page says. */
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, UNKNOT_TYPE_HISTORY,
                                                  flags);
  /* The app's settings, for the weekly goal. */
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * UnknotHistoryPage::add-toast:
   * @toast: a toast for the window to show, such as the one that undoes a deletion
   */
  signals[SIGNAL_ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (UNKNOT_TYPE_GOAL_RING);
  g_type_ensure (UNKNOT_TYPE_CALENDAR_HEATMAP);
  g_type_ensure (UNKNOT_TYPE_REGION_CHART);
  g_type_ensure (UNKNOT_TYPE_FEEL_CHART);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, goal_ring);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, current_streak_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, best_streak_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, region_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, region_empty_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, feel_chart);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, feel_empty_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, session_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "history.delete", "x", delete_action);
}

static void
unknot_history_page_init (UnknotHistoryPage *self)
{
  self->limit = PAGE_SIZE;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_delete_action (self);
  show_unavailable (self, NULL);
}

GtkWidget *
unknot_history_page_new (void)
{
  return g_object_new (UNKNOT_TYPE_HISTORY_PAGE, NULL);
}

/* Returns: (transfer none) (nullable): the store the page shows. */
UnknotHistory *
unknot_history_page_get_history (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->history;
}

/* @history: (nullable): the store to show, %NULL if it could not be opened */
void
unknot_history_page_set_history (UnknotHistoryPage *self,
                                 UnknotHistory     *history)
{
  g_return_if_fail (UNKNOT_IS_HISTORY_PAGE (self));
  g_return_if_fail (history == NULL || UNKNOT_IS_HISTORY (history));

  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_swapped (history, "changed", G_CALLBACK (refresh_if_shown), self);
  update_delete_action (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || history == NULL)
    unknot_history_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/* Returns: (transfer none) (nullable): the settings the weekly goal comes from. */
GSettings *
unknot_history_page_get_settings (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->settings;
}

/* @settings: (nullable): the app's settings; the page follows their "weekly-goal" */
void
unknot_history_page_set_settings (UnknotHistoryPage *self,
                                  GSettings         *settings)
{
  g_return_if_fail (UNKNOT_IS_HISTORY_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  /* Streaks are judged by the goal, so a new goal means new streaks too. */
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::weekly-goal", G_CALLBACK (refresh_if_shown),
                              self);
  refresh_if_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

/* What the page shows: "history", "empty" (no session yet) or "unavailable" (the store
 * could not be opened or read). */
const char *
unknot_history_page_get_state (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

UnknotGoalRing *
unknot_history_page_get_goal_ring (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->goal_ring;
}

UnknotCalendarHeatmap *
unknot_history_page_get_calendar (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->calendar;
}

UnknotRegionChart *
unknot_history_page_get_region_chart (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->region_chart;
}

UnknotFeelChart *
unknot_history_page_get_feel_chart (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->feel_chart;
}

/* How many sessions the list shows. */
guint
unknot_history_page_get_n_sessions (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), 0);
  return self->sessions != NULL ? self->sessions->len : 0;
}

/* The session of the @index-th row, newest first. */
const UnknotHistorySession *
unknot_history_page_get_session (UnknotHistoryPage *self,
                                 guint              index)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  g_return_val_if_fail (index < unknot_history_page_get_n_sessions (self), NULL);
  return g_ptr_array_index (self->sessions, index);
}

/* Returns: (transfer none): the @index-th row of the list. */
AdwActionRow *
unknot_history_page_get_row (UnknotHistoryPage *self,
                             guint              index)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return ADW_ACTION_ROW (gtk_list_box_get_row_at_index (self->session_list, index));
}

/* Returns: (transfer none) (nullable): the toast that can undo the last deletion, while
 * it is on show. */
AdwToast *
unknot_history_page_get_undo_toast (UnknotHistoryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_HISTORY_PAGE (self), NULL);
  return self->undo_toast;
}
