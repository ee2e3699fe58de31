/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-format.h"
#include "unknot-problem-row.h"
#include "unknot-routine-page.h"

/* A routine before it starts: what it is for, how to stay safe, what it needs, each
 * step, and a big Start button.
 *
 * It also previews a routine file from outside the library, the author's view: the
 * file's problems with their lines, reloaded whenever the file is saved, and, once the
 * file is valid, a button to add it to the library. */

/* Editors save in bursts; wait for the burst to end before reading. */
#define RELOAD_DELAY_MS 100

struct _UnknotRoutinePage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problem_list;
  GtkWidget *details;
  GtkLabel *description_label;
  GtkWidget *safety_box;
  GtkLabel *safety_label;
  AdwActionRow *length_row;
  AdwActionRow *tools_row;
  AdwActionRow *regions_row;
  GtkButton *start_button;
  GtkButton *add_button;
  GtkListBox *step_list;
  GtkLabel *credits_label;

  UnknotRoutine *routine;
  GListStore *problems;        /* of UnknotProblem */
  UnknotLibrary *library;      /* when previewing a file */
  GFile *file;                 /* when previewing a file */
  GFileMonitor *monitor;
  guint reload_source;
};

enum
{
  SIGNAL_BACK,
  SIGNAL_START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_step_row (UnknotStep *step,
                 guint       number)
{
  g_autofree char *details = unknot_format_step_details (step);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_REST)
    title = g_strdup (_("Rest"));
  else
    /* Translators: a step's number and title, such as "3. Knead the calf" */
    title = g_strdup_printf (_("%u. %s"), number, unknot_step_get_title (step));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  if (unknot_step_get_instructions (step) != NULL)
    gtk_widget_set_tooltip_text (row, unknot_step_get_instructions (step));
  return row;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_steps (UnknotRoutinePage *self)
{
  guint number = 0;

  remove_all_rows (self->step_list);
  for (guint i = 0; i < unknot_routine_get_n_items (self->routine); i++)
    {
      UnknotStep *step = unknot_routine_get_item (self->routine, i);

      if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_STEP)
        number++;
      gtk_list_box_append (self->step_list, create_step_row (step, number));
    }
}

static void
show_facts (UnknotRoutinePage *self)
{
  UnknotRoutine *routine = self->routine;
  g_autofree char *total = unknot_format_duration_rounded (
    unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS, UNKNOT_DEFAULT_SWITCH_GAP_MS));
  g_autofree char *steps = unknot_format_steps (unknot_routine_get_n_steps (routine));
  g_autofree char *length = g_strdup_printf ("%s, %s", total, steps);
  g_autofree char *tools = unknot_format_tools (unknot_routine_get_tools (routine));
  g_autofree char *regions = unknot_format_regions (unknot_routine_get_regions (routine));
  GString *credits = g_string_new (NULL);

  gtk_label_set_label (self->description_label, unknot_routine_get_description (routine));
  gtk_widget_set_visible (self->safety_box, unknot_routine_get_safety (routine) != NULL);
  gtk_label_set_label (self->safety_label, unknot_routine_get_safety (routine));
  adw_action_row_set_subtitle (self->length_row, length);
  adw_action_row_set_subtitle (self->tools_row, tools);
  adw_action_row_set_subtitle (self->regions_row, regions);

  if (unknot_routine_get_author (routine) != NULL)
    /* Translators: %s is the author of a routine */
    g_string_append_printf (credits, _("By %s"), unknot_routine_get_author (routine));
  if (unknot_routine_get_license (routine) != NULL)
    /* Translators: %s is a license name, such as CC-BY-SA-4.0 */
    g_string_append_printf (credits, "%s%s", credits->len ? " · " : "",
                            unknot_routine_get_license (routine));
  gtk_label_set_label (self->credits_label, credits->str);
  gtk_widget_set_visible (GTK_WIDGET (self->credits_label), credits->len > 0);
  g_string_free (credits, TRUE);
}

static gboolean
can_add_to_library (UnknotRoutinePage *self)
{
  return self->file != NULL && self->routine != NULL && self->library != NULL
         && unknot_library_lookup (self->library, unknot_routine_get_id (self->routine)) == NULL;
}

static void
update (UnknotRoutinePage *self)
{
  guint n_problems = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  g_autofree char *file_name = self->file ? g_file_get_basename (self->file) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  gtk_widget_set_visible (self->details, self->routine != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), can_add_to_library (self));

  adw_window_title_set_title (self->window_title,
                              self->routine ? unknot_routine_get_name (self->routine) : file_name);
  /* Translators: shown under the name of a routine opened from a file */
  adw_window_title_set_subtitle (self->window_title, self->file ? _("Preview") : NULL);

  if (self->routine != NULL)
    {
      show_facts (self);
      show_steps (self);
    }
}

static void
set_routine (UnknotRoutinePage *self,
             UnknotRoutine     *routine,
             GPtrArray         *problems)
{
  g_set_object (&self->routine, routine);
  g_list_store_remove_all (self->problems);
  if (problems != NULL)
    g_list_store_splice (self->problems, 0, 0, problems->pdata, problems->len);
  update (self);
}

static void
reload (UnknotRoutinePage *self)
{
  g_autoptr (UnknotRoutineParser) parser = unknot_routine_parser_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autofree char *path = g_file_get_parse_name (self->file);

  routine = unknot_routine_parser_load_file (parser, self->file, path, &problems, NULL);
  set_routine (self, routine, problems);
}

static gboolean
on_reload_timeout (gpointer data)
{
  UnknotRoutinePage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 UnknotRoutinePage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout, self);
}

static void
stop_preview (UnknotRoutinePage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);
  g_clear_object (&self->library);
}

static void
on_back_clicked (UnknotRoutinePage *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
on_start_clicked (UnknotRoutinePage *self)
{
  if (self->routine != NULL)
    g_signal_emit (self, signals[SIGNAL_START], 0, self->routine);
}

static void
show_toast (UnknotRoutinePage *self,
            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_add_clicked (UnknotRoutinePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) added = NULL;
  UnknotLibrary *library = self->library;

  added = unknot_library_add_routine (library, self->routine, &error);
  if (added == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  show_toast (self, _("Added to your library"));
  unknot_routine_page_show_routine (self,
                                    unknot_library_lookup (library,
                                                           unknot_routine_get_id (self->routine)));
}

static void
unknot_routine_page_dispose (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  stop_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_PAGE);
  g_clear_object (&self->routine);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->dispose (object);
}

static void
unknot_routine_page_class_init (UnknotRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_routine_page_dispose;

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * UnknotRoutinePage::start:
   * @routine: the routine to run
   */
  signals[SIGNAL_START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, UNKNOT_TYPE_ROUTINE);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, problem_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, details);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, safety_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, safety_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, length_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, tools_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, regions_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, step_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, credits_label);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer data)
{
  return unknot_problem_row_new (item);
}

static void
unknot_routine_page_init (UnknotRoutinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->problems = g_list_store_new (UNKNOT_TYPE_PROBLEM);
  gtk_list_box_bind_model (self->problem_list, G_LIST_MODEL (self->problems),
                           create_problem_row, self, NULL);
}

void
unknot_routine_page_show_routine (UnknotRoutinePage *self,
                                  UnknotRoutine     *routine)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PAGE (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE (routine));

  stop_preview (self);
  set_routine (self, routine, unknot_routine_get_warnings (routine));
}

void
unknot_routine_page_preview_file (UnknotRoutinePage *self,
                                  UnknotLibrary     *library,
                                  GFile             *file)
{
  g_return_if_fail (UNKNOT_IS_ROUTINE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  stop_preview (self);
  self->file = g_object_ref (file);
  self->library = library ? g_object_ref (library) : NULL;
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
  reload (self);
}

/* Returns: (transfer none) (nullable): the routine shown, %NULL for a broken file. */
UnknotRoutine *
unknot_routine_page_get_routine (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);
  return self->routine;
}

/* Returns: (transfer none): the problems shown, as a list model of UnknotProblem. */
GListModel *
unknot_routine_page_get_problems (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);
  return G_LIST_MODEL (self->problems);
}
