/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-history-figures.h"
#include "unknot-history-page.h"
#include "unknot-history-stats.h"
#include "unknot-session-list.h"

/* The history: its figures (UnknotHistoryFigures) above every session (UnknotSessionList),
 * or a word that there is none yet, or that the store cannot be read.
 *
 * Days and weeks are the user's local ones. The page reads the store again whenever it
 * is shown and, while on show, whenever the store changes or the weekly goal is set, so
 * it never needs to know who changed what. */

struct _UnknotHistoryPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  AdwStatusPage *unavailable_page;
  UnknotHistoryFigures *figures;
  UnknotSessionList *session_list;

  UnknotHistory *history;  /* nullable: it could not be opened */
  GSettings *settings;     /* nullable: the goal is then the default */
  GSignalGroup *history_signals;
  GSignalGroup *settings_signals;
};

enum
{
  PROP_0,
  PROP_HISTORY,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotHistoryPage, unknot_history_page, ADW_TYPE_BIN)

static guint
get_goal (UnknotHistoryPage *self)
{
  if (self->settings == NULL)
    return UNKNOT_HISTORY_DEFAULT_WEEKLY_GOAL;
  return MAX (g_settings_get_int (self->settings, "weekly-goal"), 1);
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
  g_autoptr (GError) error = NULL;
  guint n_sessions = 0;

  g_return_if_fail (UNKNOT_IS_HISTORY_PAGE (self));

  if (self->history == NULL)
    show_unavailable (self, NULL);
  else if (!unknot_session_list_update (self->session_list, &n_sessions, &error))
    show_unavailable (self, error);
  else if (n_sessions == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (!unknot_history_figures_update (self->figures, self->history, now, get_goal (self),
                                           &error))
    show_unavailable (self, error);
  else
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

  g_clear_object (&self->history_signals);
  g_clear_object (&self->settings_signals);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_HISTORY_PAGE);

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

  g_type_ensure (UNKNOT_TYPE_HISTORY_FIGURES);
  g_type_ensure (UNKNOT_TYPE_SESSION_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, figures);
  gtk_widget_class_bind_template_child (widget_class, UnknotHistoryPage, session_list);
}

static void
unknot_history_page_init (UnknotHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_signals = g_signal_group_new (UNKNOT_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "changed", G_CALLBACK (refresh_if_shown),
                                 self, G_CONNECT_SWAPPED);
  /* Streaks are judged by the goal, so a new goal means new streaks too. */
  self->settings_signals = g_signal_group_new (G_TYPE_SETTINGS);
  g_signal_group_connect_object (self->settings_signals, "changed::weekly-goal",
                                 G_CALLBACK (refresh_if_shown), self, G_CONNECT_SWAPPED);
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

  if (!g_set_object (&self->history, history))
    return;
  g_signal_group_set_target (self->history_signals, history);
  unknot_session_list_set_history (self->session_list, history);
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

  if (!g_set_object (&self->settings, settings))
    return;
  g_signal_group_set_target (self->settings_signals, settings);
  refresh_if_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}
