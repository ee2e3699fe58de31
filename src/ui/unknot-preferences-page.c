/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-preferences-page.h"
#include "unknot-reminder-rules.h"

/* Every setting of the GSettings schema, bound both ways: a change applies at once,
 * also to a routine that is running. */
struct _UnknotPreferencesPage
{
  AdwPreferencesPage parent_instance;

  GtkAdjustment *volume_adjustment;
  GtkAdjustment *prepare_adjustment;
  GtkAdjustment *switch_adjustment;
  GtkAdjustment *goal_adjustment;
  GtkSwitch *spoken_switch;
  AdwActionRow *spoken_row;
  GtkSwitch *ticks_switch;
  GtkSwitch *awake_switch;
  AdwPreferencesGroup *reminders_group;
  GtkBox *days_box;
  GtkToggleButton *day_buttons[7];
  GtkAdjustment *hour_adjustment;
  GtkAdjustment *minute_adjustment;

  GSettings *settings;
  UnknotBackgroundPermission *background;  /* nullable */
  gboolean showing_reminders; /* the widgets are being set from the settings */
};

static const char *const day_ids[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

G_DEFINE_FINAL_TYPE (UnknotPreferencesPage, unknot_preferences_page,
                     ADW_TYPE_PREFERENCES_PAGE)

/* Said where reminders cannot come while the window is closed: no Background portal
 * (as in a plain Debian 12 session), or the user said no. */
static void
show_background_state (UnknotPreferencesPage *self)
{
  UnknotBackgroundState state = unknot_background_permission_get_state (self->background);

  if (state == UNKNOT_BACKGROUND_DENIED || state == UNKNOT_BACKGROUND_UNAVAILABLE)
    adw_preferences_group_set_description (self->reminders_group,
                                           _("Reminders only while Unknot is open"));
}

/* Reminders that are on should also come while the window is closed: that takes the
 * desktop's leave to run in the background, asked each time they are switched on. */
static void
request_background (UnknotPreferencesPage *self)
{
  if (self->background != NULL)
    unknot_background_permission_request (self->background);
}

static void
on_day_toggled (UnknotPreferencesPage *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) before = NULL;
  g_auto (GStrv) days = NULL;

  if (self->showing_reminders || self->settings == NULL)
    return;
  for (guint d = 0; d < G_N_ELEMENTS (day_ids); d++)
    if (gtk_toggle_button_get_active (self->day_buttons[d]))
      g_strv_builder_add (builder, day_ids[d]);
  days = g_strv_builder_end (builder);
  before = g_settings_get_strv (self->settings, "reminder-days");
  g_settings_set_strv (self->settings, "reminder-days", (const char * const *) days);
  if (g_strv_length (before) == 0 && g_strv_length (days) > 0)
    request_background (self);
}

static void
on_time_changed (UnknotPreferencesPage *self)
{
  g_autofree char *text = NULL;

  if (self->showing_reminders || self->settings == NULL)
    return;
  text = g_strdup_printf ("%02d:%02d", (int) gtk_adjustment_get_value (self->hour_adjustment),
                          (int) gtk_adjustment_get_value (self->minute_adjustment));
  g_settings_set_string (self->settings, "reminder-time", text);
}

static void
show_reminders (UnknotPreferencesPage *self)
{
  g_auto (GStrv) days = g_settings_get_strv (self->settings, "reminder-days");
  g_autofree char *time = g_settings_get_string (self->settings, "reminder-time");
  guint8 set = unknot_reminder_days_from_strv ((const char * const *) days);
  int hour, minute;

  self->showing_reminders = TRUE;
  for (guint d = 0; d < G_N_ELEMENTS (day_ids); d++)
    gtk_toggle_button_set_active (self->day_buttons[d], (set & (1 << d)) != 0);
  if (unknot_reminder_parse_time (time, &hour, &minute))
    {
      gtk_adjustment_set_value (self->hour_adjustment, hour);
      gtk_adjustment_set_value (self->minute_adjustment, minute);
    }
  self->showing_reminders = FALSE;
}

/* Two digits, as a clock shows them: 18:05, not 18:5. */
static gboolean
on_spin_output (GtkSpinButton *spin)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = g_strdup_printf ("%02d", (int) gtk_adjustment_get_value (adjustment));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* A toggle per weekday, Monday first, named as the user's locale names them. */
static void
add_day_buttons (UnknotPreferencesPage *self)
{
  g_autoptr (GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  for (guint d = 0; d < G_N_ELEMENTS (day_ids); d++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (monday, (int) d);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_day_toggled), self);
      gtk_box_append (self->days_box, button);
      self->day_buttons[d] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
unknot_preferences_page_dispose (GObject *object)
{
  UnknotPreferencesPage *self = UNKNOT_PREFERENCES_PAGE (object);

  if (self->background != NULL)
    g_signal_handlers_disconnect_by_data (self->background, self);
  g_clear_object (&self->background);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_preferences_page_parent_class)->dispose (object);
}

static void
unknot_preferences_page_class_init (UnknotPreferencesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_preferences_page_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, prepare_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, switch_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, goal_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, spoken_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, spoken_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, ticks_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, awake_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, hour_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesPage, minute_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
}

static void
unknot_preferences_page_init (UnknotPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_day_buttons (self);
  g_signal_connect_swapped (self->hour_adjustment, "value-changed", G_CALLBACK (on_time_changed),
                            self);
  g_signal_connect_swapped (self->minute_adjustment, "value-changed",
                            G_CALLBACK (on_time_changed), self);
}

/* @speech_available: whether spoken prompts can be heard here at all
 * @background: (nullable): whether reminders may come while the window is closed */
GtkWidget *
unknot_preferences_page_new (GSettings                  *settings,
                             gboolean                    speech_available,
                             UnknotBackgroundPermission *background)
{
  UnknotPreferencesPage *self;
  g_auto (GStrv) days = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_PREFERENCES_PAGE, NULL);
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
  self->settings = g_object_ref (settings);
  g_set_object (&self->background, background);
  show_reminders (self);
  if (background != NULL)
    {
      g_signal_connect_swapped (background, "notify::state", G_CALLBACK (show_background_state),
                                self);
      show_background_state (self);
    }
  g_signal_connect_swapped (settings, "changed::reminder-days", G_CALLBACK (show_reminders), self);
  g_signal_connect_swapped (settings, "changed::reminder-time", G_CALLBACK (show_reminders), self);
  /* Reminders already on: ask again, so the page can say if they only come while open. */
  days = g_settings_get_strv (settings, "reminder-days");
  if (unknot_reminder_days_from_strv ((const char * const *) days) != 0)
    request_background (self);

  if (!speech_available)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->spoken_row), FALSE);
      adw_action_row_set_subtitle (self->spoken_row,
                                   _("Speech is not installed on this computer"));
    }
  return GTK_WIDGET (self);
}
