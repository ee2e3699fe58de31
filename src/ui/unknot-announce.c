/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-announce.h"
#include "unknot-compat.h"

/* Screen readers do not speak a change to a label they are not on, so what changes
 * during a run is said twice over: the text goes to a status line (a label with the
 * status role, which a screen reader reads on demand and hears change), and, where GTK
 * can, it is also announced, which screen readers speak at once whatever has focus. */

/**
 * unknot_announce:
 * @status: a label with the status role
 * @text: what to say, such as "Step 2 of 5: Knead the calf"
 */
void
unknot_announce (GtkLabel   *status,
                 const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (status));
  g_return_if_fail (text != NULL);

  gtk_label_set_label (status, text);
  unknot_compat_announce (GTK_WIDGET (status), text);
}
