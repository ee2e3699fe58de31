/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "unknot-window.h"

G_BEGIN_DECLS

void unknot_open_dialog_ask (UnknotWindow *window);

G_END_DECLS
