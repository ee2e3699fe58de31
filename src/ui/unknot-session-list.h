/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "unknot-history.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SESSION_LIST (unknot_session_list_get_type ())
G_DECLARE_FINAL_TYPE (UnknotSessionList, unknot_session_list, UNKNOT, SESSION_LIST, AdwBin)

UnknotHistory *unknot_session_list_get_history (UnknotSessionList  *self);
void           unknot_session_list_set_history (UnknotSessionList  *self,
                                                UnknotHistory      *history);
gboolean       unknot_session_list_update      (UnknotSessionList  *self,
                                                guint              *n_listed,
                                                GError            **error);

G_END_DECLS
