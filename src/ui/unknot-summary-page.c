/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-map.h"
#include "unknot-format.h"
#include "unknot-summary-page.h"

/* After a routine: done or stopped early, for how long, which regions were worked (lit
 * on the body map), and an optional 1–5 rating of how the muscles feel, which goes into
 * the history with the session. */

#define N_RATINGS 5

struct _UnknotSummaryPage
{
  GtkWidget parent_instance;

  AdwStatusPage *status_page;
  UnknotBodyMap *body_map;
  GtkLabel *regions_label;
  GtkLabel *not_recorded_label;
  GtkBox *rating_box;
  GtkButton *done_button;
  GtkToggleButton *ratings[N_RATINGS];

  UnknotRoutine *routine;
  guint rating;          /* 1–5, or 0 for none */
  gboolean setting_rating;
};

enum
{
  SIGNAL_RATED,
  SIGNAL_REPEAT,
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotSummaryPage, unknot_summary_page, GTK_TYPE_WIDGET)

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

static void
on_rating_toggled (GtkToggleButton   *button,
                   UnknotSummaryPage *self)
{
  guint rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rating"));

  if (self->setting_rating)
    return;
  if (!gtk_toggle_button_get_active (button))
    rating = 0;
  unknot_summary_page_set_rating (self, rating);
  g_signal_emit (self, signals[SIGNAL_RATED], 0, self->rating);
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
      g_object_set_data (G_OBJECT (button), "rating", GUINT_TO_POINTER (i + 1));
      g_signal_connect (button, "toggled", G_CALLBACK (on_rating_toggled), self);
      gtk_box_append (self->rating_box, button);
      self->ratings[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
on_repeat_clicked (UnknotSummaryPage *self)
{
  g_signal_emit (self, signals[SIGNAL_REPEAT], 0, self->routine);
}

static void
on_done_clicked (UnknotSummaryPage *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0);
}

static void
unknot_summary_page_dispose (GObject *object)
{
  UnknotSummaryPage *self = UNKNOT_SUMMARY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_SUMMARY_PAGE);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (unknot_summary_page_parent_class)->dispose (object);
}

static void
unknot_summary_page_class_init (UnknotSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_summary_page_dispose;

  /**
   * UnknotSummaryPage::rated:
   * @rating: 1–5, or 0 when the rating was taken back
   */
  signals[SIGNAL_RATED] = g_signal_new ("rated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_REPEAT] = g_signal_new ("repeat", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, UNKNOT_TYPE_ROUTINE);
  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, regions_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, not_recorded_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, rating_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotSummaryPage, done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
unknot_summary_page_init (UnknotSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_rating_buttons (self);
}

/**
 * unknot_summary_page_show:
 * @completed: %TRUE if the routine ran to its end, %FALSE if stopped early
 * @active_ms: time spent, pauses left out
 * @regions: 1 << UnknotRegion of the regions worked on
 * @recorded: whether the session reached the history
 */
void
unknot_summary_page_show (UnknotSummaryPage *self,
                          UnknotRoutine     *routine,
                          gboolean           completed,
                          gint64             active_ms,
                          guint              n_steps,
                          guint32            regions,
                          gboolean           recorded)
{
  g_autofree char *time = unknot_format_duration_rounded (active_ms);
  g_autofree char *steps = unknot_format_steps (n_steps);
  g_autofree char *names = unknot_format_regions (regions);
  g_autofree char *description = NULL;
  g_autofree char *worked = NULL;

  g_return_if_fail (UNKNOT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE (routine));

  g_set_object (&self->routine, routine);
  adw_status_page_set_title (self->status_page, completed ? _("Well Done") : _("Stopped Early"));
  adw_status_page_set_icon_name (self->status_page, completed ? "emblem-ok-symbolic"
                                                              : "media-playback-stop-symbolic");
  /* Translators: the routine's name, then a number of steps and a time, such as
   * "Post-run recovery: 7 steps in 10 minutes" */
  description = g_strdup_printf (_("%s: %s in %s"), unknot_routine_get_name (routine), steps, time);
  adw_status_page_set_description (self->status_page, description);

  unknot_body_map_set_highlight (self->body_map, regions, UNKNOT_SIDE_BOTH);
  /* Translators: %s is a list of body regions, such as "Calves, Feet" */
  worked = regions ? g_strdup_printf (_("You worked on: %s"), names) : g_strdup ("");
  gtk_label_set_label (self->regions_label, worked);
  gtk_widget_set_visible (GTK_WIDGET (self->not_recorded_label), !recorded);
  unknot_summary_page_set_rating (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

guint
unknot_summary_page_get_rating (UnknotSummaryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_SUMMARY_PAGE (self), 0);
  return self->rating;
}

/* Shows @rating (1–5, 0 for none) as chosen, without announcing it. */
void
unknot_summary_page_set_rating (UnknotSummaryPage *self,
                                guint              rating)
{
  g_return_if_fail (UNKNOT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (rating <= N_RATINGS);

  self->rating = rating;
  self->setting_rating = TRUE;
  for (guint i = 0; i < N_RATINGS; i++)
    gtk_toggle_button_set_active (self->ratings[i], i + 1 == rating);
  self->setting_rating = FALSE;
}

/* Clicks the button of @rating (1–5), as the user would. */
void
unknot_summary_page_choose_rating (UnknotSummaryPage *self,
                                   guint              rating)
{
  g_return_if_fail (UNKNOT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (rating >= 1 && rating <= N_RATINGS);

  gtk_widget_activate (GTK_WIDGET (self->ratings[rating - 1]));
}
