/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-chart-paint.h"

/* A line of @text in the widget's font, with figures of equal width so numbers line up. */
PangoLayout *
unknot_chart_paint_layout (GtkWidget  *widget,
                           const char *text)
{
  PangoLayout *layout;
  PangoAttrList *attributes;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  layout = gtk_widget_create_pango_layout (widget, text);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

/* Draws @layout with its top left corner at @x, @y. */
void
unknot_chart_paint_text (GtkSnapshot   *snapshot,
                         PangoLayout   *layout,
                         double         x,
                         double         y,
                         const GdkRGBA *color)
{
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}
