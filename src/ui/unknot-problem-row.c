/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-problem-row.h"

/* One problem of a routine file: the file's name, then "line 5: unknown region …",
 * with the full path as a tooltip. */
struct _UnknotProblemRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (UnknotProblemRow, unknot_problem_row, ADW_TYPE_ACTION_ROW)

static void
unknot_problem_row_class_init (UnknotProblemRowClass *klass)
{
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
  return self;
}
