/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-body-figure.h"
#include "unknot-region-toggle.h"

/* A body region as a toggle button of the body map's filter (unknot-body-map.c): named
 * for screen readers, reached by the keyboard, laid over the region's shape and drawn
 * only as the keyboard's focus ring. Pointer events pass through it to the map, which
 * knows the regions' exact shapes. */

#define REGION_KEY "unknot-region"

/* GTK 4.8 has no toggle role for screen readers and says nothing of a toggle button's
 * state; a check box is the nearest it has, with its checked state kept here. */
GtkWidget *
unknot_region_toggle_new (UnknotRegion region)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkWidget *toggle = gtk_toggle_button_new ();
#else
  GtkWidget *toggle = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX,
                                    NULL);
#endif

  g_object_set_data (G_OBJECT (toggle), REGION_KEY, GUINT_TO_POINTER (region));
  gtk_widget_set_can_target (toggle, FALSE);
  gtk_widget_add_css_class (toggle, "region-toggle");
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unknot_region_get_label (region), -1);
  unknot_region_toggle_set_selected (toggle, FALSE);
  return toggle;
}

UnknotRegion
unknot_region_toggle_get_region (GtkWidget *toggle)
{
  g_return_val_if_fail (GTK_IS_TOGGLE_BUTTON (toggle), 0);
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), REGION_KEY));
}

void
unknot_region_toggle_set_selected (GtkWidget *toggle,
                                   gboolean   selected)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), selected);
#if !GTK_CHECK_VERSION (4, 10, 0)
  gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_CHECKED,
                               selected ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                        : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
#endif
}

static void
remember_first_shape (const char *id,
                      gpointer    data)
{
  char **first = data;

  if (*first == NULL)
    *first = g_strdup (id);
}

/**
 * unknot_region_toggle_allocate:
 * @width: the map's width
 * @figure_height: the height of the map's figure
 *
 * Lays the toggle over the first of its region's shapes, where its focus ring then
 * shows. GTK wants every child measured before it is given its place.
 */
void
unknot_region_toggle_allocate (GtkWidget *toggle,
                               int        width,
                               int        figure_height)
{
  g_autofree char *id = NULL;
  RsvgRectangle box = { 0, 0, 0, 0 };
  int minimum_width, minimum_height;

  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));

  unknot_body_figure_foreach_shape (unknot_region_toggle_get_region (toggle), UNKNOT_SIDE_BOTH,
                                    remember_first_shape, &id);
  if (id != NULL)
    unknot_body_figure_get_shape_bounds (unknot_body_figure_get (), id, width, figure_height,
                                         &box);
  gtk_widget_measure (toggle, GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
  gtk_widget_measure (toggle, GTK_ORIENTATION_VERTICAL, -1, &minimum_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (toggle,
                            &(GtkAllocation) { box.x, box.y, MAX (box.width, minimum_width),
                                               MAX (box.height, minimum_height) }, -1);
}
