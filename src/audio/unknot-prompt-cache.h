/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_PROMPT_CACHE (unknot_prompt_cache_get_type ())
G_DECLARE_FINAL_TYPE (UnknotPromptCache, unknot_prompt_cache, UNKNOT, PROMPT_CACHE, GObject)

UnknotPromptCache *unknot_prompt_cache_new     (const char        *speech_voice);
void               unknot_prompt_cache_prepare (UnknotPromptCache *self,
                                                const char        *text);
GBytes            *unknot_prompt_cache_lookup  (UnknotPromptCache *self,
                                                const char        *text);
void               unknot_prompt_cache_prepare_file (UnknotPromptCache *self,
                                                     GFile             *file);
GBytes            *unknot_prompt_cache_lookup_file  (UnknotPromptCache *self,
                                                     GFile             *file);
void               unknot_prompt_cache_keep_files   (UnknotPromptCache *self,
                                                     GPtrArray         *files);

G_END_DECLS
