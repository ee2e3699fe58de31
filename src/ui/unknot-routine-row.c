/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-format.h"
#include "unknot-routine-row.h"

/* A routine in the library: its name, and below it its length, regions and tools. */
struct _UnknotRoutineRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *name_label;
  GtkLabel *summary_label;

  UnknotRoutine *routine;
};

G_DEFINE_FINAL_TYPE (UnknotRoutineRow, unknot_routine_row, GTK_TYPE_LIST_BOX_ROW)

/* "10 minutes · Calves, Feet · Hands" */
static char *
format_summary (UnknotRoutine *routine)
{
  g_autofree char *total = unknot_format_duration_rounded (
    unknot_routine_get_total (routine, UNKNOT_DEFAULT_PREPARE_MS, UNKNOT_DEFAULT_SWITCH_GAP_MS));
  g_autofree char *regions = unknot_format_regions (unknot_routine_get_regions (routine));
  g_autofree char *tools = unknot_format_tools (unknot_routine_get_tools (routine));

  /* Translators: a routine's length, regions and tools, such as
   * "10 minutes · Calves, Feet · Hands" */
  return g_strdup_printf (_("%s · %s · %s"), total, regions, tools);
}

static void
unknot_routine_row_dispose (GObject *object)
{
  UnknotRoutineRow *self = UNKNOT_ROUTINE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_ROW);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (unknot_routine_row_parent_class)->dispose (object);
}

static void
unknot_routine_row_class_init (UnknotRoutineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_routine_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/unknot/Unknot/ui/unknot-routine-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutineRow, summary_label);
}

static void
unknot_routine_row_init (UnknotRoutineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_routine_row_new (UnknotRoutine *routine)
{
  UnknotRoutineRow *self;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);

  self = g_object_new (UNKNOT_TYPE_ROUTINE_ROW, NULL);
  self->routine = g_object_ref (routine);
  summary = format_summary (routine);
  gtk_label_set_text (self->name_label, unknot_routine_get_name (routine));
  gtk_label_set_text (self->summary_label, summary);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the routine the row shows. */
UnknotRoutine *
unknot_routine_row_get_routine (UnknotRoutineRow *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_ROW (self), NULL);
  return self->routine;
}
