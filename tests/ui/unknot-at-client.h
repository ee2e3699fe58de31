/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <atspi/atspi.h>

G_BEGIN_DECLS

/* An assistive-technology client for the UI tests, as a screen reader is one: it starts
 * the accessibility bus on the tests' private D-Bus session, finds the app under test
 * on it by process, and reads its tree, names, roles and states through AT-SPI. */

/* Older libatspi declares no g_autoptr cleanups; aliases keep these from clashing with
 * those of a newer one. */
typedef AtspiAccessible UnknotAtAccessible;
typedef AtspiStateSet UnknotAtStateSet;
typedef AtspiAction UnknotAtAction;
typedef AtspiEventListener UnknotAtEventListener;
typedef AtspiComponent UnknotAtComponent;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotAtAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotAtStateSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotAtAction, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotAtEventListener, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotAtComponent, g_object_unref)

void             unknot_at_bus_start          (void);
void             unknot_at_bus_stop           (void);

AtspiAccessible *unknot_at_find_application   (GPid             pid);
AtspiAccessible *unknot_at_get_frame          (AtspiAccessible *application);
GPtrArray       *unknot_at_collect_showing    (AtspiAccessible *root);
AtspiAccessible *unknot_at_find               (AtspiAccessible *root,
                                               AtspiRole        role,
                                               const char      *name_prefix);
gboolean         unknot_at_has_state          (AtspiAccessible *accessible,
                                               AtspiStateType   state);
char            *unknot_at_get_name           (AtspiAccessible *accessible);
void             unknot_at_click              (AtspiAccessible *accessible);
AtspiAccessible *unknot_at_find_focused       (AtspiAccessible *root);
void             unknot_at_sleep              (guint            ms);

G_END_DECLS
