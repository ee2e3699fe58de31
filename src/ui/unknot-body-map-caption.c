/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "unknot-body-map-caption.h"

/* The words under the body figure: which half shows the front and which the back, and,
 * under each, the person's own right and left, which the front view shows the other way
 * round from the viewer's. A screen reader has the regions' names and needs none of
 * this, so it is hidden from screen readers. */

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           float       xalign,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
view_caption (const char *view,
              const char *viewer_left,
              const char *viewer_right)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  add_label (box, viewer_left, 0.0, "dim-label");
  add_label (box, view, 0.5, "heading");
  add_label (box, viewer_right, 1.0, "dim-label");
  return box;
}

GtkWidget *
unknot_body_map_caption_new (void)
{
  GtkWidget *caption = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (caption), TRUE);
  gtk_widget_add_css_class (caption, "body-map-caption");
  gtk_accessible_update_state (GTK_ACCESSIBLE (caption), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  /* Translators: the body map's view of the person's front, and the person's own right
   * and left sides as that view shows them */
  gtk_box_append (GTK_BOX (caption),
                  view_caption (C_("body map", "Front"), C_("body map", "Right"),
                                C_("body map", "Left")));
  /* Translators: the body map's view of the person's back */
  gtk_box_append (GTK_BOX (caption),
                  view_caption (C_("body map", "Back"), C_("body map", "Left"),
                                C_("body map", "Right")));
  return caption;
}
