/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-map.h"
#include "unknot-format.h"
#include "unknot-summary-page.h"
#include "unknot-toasts.h"

/* After a routine: done or stopped early, what was done and for how long, which regions
 * were worked (lit on the body map), and an optional 1–5 rating of how the muscles
 * feel, which goes into the history with the session. A preview at --speed is not in
 * the history, which the page says instead of asking for a rating. */

#define N_RATINGS 5

struct _UnknotSummaryPage
{
  AdwBin parent_instance;

  AdwWindowTitle *window_title;
  AdwStatusPage *status_page;
  UnknotBodyMap *body_map;
  GtkLabel *regions_label;
  GtkLabel *not_recorded_label;
  GtkLabel *rating_label;
  GtkWidget *rating_scale;
  GtkBox *rating_box;
  GtkLabel *rating_chosen_label;
  GtkButton *done_button;
  GtkToggleButton *ratings[N_RATINGS];

  UnknotRun *run;
  GSignalGroup *run_signals;
  gboolean showing_rating;   /* the buttons follow the run's rating, not the user */
};

enum
{
  PROP_0,
  PROP_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotSummaryPage, unknot_summary_page, ADW_TYPE_BIN)

static const char *
rating_meaning (guint rating)
{
  switch (rating)
    {
    case 1: return _("Still tight");
    case 2: return _("A little looser");
    case 3: return _("Better");
    case 4: return _("Loose");
    case 5: return _("Loose and light");
    default: g_assert_not_reached ();
    }
}

/* The run's rating on the buttons: one pressed, filled in the accent colour so that it
 * stands out from the others at a glance, and said in words below; or none. */
static void
show_rating (UnknotSummaryPage *self)
{
  guint rating = self->run ? unknot_run_get_rating (self->run) : 0;
  g_autofree char *chosen = NULL;

  self->showing_rating = TRUE;
  for (guint i = 0; i < N_RATINGS; i++)
    {
      GtkWidget *button = GTK_WIDGET (self->ratings[i]);

      gtk_toggle_button_set_active (self->ratings[i], i + 1 == rating);
      if (i + 1 == rating)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
    }
  self->showing_rating = FALSE;

  if (rating > 0)
    /* Translators: the rating chosen on the summary, its number then its meaning, such
     * as "4 of 5: Loose" */
    chosen = g_strdup_printf (_("%u of 5: %s"), rating, rating_meaning (rating));
  gtk_label_set_label (self->rating_chosen_label, chosen ? chosen : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rating_chosen_label), rating > 0);
}

/* The buttons are one group, like radio buttons: pressing the chosen one again keeps
 * it, instead of taking the rating back without a word. */
static void
on_rating_toggled (GtkToggleButton   *button,
                   UnknotSummaryPage *self)
{
  guint rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rating"));
  g_autoptr (GError) error = NULL;

  if (self->showing_rating || self->run == NULL || !gtk_toggle_button_get_active (button))
    return;
  if (!unknot_run_set_rating (self->run, rating, &error))
    unknot_toast_show_text (GTK_WIDGET (self), _("The rating could not be saved."));
  show_rating (self);
}

static void
add_rating_buttons (UnknotSummaryPage *self)
{
  for (guint i = 0; i < N_RATINGS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_tooltip_text (button, rating_meaning (i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rating_meaning (i + 1), -1);
      gtk_widget_add_css_class (button, "circular");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->ratings[0]);
      g_object_set_data (G_OBJECT (button), "rating", GUINT_TO_POINTER (i + 1));
      g_signal_connect (button, "toggled", G_CALLBACK (on_rating_toggled), self);
      gtk_box_append (self->rating_box, button);
      self->ratings[i] = GTK_TOGGLE_BUTTON (button);
    }
}

/* "Post-run recovery: 7 steps in 10 minutes", or for a run stopped early, what of the
 * routine was done: "Post-run recovery: 2 of 7 steps done, in 3 minutes". */
static char *
describe_run (UnknotRun *run)
{
  UnknotRoutine *routine = unknot_run_get_routine (run);
  guint done = unknot_run_get_steps_done (run);
  guint total = unknot_routine_get_n_steps (routine);
  g_autofree char *time = unknot_format_duration_rounded (unknot_run_get_active_ms (run));
  g_autofree char *steps = NULL;

  if (!unknot_run_get_completed (run))
    /* Translators: the routine's name, the steps done of all its steps, then a time,
     * such as "Post-run recovery: 2 of 7 steps done, in 3 minutes" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u step done, in %s",
                                         "%s: %u of %u steps done, in %s", total),
                            unknot_routine_get_name (routine), done, total, time);
  steps = unknot_format_steps (done);
  /* Translators: the routine's name, then a number of steps and a time, such as
   * "Post-run recovery: 7 steps in 10 minutes" */
  return g_strdup_printf (_("%s: %s in %s"), unknot_routine_get_name (routine), steps, time);
}

/* Why the run is not in the history, if it is not: a preview, or a failed write. */
static void
show_recording (UnknotSummaryPage *self)
{
  UnknotRun *run = self->run;
  gboolean preview = unknot_run_get_preview (run);
  g_autofree char *speed = unknot_format_speed (unknot_session_get_speed (
                                                  unknot_run_get_session (run)));
  g_autofree char *text = NULL;

  if (preview)
    /* Translators: %s is how much faster than real time the preview ran, such as "×20" */
    text = g_strdup_printf (_("This was a preview at %s speed, so it is not in your history."),
                            speed);
  else
    text = g_strdup (_("This session could not be saved to your history. Check that there is "
                       "space on the disk."));
  gtk_label_set_label (self->not_recorded_label, text);
  /* Leaving a preview out is what the author asked for; a failed write is a warning. */
  if (preview)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->not_recorded_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->not_recorded_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->not_recorded_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->not_recorded_label), "warning");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->not_recorded_label), !unknot_run_get_recorded (run));
  /* A preview's feel says nothing of a massage, and would be kept nowhere. */
  gtk_widget_set_visible (GTK_WIDGET (self->rating_label), !preview);
  gtk_widget_set_visible (self->rating_scale, !preview);
}

/* Done or stopped early, what was done, and the regions worked on, lit on the body map. */
static void
show_outcome (UnknotSummaryPage *self)
{
  UnknotRun *run = self->run;
  gboolean completed;
  guint32 regions;
  g_autofree char *names = NULL;
  g_autofree char *description = NULL;
  g_autofree char *worked = NULL;

  if (run == NULL || !unknot_run_get_ended (run))
    return;

  completed = unknot_run_get_completed (run);
  regions = unknot_run_get_regions (run);
  names = unknot_format_regions (regions);

  adw_status_page_set_title (self->status_page, completed ? _("Well Done") : _("Stopped Early"));
  /* Stopping early is no failure, and what was done is kept: a clock of the history,
   * not the stop button's square, which looked like a picture that failed to load. */
  adw_status_page_set_icon_name (self->status_page, completed ? "emblem-ok-symbolic"
                                                              : "document-open-recent-symbolic");
  adw_window_title_set_title (self->window_title,
                              unknot_routine_get_name (unknot_run_get_routine (run)));
  description = describe_run (run);
  adw_status_page_set_description (self->status_page, description);

  unknot_body_map_set_highlight (self->body_map, regions, UNKNOT_SIDE_BOTH);
  /* Translators: %s is a list of body regions, such as "Calves, Feet" */
  worked = regions ? g_strdup_printf (_("You worked on: %s"), names) : g_strdup ("");
  gtk_label_set_label (self->regions_label, worked);
  show_recording (self);
  show_rating (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
unknot_summary_page_dispose (GObject *object)
{
  UnknotSummaryPage *self = UNKNOT_SUMMARY_PAGE (object);

  unknot_summary_page_set_run (self, NULL);
  g_clear_object (&self->run_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_SUMMARY_PAGE);

  G_OBJECT_CLASS (unknot_summary_page_parent_class)->dispose (object);
}

static void
unknot_summary_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotSummaryPage *self = UNKNOT_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUN: g_value_set_object (value, self->run); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_summary_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotSummaryPage *self = UNKNOT_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUN: unknot_summary_page_set_run (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_summary_page_class_init (UnknotSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_summary_page_dispose;
  object_class->get_property = unknot_summary_page_get_property;
  object_class->set_property = unknot_summary_page_set_property;

  /* The run to sum up once it has ended, or NULL. */
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, UNKNOT_TYPE_RUN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, regions_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, not_recorded_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, rating_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, rating_scale);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, rating_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, rating_chosen_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, done_button);
}

static void
unknot_summary_page_init (UnknotSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_rating_buttons (self);

  self->run_signals = g_signal_group_new (UNKNOT_TYPE_RUN);
  g_signal_group_connect_object (self->run_signals, "notify::ended", G_CALLBACK (show_outcome),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->run_signals, "notify::rating", G_CALLBACK (show_rating),
                                 self, G_CONNECT_SWAPPED);
}

UnknotRun *
unknot_summary_page_get_run (UnknotSummaryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_SUMMARY_PAGE (self), NULL);
  return self->run;
}

/* @run: (nullable): the run to sum up; the page shows it once it has ended */
void
unknot_summary_page_set_run (UnknotSummaryPage *self,
                             UnknotRun         *run)
{
  g_return_if_fail (UNKNOT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (run == NULL || UNKNOT_IS_RUN (run));

  if (!g_set_object (&self->run, run))
    return;
  g_signal_group_set_target (self->run_signals, run);
  show_outcome (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}
