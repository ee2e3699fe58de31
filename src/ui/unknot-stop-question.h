/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-run.h"

G_BEGIN_DECLS

void unknot_stop_question_ask (GtkWindow *parent,
                               UnknotRun *run);

G_END_DECLS
