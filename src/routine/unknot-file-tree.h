/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  unknot_file_tree_delete  (GFile *file);

G_END_DECLS
