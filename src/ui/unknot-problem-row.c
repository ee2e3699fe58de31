/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-pack-reader.h"
#include "unknot-problem-row.h"
#include "unknot-text-editor.h"
#include "unknot-toasts.h"

/* One problem of a routine file: the file's name, then "line 5: unknown region …",
 * with the full path as a tooltip. Activating the row, or its button, opens the file in
 * a text editor, to mend it there. */
struct _UnknotProblemRow
{
  AdwActionRow parent_instance;

  GFile *file;
};

G_DEFINE_FINAL_TYPE (UnknotProblemRow, unknot_problem_row, ADW_TYPE_ACTION_ROW)

static void
unknot_problem_row_finalize (GObject *object)
{
  UnknotProblemRow *self = UNKNOT_PROBLEM_ROW (object);

  g_clear_object (&self->file);
  G_OBJECT_CLASS (unknot_problem_row_parent_class)->finalize (object);
}

static void
unknot_problem_row_class_init (UnknotProblemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_problem_row_finalize;
}

static void
on_edit_clicked (UnknotProblemRow *self)
{
  g_autoptr (GError) error = NULL;

  if (!unknot_text_editor_open (GTK_WIDGET (self), self->file, &error))
    unknot_toast_show_text (GTK_WIDGET (self), error->message);
}

/* A routine file of its own on disk: not a pack, nor a routine inside one, named
 * "PACK(ROUTINE)". */
static gboolean
can_be_edited (const char *filename)
{
  return g_file_test (filename, G_FILE_TEST_IS_REGULAR)
         && !g_str_has_suffix (filename, UNKNOT_PACK_SUFFIX);
}

/* The button at the row's end, which the whole row activates. */
static void
add_edit_button (UnknotProblemRow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  const char *label = _("Open in Text Editor");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_edit_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), button);
}

static void
unknot_problem_row_init (UnknotProblemRow *self)
{
}

GtkWidget *
unknot_problem_row_new (UnknotProblem *problem)
{
  gboolean is_error = unknot_problem_get_severity (problem) == UNKNOT_SEVERITY_ERROR;
  g_autofree char *name = g_path_get_basename (unknot_problem_get_filename (problem));
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_subtitle = NULL;
  GtkWidget *icon;
  GtkWidget *self;

  g_return_val_if_fail (UNKNOT_IS_PROBLEM (problem), NULL);

  if (unknot_problem_get_line (problem) > 0)
    /* Translators: where a problem is and what it is, such as "line 5: unknown region …" */
    subtitle = g_strdup_printf (_("line %u: %s"), unknot_problem_get_line (problem),
                                unknot_problem_get_message (problem));
  else
    subtitle = g_strdup (unknot_problem_get_message (problem));

  /* As markup, escaped: the rows of libadwaita 1.2 up to the newest parse their texts as
   * markup even with use-markup off, and a message may quote "<safety>". */
  escaped_name = g_markup_escape_text (name, -1);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  self = g_object_new (UNKNOT_TYPE_PROBLEM_ROW,
                       "title", escaped_name,
                       "subtitle", escaped_subtitle,
                       "tooltip-text", unknot_problem_get_filename (problem),
                       NULL);

  icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  if (can_be_edited (unknot_problem_get_filename (problem)))
    {
      UNKNOT_PROBLEM_ROW (self)->file = g_file_new_for_path (unknot_problem_get_filename (problem));
      add_edit_button (UNKNOT_PROBLEM_ROW (self));
    }
  return self;
}
