/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-after-run-panel.h"
#include "unknot-after-run.h"
#include "unknot-routine.h"
#include "unknot-suggestion.h"

/* "Just ran?" on the library: the kind of run just done and the minutes there are for
 * a routine, and below them the routine the rules in src/run/unknot-after-run.c
 * suggest and a second choice, each with one line saying why. Nothing is suggested
 * until a kind of run is chosen, so the panel stays one line high until then.
 * Activating a suggestion opens its routine page through win.show-routine-after-run,
 * which keeps the kind of run for the session the user then starts. */
struct _UnknotAfterRunPanel
{
  AdwBin parent_instance;

  GtkSpinButton *minutes_button;
  GtkLabel *minutes_label;
  GtkFlowBox *kind_box;
  GtkListBox *suggestion_list;
  GtkToggleButton *kind_buttons[UNKNOT_N_RUN_KINDS];

  GListModel *routines;     /* of UnknotRoutine; nullable until set */
  UnknotRunKind kind;       /* UNKNOT_N_RUN_KINDS until one is chosen */
  guint32 worked_this_week; /* 1 << UnknotRegion */
};

G_DEFINE_FINAL_TYPE (UnknotAfterRunPanel, unknot_after_run_panel, ADW_TYPE_BIN)

static guint
get_minutes (UnknotAfterRunPanel *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->minutes_button);
}

static void
clear_rows (UnknotAfterRunPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
}

static GtkWidget *
create_suggestion_row (UnknotSuggestion *suggestion,
                       gboolean          first)
{
  UnknotRoutine *routine = unknot_suggestion_get_routine (suggestion);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *rank = gtk_label_new (first ? _("Suggested") : _("Second choice"));

  gtk_widget_add_css_class (rank, first ? "accent" : "dim-label");
  gtk_widget_add_css_class (rank, "caption-heading");
  gtk_widget_set_size_request (rank, 100, -1);
  gtk_label_set_xalign (GTK_LABEL (rank), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unknot_routine_get_name (routine));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), unknot_suggestion_get_why (suggestion));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "routine-id",
                          g_strdup (unknot_routine_get_id (routine)), g_free);
  return row;
}

static GtkWidget *
create_nothing_row (UnknotAfterRunPanel *self)
{
  GtkWidget *row = adw_action_row_new ();
  guint minutes = get_minutes (self);
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: after the runner chose a kind of run
                                         * and the minutes they have */
                                        "No routine for this run fits in %u minute",
                                        "No routine for this run fits in %u minutes", minutes),
                           minutes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Give it a few more minutes."));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
refresh (UnknotAfterRunPanel *self)
{
  g_autoptr (GPtrArray) suggestions = NULL;
  UnknotAfterRun after = {
    self->kind, get_minutes (self), self->worked_this_week,
    UNKNOT_DEFAULT_PREPARE_MS, UNKNOT_DEFAULT_SWITCH_GAP_MS,
  };

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_list),
                          self->kind < UNKNOT_N_RUN_KINDS && self->routines != NULL);
  if (self->kind >= UNKNOT_N_RUN_KINDS || self->routines == NULL)
    return;

  suggestions = unknot_after_run_suggest (&after, self->routines);
  for (guint i = 0; i < suggestions->len; i++)
    gtk_list_box_append (self->suggestion_list,
                         create_suggestion_row (g_ptr_array_index (suggestions, i), i == 0));
  if (suggestions->len == 0)
    gtk_list_box_append (self->suggestion_list, create_nothing_row (self));
}

static void
update_minutes_label (UnknotAfterRunPanel *self)
{
  /* Translators: after the number of minutes the runner has, as in "15 minutes" */
  gtk_label_set_label (self->minutes_label, g_dngettext (GETTEXT_PACKAGE, "minute", "minutes",
                                                         get_minutes (self)));
}

static void
on_minutes_changed (UnknotAfterRunPanel *self)
{
  update_minutes_label (self);
  refresh (self);
}

static void
on_kind_toggled (GtkToggleButton     *button,
                 UnknotAfterRunPanel *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "run-kind"));
  refresh (self);
}

static void
on_row_activated (UnknotAfterRunPanel *self,
                  GtkListBoxRow       *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "routine-id");

  if (id == NULL || self->kind >= UNKNOT_N_RUN_KINDS)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-routine-after-run", "(ss)", id,
                              unknot_vocabulary_get_id (UNKNOT_VOCABULARY_RUN_KIND, self->kind));
}

static void
on_routines_changed (UnknotAfterRunPanel *self)
{
  refresh (self);
}

static void
create_kind_buttons (UnknotAfterRunPanel *self)
{
  for (UnknotRunKind kind = 0; kind < UNKNOT_N_RUN_KINDS; kind++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (unknot_run_kind_get_label (kind));

      gtk_widget_set_tooltip_text (button, unknot_vocabulary_get_description (
                                     UNKNOT_VOCABULARY_RUN_KIND, kind));
      g_object_set_data (G_OBJECT (button), "run-kind", GUINT_TO_POINTER (kind));
      if (kind > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->kind_buttons[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_kind_toggled), self);
      gtk_flow_box_append (self->kind_box, button);
      /* The button takes the focus, not the box's child around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->kind_buttons[kind] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
unknot_after_run_panel_dispose (GObject *object)
{
  UnknotAfterRunPanel *self = UNKNOT_AFTER_RUN_PANEL (object);

  if (self->routines != NULL)
    g_signal_handlers_disconnect_by_data (self->routines, self);
  g_clear_object (&self->routines);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_AFTER_RUN_PANEL);

  G_OBJECT_CLASS (unknot_after_run_panel_parent_class)->dispose (object);
}

static void
unknot_after_run_panel_class_init (UnknotAfterRunPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_after_run_panel_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-after-run-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotAfterRunPanel, minutes_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotAfterRunPanel, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotAfterRunPanel, kind_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotAfterRunPanel, suggestion_list);
  gtk_widget_class_bind_template_callback (widget_class, on_minutes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
unknot_after_run_panel_init (UnknotAfterRunPanel *self)
{
  self->kind = UNKNOT_N_RUN_KINDS;
  gtk_widget_init_template (GTK_WIDGET (self));
  create_kind_buttons (self);
  update_minutes_label (self);
}

/* @routines: the list to suggest from, such as the library; followed as it changes */
void
unknot_after_run_panel_set_routines (UnknotAfterRunPanel *self,
                                     GListModel          *routines)
{
  g_return_if_fail (UNKNOT_IS_AFTER_RUN_PANEL (self));
  g_return_if_fail (G_IS_LIST_MODEL (routines));
  g_return_if_fail (self->routines == NULL);

  self->routines = g_object_ref (routines);
  g_signal_connect_swapped (routines, "items-changed", G_CALLBACK (on_routines_changed), self);
  refresh (self);
}

/* @regions: 1 << UnknotRegion, the regions a session worked this week */
void
unknot_after_run_panel_set_worked_this_week (UnknotAfterRunPanel *self,
                                             guint32              regions)
{
  g_return_if_fail (UNKNOT_IS_AFTER_RUN_PANEL (self));

  if (regions == self->worked_this_week)
    return;
  self->worked_this_week = regions;
  refresh (self);
}

/* The kind of run chosen, or UNKNOT_N_RUN_KINDS while none is. */
UnknotRunKind
unknot_after_run_panel_get_kind (UnknotAfterRunPanel *self)
{
  g_return_val_if_fail (UNKNOT_IS_AFTER_RUN_PANEL (self), UNKNOT_N_RUN_KINDS);
  return self->kind;
}
