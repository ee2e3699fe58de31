/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-prompt-cache.h"

#include "unknot-sound-decoder.h"
#include "unknot-speech.h"

/* Spoken prompts, synthesised before they are due. espeak takes a few hundred
 * milliseconds to warm up and say a sentence; the cue player knows its prompts seconds
 * ahead (step titles, sides, lengths, cue texts), so it asks for them here when they
 * come into view, and places the samples in the stream in time for their instant.
 *
 * One worker thread synthesises, one prompt at a time, so the main thread never waits
 * for espeak and a busy machine is not asked for more than one core. The samples come
 * back to the main thread in an idle callback; a prompt not ready when due is said the
 * old way, late. */

struct _UnknotPromptCache
{
  GObject parent_instance;

  char *speech_voice;
  GHashTable *samples;     /* text → GBytes, or NULL while it is synthesised */
  GThreadPool *worker;
};

typedef struct
{
  UnknotPromptCache *cache;  /* a reference, until the result is in */
  char *text;
  GBytes *samples;           /* or NULL if it could not be said */
} Job;

G_DEFINE_FINAL_TYPE (UnknotPromptCache, unknot_prompt_cache, G_TYPE_OBJECT)

/* NULL stands for a prompt under way. */
static void
samples_free (gpointer samples)
{
  if (samples != NULL)
    g_bytes_unref (samples);
}

static void
job_free (Job *job)
{
  g_object_unref (job->cache);
  g_free (job->text);
  g_clear_pointer (&job->samples, g_bytes_unref);
  g_free (job);
}

/* In the main thread. A prompt that could not be said stays out of the cache, and the
 * voice says it when it is due. */
static gboolean
take_result (gpointer data)
{
  Job *job = data;

  if (job->samples != NULL)
    g_hash_table_replace (job->cache->samples, g_strdup (job->text), g_bytes_ref (job->samples));
  else
    g_hash_table_remove (job->cache->samples, job->text);
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
synthesise (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  const char *voice = job->cache->speech_voice;
  g_autoptr (GError) error = NULL;

  job->samples = unknot_sound_decoder_render (unknot_speech_new_source (job->text, voice),
                                              job->text, &error);
  if (job->samples == NULL)
    g_debug ("Cannot say “%s” ahead: %s", job->text, error->message);
  g_idle_add (take_result, job);
}

/* Starts synthesising @text unless it is ready or under way. */
void
unknot_prompt_cache_prepare (UnknotPromptCache *self,
                             const char        *text)
{
  Job *job;

  g_return_if_fail (UNKNOT_IS_PROMPT_CACHE (self));
  g_return_if_fail (text != NULL);

  if (g_hash_table_contains (self->samples, text))
    return;
  g_hash_table_insert (self->samples, g_strdup (text), NULL);
  job = g_new0 (Job, 1);
  job->cache = g_object_ref (self);
  job->text = g_strdup (text);
  g_thread_pool_push (self->worker, job, NULL);
}

/* Returns: (transfer none) (nullable): the samples, in %UNKNOT_MIX_CAPS, if ready */
GBytes *
unknot_prompt_cache_lookup (UnknotPromptCache *self,
                            const char        *text)
{
  g_return_val_if_fail (UNKNOT_IS_PROMPT_CACHE (self), NULL);
  return g_hash_table_lookup (self->samples, text);
}

/* @speech_voice: an espeak voice, from unknot_speech_choose_voice() */
UnknotPromptCache *
unknot_prompt_cache_new (const char *speech_voice)
{
  UnknotPromptCache *self = g_object_new (UNKNOT_TYPE_PROMPT_CACHE, NULL);

  self->speech_voice = g_strdup (speech_voice);
  return self;
}

static void
unknot_prompt_cache_finalize (GObject *object)
{
  UnknotPromptCache *self = UNKNOT_PROMPT_CACHE (object);

  /* Every job holds a reference, so the worker is idle by now. */
  g_thread_pool_free (self->worker, FALSE, TRUE);
  g_hash_table_unref (self->samples);
  g_free (self->speech_voice);

  G_OBJECT_CLASS (unknot_prompt_cache_parent_class)->finalize (object);
}

static void
unknot_prompt_cache_class_init (UnknotPromptCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_prompt_cache_finalize;
}

static void
unknot_prompt_cache_init (UnknotPromptCache *self)
{
  self->samples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         samples_free);
  self->worker = g_thread_pool_new (synthesise, NULL, 1, FALSE, NULL);
}
