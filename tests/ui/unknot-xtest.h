/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Real input for UI tests: key presses and pointer clicks made by the X server's XTEST
 * extension, which reach a window exactly as a keyboard's or a mouse's would, through
 * the server, the toolkit's event dispatch and its shortcuts. For any X client, the app
 * under test in-process or in a process of its own.
 *
 * Keep one open for a whole test program: an X server resets when its last client
 * leaves, and refuses connections meanwhile. */

typedef struct _UnknotXTest UnknotXTest;

UnknotXTest *unknot_xtest_open        (void);
void         unknot_xtest_close       (UnknotXTest *self);
gulong       unknot_xtest_find_window (UnknotXTest *self,
                                       GPid         pid);
void         unknot_xtest_focus       (UnknotXTest *self,
                                       gulong       window);
void         unknot_xtest_press       (UnknotXTest *self,
                                       const char  *accelerator);
void         unknot_xtest_move_pointer (UnknotXTest *self,
                                        int          x,
                                        int          y);
void         unknot_xtest_click       (UnknotXTest *self,
                                       gulong       window,
                                       int          x,
                                       int          y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotXTest, unknot_xtest_close)

G_END_DECLS
