/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-accessible-names.h"

/* GTK 4.8 names a button with a mnemonic by its raw label and then by the label that
 * the mnemonic makes it "labelled by", so a screen reader reads "_Start Start". Each
 * such button is given its label without the underscore as its name, and no longer
 * said to be labelled by its own label, so that the name is said once, the way it
 * reads. Harmless where GTK names it right.
 *
 * GTK 4.8 also names an empty label by its type, "GtkLabel", which a screen reader then
 * reads out; a label is hidden from screen readers while it has no text. */

#define FIXED_KEY "unknot-accessible-name-fixed"

/* "_Start" → "Start", "Rock __n roll" → "Rock _n roll". */
char *
unknot_accessible_names_strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (label != NULL, NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_')
        {
          if (c[1] != '_')
            continue;
          c++;
        }
      g_string_append_c (text, *c);
    }
  return g_string_free (text, FALSE);
}

static void
fix_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *name = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button)
      || g_object_get_data (G_OBJECT (button), FIXED_KEY) != NULL)
    return;
  name = unknot_accessible_names_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_object_set_data (G_OBJECT (button), FIXED_KEY, GINT_TO_POINTER (TRUE));
}

static void
hide_if_empty (GtkLabel *label)
{
  const char *text = gtk_label_get_label (label);

  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN,
                               text == NULL || *text == '\0', -1);
}

static void
fix_label (GtkLabel *label)
{
  if (g_object_get_data (G_OBJECT (label), FIXED_KEY) != NULL)
    return;
  g_signal_connect (label, "notify::label", G_CALLBACK (hide_if_empty), NULL);
  hide_if_empty (label);
  g_object_set_data (G_OBJECT (label), FIXED_KEY, GINT_TO_POINTER (TRUE));
}

/**
 * unknot_accessible_names_fix:
 * @root: a page or window
 *
 * Names every button with a mnemonic under @root as it reads, and hides its labels from
 * screen readers while they are empty. Buttons whose label changes later keep the name
 * they had; call it again after building new widgets.
 */
void
unknot_accessible_names_fix (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    fix_button (GTK_BUTTON (root));
  else if (GTK_IS_LABEL (root))
    fix_label (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unknot_accessible_names_fix (child);
}
