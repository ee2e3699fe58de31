/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-after-run-panel.h"
#include "unknot-body-map.h"
#include "unknot-history-regions.h"
#include "unknot-format.h"
#include "unknot-library-page.h"
#include "unknot-problem-row.h"
#include "unknot-routine-row.h"

/* The first page: "Just ran?" (UnknotAfterRunPanel), then every routine as a row (name,
 * length, regions, tools), filtered by the search text and by the regions clicked on
 * the body map, and below them the files that could not be read, each with its file,
 * line and message. With "Show Regions Due" on, the body map tints each region by the
 * days since a session last worked it, with a legend below it. */
struct _UnknotLibraryPage
{
  AdwBin parent_instance;

  GMenuModel *primary_menu;
  GtkMenuButton *menu_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *content;
  UnknotAfterRunPanel *after_run_panel;
  UnknotBodyMap *body_map;
  GtkWidget *due_legend;
  GtkLabel *filter_label;
  GtkButton *clear_button;
  GtkListBox *routine_list;
  AdwStatusPage *no_match;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problem_list;
  AdwStatusPage *empty_page;

  UnknotLibrary *library;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  UnknotHistory *history;   /* nullable: no history could be opened */
  gboolean show_regions_due;
};

enum
{
  PROP_0,
  PROP_SHOW_REGIONS_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotLibraryPage, unknot_library_page, ADW_TYPE_BIN)

/* Asks the history when each region was last worked, for the suggestions after a run
 * and the body map's tint; days are local, so it is asked again whenever the page is
 * shown as well as when the history changes. */
static void
update_regions_due (UnknotLibraryPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  UnknotHistoryRegionsDue due;

  gtk_widget_set_visible (self->due_legend, self->show_regions_due);
  if (self->history == NULL
      || !unknot_history_get_regions_due (self->history, now, &due, &error))
    {
      if (error != NULL)
        g_message ("The regions due are not known: %s", error->message);
      unknot_after_run_panel_set_worked_this_week (self->after_run_panel, 0);
      unknot_body_map_set_due (self->body_map, NULL);
      return;
    }
  unknot_after_run_panel_set_worked_this_week (self->after_run_panel, due.this_week);
  unknot_body_map_set_due (self->body_map, self->show_regions_due ? due.days_since : NULL);
}

static gboolean
routine_is_shown (gpointer item,
                  gpointer data)
{
  UnknotLibraryPage *self = data;
  UnknotRoutine *routine = item;
  guint32 regions = unknot_body_map_get_selection (self->body_map);

  if (regions != 0 && (unknot_routine_get_regions (routine) & regions) == 0)
    return FALSE;
  return unknot_routine_matches (routine,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static GtkWidget *
create_routine_row (gpointer item,
                    gpointer data)
{
  return unknot_routine_row_new (item);
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer data)
{
  return unknot_problem_row_new (item);
}

static void
update_filter_label (UnknotLibraryPage *self)
{
  guint32 regions = unknot_body_map_get_selection (self->body_map);
  g_autofree char *names = unknot_format_regions (regions);
  g_autofree char *text = NULL;

  if (regions == 0)
    text = g_strdup (_("Click a region to find routines for it"));
  else
    /* Translators: %s is a list of body regions, such as "Calves, Feet" */
    text = g_strdup_printf (_("Routines for %s"), names);
  gtk_label_set_label (self->filter_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), regions != 0);
}

static void
update_visibility (UnknotLibraryPage *self)
{
  guint n_routines = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;
  guint n_problems = self->library
                     ? g_list_model_get_n_items (unknot_library_get_problems (self->library))
                     : 0;
  guint n_shown = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  gtk_stack_set_visible_child_name (self->content,
                                    n_routines + n_problems > 0 ? "routines" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->routine_list), n_shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match), n_shown == 0 && n_routines > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
}

static void
refilter (UnknotLibraryPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

static void
on_search_changed (UnknotLibraryPage *self)
{
  refilter (self);
}

static void
on_selection_changed (UnknotLibraryPage *self)
{
  update_filter_label (self);
  refilter (self);
}

static void
on_clear_clicked (UnknotLibraryPage *self)
{
  unknot_body_map_set_selection (self->body_map, 0);
}

static void
on_row_activated (UnknotLibraryPage *self,
                  GtkListBoxRow     *row)
{
  UnknotRoutine *routine;

  if (!UNKNOT_IS_ROUTINE_ROW (row))
    return;
  routine = unknot_routine_row_get_routine (UNKNOT_ROUTINE_ROW (row));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-routine", "s",
                              unknot_routine_get_id (routine));
}

/* Enter in the search opens the first routine found, the only one when the search is
 * precise. The list follows the search only after a pause in typing, so it is filtered
 * here first for what is typed now. */
static void
on_search_activate (UnknotLibraryPage *self)
{
  g_autoptr (UnknotRoutine) first = NULL;

  refilter (self);
  if (self->filtered == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-routine", "s",
                              unknot_routine_get_id (first));
}

static void
on_model_changed (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  UnknotLibraryPage *self)
{
  update_visibility (self);
}

/* The menu's popover is made when the menu first opens, not with the page: opening
 * the app should not wait for a menu nobody has asked for yet. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  UnknotLibraryPage *self = data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
unknot_library_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_REGIONS_DUE: g_value_set_boolean (value, self->show_regions_due); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_library_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_REGIONS_DUE:
      if (self->show_regions_due == g_value_get_boolean (value))
        break;
      self->show_regions_due = g_value_get_boolean (value);
      update_regions_due (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_library_page_dispose (GObject *object)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (object);

  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->library, self);
      g_signal_handlers_disconnect_by_data (unknot_library_get_problems (self->library), self);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_LIBRARY_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (unknot_library_page_parent_class)->dispose (object);
}

static void
unknot_library_page_class_init (UnknotLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_library_page_dispose;
  object_class->get_property = unknot_library_page_get_property;
  object_class->set_property = unknot_library_page_set_property;

  /* Whether the body map tints the regions by the days since they were last worked. */
  properties[PROP_SHOW_REGIONS_DUE] =
    g_param_spec_boolean ("show-regions-due", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "library.show-regions-due",
                                            "show-regions-due");

  g_type_ensure (UNKNOT_TYPE_AFTER_RUN_PANEL);
  g_type_ensure (UNKNOT_TYPE_BODY_MAP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/unknot/Unknot/ui/unknot-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, content);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, after_run_panel);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, body_map);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, due_legend);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, routine_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, no_match);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, problem_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
}

static void
unknot_library_page_init (UnknotLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect (self, "map", G_CALLBACK (update_regions_due), NULL);
  /* Without a history there is nothing to tint by. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.show-regions-due", FALSE);
  update_filter_label (self);
}

void
unknot_library_page_set_library (UnknotLibraryPage *self,
                                 UnknotLibrary     *library)
{
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));
  g_return_if_fail (UNKNOT_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->filter = gtk_custom_filter_new (routine_is_shown, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (library)),
                                              GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->routine_list, G_LIST_MODEL (self->filtered),
                           create_routine_row, self, NULL);
  gtk_list_box_bind_model (self->problem_list, unknot_library_get_problems (library),
                           create_problem_row, self, NULL);
  unknot_after_run_panel_set_routines (self->after_run_panel, G_LIST_MODEL (library));

  g_signal_connect (self->filtered, "items-changed", G_CALLBACK (on_model_changed), self);
  g_signal_connect (unknot_library_get_problems (library), "items-changed",
                    G_CALLBACK (on_model_changed), self);

  folder = g_file_get_parse_name (unknot_library_get_user_folder (library));
  /* Translators: %s is a folder, such as ~/.local/share/unknot/routines */
  description = g_strdup_printf (_("Put routine files in %s, or open one to try it."), folder);
  adw_status_page_set_description (self->empty_page, description);
  update_visibility (self);
}

/* @history: (nullable): where the sessions are, for the regions worked */
void
unknot_library_page_set_history (UnknotLibraryPage *self,
                                 UnknotHistory     *history)
{
  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));
  g_return_if_fail (history == NULL || UNKNOT_IS_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  if (history == NULL)
    return;
  self->history = g_object_ref (history);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (update_regions_due), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.show-regions-due", TRUE);
  update_regions_due (self);
}

void
unknot_library_page_start_search (UnknotLibraryPage *self)
{
  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
