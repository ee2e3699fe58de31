/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-preferences-window.h"

/* Every setting of the GSettings schema, bound both ways: a change applies at once,
 * also to a routine that is running. */
struct _UnknotPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkAdjustment *volume_adjustment;
  GtkAdjustment *prepare_adjustment;
  GtkAdjustment *switch_adjustment;
  GtkAdjustment *goal_adjustment;
  GtkSwitch *spoken_switch;
  AdwActionRow *spoken_row;
  GtkSwitch *ticks_switch;
  GtkSwitch *awake_switch;
};

G_DEFINE_FINAL_TYPE (UnknotPreferencesWindow, unknot_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
unknot_preferences_window_class_init (UnknotPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, prepare_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, switch_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, goal_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, spoken_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, spoken_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, ticks_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, awake_switch);
}

static void
unknot_preferences_window_init (UnknotPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @speech_available: whether spoken prompts can be heard here at all */
GtkWidget *
unknot_preferences_window_new (GSettings *settings,
                               gboolean   speech_available)
{
  UnknotPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_PREFERENCES_WINDOW, NULL);
  g_settings_bind (settings, "cue-volume", self->volume_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "prepare-time", self->prepare_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "switch-gap", self->switch_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "weekly-goal", self->goal_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "spoken-prompts", self->spoken_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "countdown-ticks", self->ticks_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "keep-awake", self->awake_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  if (!speech_available)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->spoken_row), FALSE);
      adw_action_row_set_subtitle (self->spoken_row,
                                   _("Speech is not installed on this computer"));
    }
  return GTK_WIDGET (self);
}
