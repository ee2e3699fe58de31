/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-demonstration.h"
#include "unknot-technique-guide.h"
#include "unknot-techniques-window.h"

/* The glossary of techniques: for each, its demonstration, a paragraph on how to do it
 * and how it should feel, and which of the routines that come with the app use it. A
 * window of its own rather than a page, so that it opens from the player without
 * leaving a running routine, as well as from the main menu and the routine page. */

struct _UnknotTechniquesWindow
{
  AdwWindow parent_instance;

  GtkScrolledWindow *scroller;
  GtkBox *entries;
  GtkWidget *entry[UNKNOT_N_TECHNIQUES];
  UnknotTechnique wanted;       /* the entry to scroll to once laid out */
  guint scroll_tick;
};

G_DEFINE_FINAL_TYPE (UnknotTechniquesWindow, unknot_techniques_window, ADW_TYPE_WINDOW)

static gboolean
is_shipped (UnknotRoutine *routine,
            GFile         *shipped)
{
  GFile *file = unknot_routine_get_file (routine);

  return file != NULL && shipped != NULL && g_file_has_prefix (file, shipped);
}

static gboolean
uses_technique (UnknotRoutine   *routine,
                UnknotTechnique  technique)
{
  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (routine, i);

      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP
          && unknot_step_get_technique (step) == technique)
        return TRUE;
    }
  return FALSE;
}

/* "Used in: Post-run recovery, Race morning", from the routines that come with the app. */
static char *
describe_use (UnknotLibrary   *library,
              UnknotTechnique  technique)
{
  g_autoptr (GFile) shipped = unknot_library_get_shipped_folder_default ();
  g_autoptr (GString) names = g_string_new (NULL);
  GListModel *routines = G_LIST_MODEL (library);

  for (guint i = 0; library != NULL && i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr (UnknotRoutine) routine = g_list_model_get_item (routines, i);

      if (is_shipped (routine, shipped) && uses_technique (routine, technique))
        g_string_append_printf (names, "%s%s",
                                /* Translators: between the names of routines in a list */
                                names->len > 0 ? C_("list separator", ", ") : "",
                                unknot_routine_get_name (routine));
    }
  if (names->len == 0)
    return g_strdup (_("No routine that comes with Unknot uses it yet."));
  /* Translators: %s lists routines that come with the app, such as "Post-run recovery,
   * Race morning" */
  return g_strdup_printf (_("Used in: %s"), names->str);
}

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
make_entry (UnknotLibrary   *library,
            UnknotTechnique  technique)
{
  UnknotTechniqueExample example = unknot_technique_guide_get_example (technique);
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *demonstration = unknot_demonstration_new ();
  g_autofree char *use = describe_use (library, technique);

  gtk_widget_set_size_request (demonstration, 160, 160);
  gtk_widget_set_valign (demonstration, GTK_ALIGN_START);
  unknot_demonstration_show (UNKNOT_DEMONSTRATION (demonstration), technique, example.region,
                             example.tool, UNKNOT_PRESSURE_MEDIUM, example.side);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), make_label (unknot_technique_get_label (technique),
                                              "title-3"));
  gtk_box_append (GTK_BOX (text), make_label (unknot_technique_guide_get_how_to (technique),
                                              NULL));
  gtk_box_append (GTK_BOX (text), make_label (use, "dim-label"));
  gtk_box_append (GTK_BOX (entry), demonstration);
  gtk_box_append (GTK_BOX (entry), text);
  gtk_widget_set_name (entry, unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE, technique));
  return entry;
}

/* Once the entries have their places: scrolls the wanted one to the top. */
static gboolean
scroll_to_wanted (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  UnknotTechniquesWindow *self = UNKNOT_TECHNIQUES_WINDOW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t top;

  if (!gtk_widget_compute_point (self->entry[self->wanted], GTK_WIDGET (self->entries),
                                 &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_CONTINUE;
  gtk_adjustment_set_value (adjustment, top.y);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Brings @technique's entry into view and plays its demonstration. */
void
unknot_techniques_window_show_technique (UnknotTechniquesWindow *self,
                                         UnknotTechnique         technique)
{
  g_return_if_fail (UNKNOT_IS_TECHNIQUES_WINDOW (self));
  g_return_if_fail (technique < UNKNOT_N_TECHNIQUES);

  self->wanted = technique;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_wanted, NULL,
                                                      NULL);
  unknot_demonstration_replay (
    UNKNOT_DEMONSTRATION (gtk_widget_get_first_child (self->entry[technique])));
}

/* Returns: (transfer none): the entry of @technique: its demonstration and its words. */
GtkWidget *
unknot_techniques_window_get_entry (UnknotTechniquesWindow *self,
                                    UnknotTechnique         technique)
{
  g_return_val_if_fail (UNKNOT_IS_TECHNIQUES_WINDOW (self), NULL);
  g_return_val_if_fail (technique < UNKNOT_N_TECHNIQUES, NULL);
  return self->entry[technique];
}

static void
unknot_techniques_window_class_init (UnknotTechniquesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (UNKNOT_TYPE_DEMONSTRATION);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-techniques-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquesWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotTechniquesWindow, entries);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
unknot_techniques_window_init (UnknotTechniquesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @library: (nullable): where to find the routines that use each technique */
UnknotTechniquesWindow *
unknot_techniques_window_new (UnknotLibrary *library)
{
  UnknotTechniquesWindow *self = g_object_new (UNKNOT_TYPE_TECHNIQUES_WINDOW, NULL);

  for (UnknotTechnique t = 0; t < UNKNOT_N_TECHNIQUES; t++)
    {
      self->entry[t] = make_entry (library, t);
      gtk_box_append (self->entries, self->entry[t]);
    }
  return self;
}
