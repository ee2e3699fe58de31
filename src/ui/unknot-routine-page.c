/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-demonstration.h"
#include "unknot-format.h"
#include "unknot-handout-print.h"
#include "unknot-pack-export.h"
#include "unknot-preview-loader.h"
#include "unknot-problem-row.h"
#include "unknot-routine-page.h"
#include "unknot-toasts.h"

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
  AdwBin parent_instance;

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
  UnknotPackReader *pack;      /* when previewing a routine pack */
  GFileMonitor *monitor;
  GSignalGroup *monitor_signals; /* follow the monitor of the file previewed */
  guint reload_source;
};

enum
{
  PROP_0,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, ADW_TYPE_BIN)

static GtkWidget *
create_start_button (guint item)
{
  GtkWidget *start = gtk_button_new_with_mnemonic (_("Start _From This Step"));

  gtk_widget_add_css_class (start, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "win.start-from");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (start), "u", item);
  return start;
}

/* What an expanded step shows: its demonstration beside its instructions, a button to
 * start there and a link to the technique in the glossary. */
static GtkWidget *
create_step_how_to (UnknotStep *step,
                    guint       item)
{
  UnknotTechnique technique = unknot_step_get_technique (step);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *demonstration = unknot_demonstration_new ();
  GtkWidget *instructions = gtk_label_new (unknot_step_get_instructions (step));
  g_autofree char *about_label = NULL;
  GtkWidget *about;

  gtk_widget_set_size_request (demonstration, 120, 120);
  gtk_widget_set_valign (demonstration, GTK_ALIGN_START);
  unknot_demonstration_show (UNKNOT_DEMONSTRATION (demonstration), technique,
                             unknot_step_get_region (step), unknot_step_get_tool (step),
                             unknot_step_get_pressure (step),
                             unknot_step_get_side (step) == UNKNOT_SIDE_RIGHT
                             ? UNKNOT_SIDE_RIGHT : UNKNOT_SIDE_LEFT);
  gtk_label_set_wrap (GTK_LABEL (instructions), TRUE);
  gtk_label_set_xalign (GTK_LABEL (instructions), 0);
  gtk_widget_set_hexpand (instructions, TRUE);
  /* Translators: a button under a step's instructions that opens the glossary at the
   * step's technique; %s is the technique, such as "Petrissage" */
  about_label = g_strdup_printf (_("About %s"), unknot_technique_get_label (technique));
  about = gtk_button_new_with_label (about_label);
  gtk_widget_add_css_class (about, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (about), "win.show-techniques");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (about), "s",
                                    unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TECHNIQUE,
                                                              technique));
  gtk_box_append (GTK_BOX (buttons), create_start_button (item));
  gtk_box_append (GTK_BOX (buttons), about);
  gtk_box_append (GTK_BOX (text), instructions);
  gtk_box_append (GTK_BOX (text), buttons);
  gtk_box_append (GTK_BOX (box), demonstration);
  gtk_box_append (GTK_BOX (box), text);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12,
                NULL);
  return box;
}

/* A step as a row that expands, by click, tap or keyboard, to show how to do it and
 * offers to start the routine there; a rest as a plain row. */
static GtkWidget *
create_step_row (UnknotStep *step,
                 guint       number,
                 guint       item)
{
  g_autofree char *details = unknot_format_step_details (step);
  g_autofree char *title = NULL;
  GtkWidget *row, *content;

  if (unknot_step_get_kind (step) == UNKNOT_STEP_KIND_REST)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Rest"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      return row;
    }

  /* Translators: a step's number and title, such as "3. Knead the calf" */
  title = g_strdup_printf (_("%u. %s"), number, unknot_step_get_title (step));
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), details);

  content = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (content), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (content), create_step_how_to (step, item));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), content);
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
      gtk_list_box_append (self->step_list, create_step_row (step, number, i));
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.print", self->routine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.export-pack",
                                 self->routine != NULL);

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
  if (g_set_object (&self->routine, routine))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
  g_list_store_remove_all (self->problems);
  if (problems != NULL)
    g_list_store_splice (self->problems, 0, 0, problems->pdata, problems->len);
  update (self);
}

static void
reload (UnknotRoutinePage *self)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;

  g_clear_object (&self->pack);
  routine = unknot_preview_loader_load (self->file, &self->pack, &problems);
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
  if (self->monitor_signals != NULL)
    g_signal_group_set_target (self->monitor_signals, NULL);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);
  g_clear_object (&self->pack);
  g_clear_object (&self->library);
}

static void
on_add_clicked (UnknotRoutinePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) added = NULL;
  UnknotLibrary *library = self->library;

  added = unknot_preview_loader_add (library, self->routine, self->pack, &error);
  if (added == NULL)
    {
      unknot_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  unknot_toast_show_text (GTK_WIDGET (self), _("Added to your library"));
  unknot_routine_page_show_routine (self,
                                    unknot_library_lookup (library,
                                                           unknot_routine_get_id (self->routine)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (widget);

  unknot_handout_print_run (self->routine, GTK_WINDOW (gtk_widget_get_root (widget)));
}

static void
export_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  unknot_pack_export_ask (UNKNOT_ROUTINE_PAGE (widget)->routine, widget);
}

static void
unknot_routine_page_dispose (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  stop_preview (self);
  g_clear_object (&self->monitor_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_PAGE);
  g_clear_object (&self->routine);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->dispose (object);
}

static void
unknot_routine_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROUTINE: g_value_set_object (value, self->routine); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_routine_page_class_init (UnknotRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_routine_page_dispose;
  object_class->get_property = unknot_routine_page_get_property;

  /* The routine shown, which Start runs; NULL while a previewed file cannot be read. */
  properties[PROP_ROUTINE] = g_param_spec_object ("routine", NULL, NULL, UNKNOT_TYPE_ROUTINE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                  | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_install_action (widget_class, "routine.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "routine.export-pack", NULL,
                                   export_pack_action);
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer data)
{
  return unknot_problem_row_new (item);
}

/* The application's keys for the page's own actions, such as Ctrl+P for "routine.print".
 * GtkApplication looks its accelerators up from the window, which cannot see the actions
 * of a page inside it; the page takes the same keys, so the shortcuts window still lists
 * what works. They apply while the page is shown. */
static void
add_application_shortcuts (UnknotRoutinePage *self)
{
  static const char *const actions[] = { "routine.print" };
  GtkApplication *application = GTK_APPLICATION (g_application_get_default ());
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; application != NULL && i < G_N_ELEMENTS (actions); i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (application, actions[i]);

      for (guint a = 0; accels[a] != NULL; a++)
        gtk_shortcut_controller_add_shortcut (
          GTK_SHORTCUT_CONTROLLER (controller),
          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[a]),
                            gtk_named_action_new (actions[i])));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static gboolean
focus_start (gpointer data)
{
  UnknotRoutinePage *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self))
      && gtk_widget_is_sensitive (GTK_WIDGET (self->start_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
  return G_SOURCE_REMOVE;
}

/* Whoever opens a routine most likely means to start it: Enter does, at once. The focus
 * moves once the page is in place, after the stack that shows it has moved the focus
 * that was on the page before (to the first thing on this one, Back). */
static void
on_map (UnknotRoutinePage *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_start, g_object_ref (self), g_object_unref);
}

static void
unknot_routine_page_init (UnknotRoutinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_application_shortcuts (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  self->problems = g_list_store_new (UNKNOT_TYPE_PROBLEM);
  gtk_list_box_bind_model (self->problem_list, G_LIST_MODEL (self->problems),
                           create_problem_row, self, NULL);
  self->monitor_signals = g_signal_group_new (G_TYPE_FILE_MONITOR);
  g_signal_group_connect_object (self->monitor_signals, "changed",
                                 G_CALLBACK (on_file_changed), self, 0);
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
  g_signal_group_set_target (self->monitor_signals, self->monitor);
  reload (self);
}

/* Returns: (transfer none) (nullable): the routine shown, %NULL for a broken file. */
UnknotRoutine *
unknot_routine_page_get_routine (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);
  return self->routine;
}
