/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-background-permission.h"
#include "unknot-background-portal.h"

/* Whether the desktop lets the reminder service run on its own, as the Background portal
 * last answered: the window hands over to the service on closing only then, and the
 * preferences say when reminders come only while the window is open. The portal keeps
 * the user's answer, so asking again asks the desktop, not the user. */
struct _UnknotBackgroundPermission
{
  GObject parent_instance;

  GDBusConnection *bus;  /* nullable */
  GCancellable *cancellable;
  UnknotBackgroundState state;
};

enum
{
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UnknotBackgroundPermission, unknot_background_permission, G_TYPE_OBJECT)

static void
set_state (UnknotBackgroundPermission *self,
           UnknotBackgroundState       state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_answered (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr (UnknotBackgroundPermission) self = data;
  g_autoptr (GError) error = NULL;

  if (unknot_background_portal_request_finish (result, &error))
    set_state (self, UNKNOT_BACKGROUND_ALLOWED);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    set_state (self, UNKNOT_BACKGROUND_DENIED);
  else
    {
      g_debug ("No reminders in the background: %s", error->message);
      set_state (self, UNKNOT_BACKGROUND_UNAVAILABLE);
    }
}

static void
unknot_background_permission_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  UnknotBackgroundPermission *self = UNKNOT_BACKGROUND_PERMISSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_background_permission_dispose (GObject *object)
{
  UnknotBackgroundPermission *self = UNKNOT_BACKGROUND_PERMISSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->bus);

  G_OBJECT_CLASS (unknot_background_permission_parent_class)->dispose (object);
}

static void
unknot_background_permission_class_init (UnknotBackgroundPermissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = unknot_background_permission_get_property;
  object_class->dispose = unknot_background_permission_dispose;

  /* An UnknotBackgroundState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, UNKNOT_BACKGROUND_UNKNOWN,
                      UNKNOT_BACKGROUND_UNAVAILABLE, UNKNOT_BACKGROUND_UNKNOWN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_background_permission_init (UnknotBackgroundPermission *self)
{
  self->cancellable = g_cancellable_new ();
}

/* @bus: (nullable): the session bus; without one there is no portal to ask */
UnknotBackgroundPermission *
unknot_background_permission_new (GDBusConnection *bus)
{
  UnknotBackgroundPermission *self = g_object_new (UNKNOT_TYPE_BACKGROUND_PERMISSION, NULL);

  g_set_object (&self->bus, bus);
  return self;
}

/* Asks the portal, unless an answer is on its way. */
void
unknot_background_permission_request (UnknotBackgroundPermission *self)
{
  g_return_if_fail (UNKNOT_IS_BACKGROUND_PERMISSION (self));

  if (self->state == UNKNOT_BACKGROUND_PENDING)
    return;
  if (self->bus == NULL)
    {
      set_state (self, UNKNOT_BACKGROUND_UNAVAILABLE);
      return;
    }
  set_state (self, UNKNOT_BACKGROUND_PENDING);
  unknot_background_portal_request_async (self->bus, self->cancellable, on_answered,
                                          g_object_ref (self));
}

UnknotBackgroundState
unknot_background_permission_get_state (UnknotBackgroundPermission *self)
{
  g_return_val_if_fail (UNKNOT_IS_BACKGROUND_PERMISSION (self), UNKNOT_BACKGROUND_UNKNOWN);
  return self->state;
}

static gboolean
on_wait_over (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Whether running in the background is allowed, waiting up to @timeout_ms on the main
 * context for an answer still on its way: for a window closed at once after it opened. */
gboolean
unknot_background_permission_wait (UnknotBackgroundPermission *self,
                                   guint                       timeout_ms)
{
  gboolean over = FALSE;
  guint timeout;

  g_return_val_if_fail (UNKNOT_IS_BACKGROUND_PERMISSION (self), FALSE);

  timeout = g_timeout_add (timeout_ms, on_wait_over, &over);
  while (self->state == UNKNOT_BACKGROUND_PENDING && !over)
    g_main_context_iteration (NULL, TRUE);
  if (!over)
    g_source_remove (timeout);
  return self->state == UNKNOT_BACKGROUND_ALLOWED;
}
