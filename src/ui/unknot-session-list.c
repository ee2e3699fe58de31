/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-format.h"
#include "unknot-session-list.h"
#include "unknot-toasts.h"

/* Every session of the history, newest first, a page at a time ("Show Older" adds the
 * next). Each can be deleted; the toast that says so can bring it back, and owns what
 * was deleted until it goes away. The list is read again by unknot_session_list_update(),
 * which the history page calls whenever the store changes. */

#define PAGE_SIZE 50         /* sessions listed at first and added by "Show Older" */

struct _UnknotSessionList
{
  AdwBin parent_instance;

  GtkListBox *rows;
  GtkButton *more_button;

  UnknotHistory *history;  /* nullable */
  GPtrArray *sessions;     /* of UnknotHistorySession, as listed */
  guint limit;             /* sessions listed at most */
};

enum
{
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotSessionList, unknot_session_list, ADW_TYPE_BIN)

/* "Mon 4 May 2026, 07:30 · After a long run · 5 minutes · Completed · Felt 4 of 5" */
static char *
describe_session (const UnknotHistorySession *session,
                  char                      **when)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (session->started_at);
  g_autofree char *duration = unknot_format_duration_rounded ((gint64) session->active_seconds
                                                              * 1000);
  g_autofree char *feel = session->feel > 0 ? unknot_format_feel (session->feel) : NULL;
  const char *after_run = unknot_format_after_run (session->after_run);
  const char *facts[6] = { NULL };
  guint n = 0;

  *when = unknot_format_date_time (local);
  facts[n++] = *when;
  if (after_run != NULL)
    facts[n++] = after_run;
  facts[n++] = duration;
  facts[n++] = unknot_format_history_status (session->status);
  facts[n++] = feel;
  return g_strjoinv (C_("facts separator", " · "), (char **) facts);
}

static GtkWidget *
create_delete_button (const UnknotHistorySession *session,
                      const char                 *when)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = NULL;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Session"));
  /* Translators: a routine's name and when it ran, such as
   * "Delete the session of Post-run recovery, Mon 4 May 2026, 07:30" */
  label = g_strdup_printf (_("Delete the session of %s, %s"), session->routine_name, when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sessions.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (session->id));
  return button;
}

static GtkWidget *
create_row (const UnknotHistorySession *session)
{
  g_autofree char *when = NULL;
  g_autofree char *subtitle = describe_session (session, &when);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), session->routine_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!unknot_history_session_counts (session))
    gtk_widget_set_tooltip_text (row, _("No step of this session was finished, so it does not "
                                        "count toward your goal."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_delete_button (session, when));
  return row;
}

static void
show_sessions (UnknotSessionList *self,
               GPtrArray         *sessions)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);

  /* One more than the limit was asked for, to know whether there are older ones. */
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), sessions->len > self->limit);
  if (sessions->len > self->limit)
    g_ptr_array_set_size (sessions, self->limit);

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = g_ptr_array_ref (sessions);
  for (guint i = 0; i < sessions->len; i++)
    gtk_list_box_append (self->rows, create_row (g_ptr_array_index (sessions, i)));
}

static void
on_undo_clicked (AdwToast          *toast,
                 UnknotSessionList *self)
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
      unknot_toast_show_text (GTK_WIDGET (self), text);
    }
}

static AdwToast *
create_undo_toast (UnknotSessionList    *self,
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
  return toast;
}

static int
find_row_index (UnknotSessionList *self,
                gint64             session_id)
{
  for (guint i = 0; self->sessions != NULL && i < self->sessions->len; i++)
    if (((UnknotHistorySession *) g_ptr_array_index (self->sessions, i))->id == session_id)
      return i;
  return -1;
}

/* Keyboard focus goes to the row that took the deleted one's place, not back to the top
 * of the window. */
static void
focus_row_near (UnknotSessionList *self,
                int                index)
{
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->rows, MAX (index, 0));

  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->rows, index - 1);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UnknotSessionList *self = UNKNOT_SESSION_LIST (widget);
  gint64 session_id = g_variant_get_int64 (parameter);
  int index = find_row_index (self, session_id);
  g_autoptr (GError) error = NULL;
  UnknotHistorySession *session;

  if (self->history == NULL)
    return;
  session = unknot_history_delete_session (self->history, session_id, &error);
  if (session == NULL)
    {
      /* Translators: %s says what went wrong */
      g_autofree char *text = g_strdup_printf (_("The session could not be deleted: %s"),
                                               error->message);
      unknot_toast_show_text (GTK_WIDGET (self), text);
      return;
    }

  /* The store's "changed" has had the list read again by now. */
  focus_row_near (self, index);
  unknot_toast_add (GTK_WIDGET (self), create_undo_toast (self, session));
}

static void
on_more_clicked (UnknotSessionList *self)
{
  g_autoptr (GError) error = NULL;

  self->limit += PAGE_SIZE;
  if (!unknot_session_list_update (self, NULL, &error))
    {
      /* Translators: %s says what went wrong */
      g_autofree char *text = g_strdup_printf (_("Your history could not be read: %s"),
                                               error->message);
      unknot_toast_show_text (GTK_WIDGET (self), text);
    }
}

static void
update_delete_action (UnknotSessionList *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete",
                                 self->history != NULL
                                 && !unknot_history_get_read_only (self->history));
}

static void
unknot_session_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotSessionList *self = UNKNOT_SESSION_LIST (object);

  switch (prop_id)
    {
    case PROP_HISTORY: g_value_set_object (value, self->history); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotSessionList *self = UNKNOT_SESSION_LIST (object);

  switch (prop_id)
    {
    case PROP_HISTORY: unknot_session_list_set_history (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_list_dispose (GObject *object)
{
  UnknotSessionList *self = UNKNOT_SESSION_LIST (object);

  g_clear_object (&self->history);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_SESSION_LIST);

  G_OBJECT_CLASS (unknot_session_list_parent_class)->dispose (object);
}

static void
unknot_session_list_class_init (UnknotSessionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_session_list_dispose;
  object_class->get_property = unknot_session_list_get_property;
  object_class->set_property = unknot_session_list_set_property;

  /* The store to list, and to delete from; NULL lists nothing. */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, UNKNOT_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-session-list.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionList, rows);
  gtk_widget_class_bind_template_child (widget_class, UnknotSessionList, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);

  gtk_widget_class_install_action (widget_class, "sessions.delete", "x", delete_action);
}

static void
unknot_session_list_init (UnknotSessionList *self)
{
  self->limit = PAGE_SIZE;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_delete_action (self);
}

UnknotHistory *
unknot_session_list_get_history (UnknotSessionList *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION_LIST (self), NULL);
  return self->history;
}

/* @history: (nullable): the store to list; read it with unknot_session_list_update() */
void
unknot_session_list_set_history (UnknotSessionList *self,
                                 UnknotHistory     *history)
{
  g_return_if_fail (UNKNOT_IS_SESSION_LIST (self));
  g_return_if_fail (history == NULL || UNKNOT_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  update_delete_action (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * unknot_session_list_update:
 * @n_listed: (out) (optional): how many sessions the list now shows
 *
 * Reads the sessions from the store again, as many as were listed, or the first page.
 *
 * Returns: %FALSE if the store could not be read; the list is then as it was.
 */
gboolean
unknot_session_list_update (UnknotSessionList  *self,
                            guint              *n_listed,
                            GError            **error)
{
  g_autoptr (GPtrArray) sessions = NULL;

  g_return_val_if_fail (UNKNOT_IS_SESSION_LIST (self), FALSE);

  if (self->history == NULL)
    sessions = g_ptr_array_new ();
  else
    sessions = unknot_history_list_sessions (self->history, 0, self->limit + 1, error);
  if (sessions == NULL)
    return FALSE;
  show_sessions (self, sessions);
  if (n_listed != NULL)
    *n_listed = self->sessions->len;
  return TRUE;
}
