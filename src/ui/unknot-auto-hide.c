/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-auto-hide.h"

/* While enabled, the revealer shows its child only after the pointer has moved, for
 * SHOWN_MS; disabled, it always shows it. The pointer's position is compared with the
 * last one, so that the crossing events a revealed header causes under a still pointer
 * do not keep it shown. */

#define SHOWN_MS 3000

struct _UnknotAutoHide
{
  GtkWidget *watched;            /* unowned: it owns the motion controller */
  GtkRevealer *revealer;         /* unowned: inside @watched */
  GtkEventController *motion;
  gboolean enabled;
  double x, y;                   /* where the pointer was last seen */
  guint hide_source;
};

static gboolean
on_hide_timeout (gpointer data)
{
  UnknotAutoHide *self = data;

  self->hide_source = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           UnknotAutoHide           *self)
{
  if (!self->enabled || (x == self->x && y == self->y))
    return;
  self->x = x;
  self->y = y;
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_clear_handle_id (&self->hide_source, g_source_remove);
  self->hide_source = g_timeout_add (SHOWN_MS, on_hide_timeout, self);
}

UnknotAutoHide *
unknot_auto_hide_new (GtkWidget   *watched,
                      GtkRevealer *revealer)
{
  UnknotAutoHide *self = g_new0 (UnknotAutoHide, 1);

  self->watched = watched;
  self->revealer = revealer;
  self->x = self->y = -1;
  self->motion = gtk_event_controller_motion_new ();
  g_signal_connect (self->motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (watched, self->motion);
  return self;
}

void
unknot_auto_hide_free (UnknotAutoHide *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->hide_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->motion, self);
  g_free (self);
}

/* Enabled, the child hides at once until the pointer moves; disabled, it shows. */
void
unknot_auto_hide_set_enabled (UnknotAutoHide *self,
                              gboolean        enabled)
{
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, !enabled);
}
