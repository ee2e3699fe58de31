/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-prompt-cache.h"

#include "unknot-sound-decoder.h"
#include "unknot-speech.h"

/* Spoken prompts and the steps' audio files, made ready before they are due. espeak
 * takes a few hundred milliseconds to warm up and say a sentence, and a file takes time
 * to open and decode; the cue player knows both seconds ahead (step titles, sides,
 * lengths, cue texts, the <audio> of the steps to come), so it asks for them here when
 * they come into view, and places the samples in the stream in time for their instant.
 *
 * One worker thread synthesises and decodes, one sound at a time, so the main thread
 * never waits and a busy machine is not asked for more than one core. The samples come
 * back to the main thread in an idle callback; a sound not ready when due is played the
 * old way, late. Files are decoded into memory up to MAX_FILE_SECONDS (a second is 384
 * kB); a longer one is always played the old way. */

#define MAX_FILE_SECONDS 60

struct _UnknotPromptCache
{
  GObject parent_instance;

  char *speech_voice;      /* or NULL without speech */
  GHashTable *samples;     /* text → GBytes, or NULL while it is synthesised */
  GHashTable *files;       /* URI → GBytes, or NULL while it is decoded */
  GThreadPool *worker;
};

typedef struct
{
  UnknotPromptCache *cache;  /* a reference, until the result is in */
  char *text;                /* what to say, or a file's URI */
  GFile *file;               /* the file to decode, or NULL for speech */
  GBytes *samples;           /* or NULL if it could not be made */
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
  g_clear_object (&job->file);
  g_clear_pointer (&job->samples, g_bytes_unref);
  g_free (job);
}

/* In the main thread. A sound that could not be made stays out of the cache, and the
 * voice plays it when it is due; so does a file forgotten while it was decoded. */
static gboolean
take_result (gpointer data)
{
  Job *job = data;
  GHashTable *table = job->file != NULL ? job->cache->files : job->cache->samples;

  if (job->samples != NULL && g_hash_table_contains (table, job->text))
    g_hash_table_replace (table, g_strdup (job->text), g_bytes_ref (job->samples));
  else
    g_hash_table_remove (table, job->text);
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
make_samples (gpointer data,
              gpointer user_data)
{
  Job *job = data;
  const char *voice = job->cache->speech_voice;
  g_autoptr (GError) error = NULL;
  gint rate;
  gint channels;

  if (job->file != NULL)
    job->samples = unknot_sound_decoder_decode (job->file, MAX_FILE_SECONDS, &rate, &channels,
                                                &error);
  else
    job->samples = unknot_sound_decoder_render (unknot_speech_new_source (job->text, voice),
                                                job->text, &error);
  if (job->samples == NULL)
    g_debug ("Cannot make “%s” ready ahead: %s", job->text, error->message);
  g_idle_add (take_result, job);
}

static void
start_job (UnknotPromptCache *self,
           GHashTable        *table,
           const char        *text,
           GFile             *file)
{
  Job *job;

  if (g_hash_table_contains (table, text))
    return;
  g_hash_table_insert (table, g_strdup (text), NULL);
  job = g_new0 (Job, 1);
  job->cache = g_object_ref (self);
  job->text = g_strdup (text);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  g_thread_pool_push (self->worker, job, NULL);
}

/* Starts synthesising @text unless it is ready or under way, or there is no speech. */
void
unknot_prompt_cache_prepare (UnknotPromptCache *self,
                             const char        *text)
{
  g_return_if_fail (UNKNOT_IS_PROMPT_CACHE (self));
  g_return_if_fail (text != NULL);

  if (self->speech_voice != NULL)
    start_job (self, self->samples, text, NULL);
}

/* Starts decoding @file unless it is ready or under way. */
void
unknot_prompt_cache_prepare_file (UnknotPromptCache *self,
                                  GFile             *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (UNKNOT_IS_PROMPT_CACHE (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  start_job (self, self->files, uri, file);
}

/* Returns: (transfer none) (nullable): @file's samples, in %UNKNOT_MIX_CAPS, if ready */
GBytes *
unknot_prompt_cache_lookup_file (UnknotPromptCache *self,
                                 GFile             *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (UNKNOT_IS_PROMPT_CACHE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  return g_hash_table_lookup (self->files, uri);
}

/* Lets go of every file but those in @files (of GFile): a minute of sound is 23 MB,
 * so only the files in view are held. */
void
unknot_prompt_cache_keep_files (UnknotPromptCache *self,
                                GPtrArray         *files)
{
  g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *uri;

  g_return_if_fail (UNKNOT_IS_PROMPT_CACHE (self));

  for (guint i = 0; i < files->len; i++)
    g_hash_table_add (kept, g_file_get_uri (g_ptr_array_index (files, i)));
  g_hash_table_iter_init (&iter, self->files);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uri, NULL))
    if (!g_hash_table_contains (kept, uri))
      g_hash_table_iter_remove (&iter);
}

/* Returns: (transfer none) (nullable): the samples, in %UNKNOT_MIX_CAPS, if ready */
GBytes *
unknot_prompt_cache_lookup (UnknotPromptCache *self,
                            const char        *text)
{
  g_return_val_if_fail (UNKNOT_IS_PROMPT_CACHE (self), NULL);
  return g_hash_table_lookup (self->samples, text);
}

/* @speech_voice: (nullable): an espeak voice, from unknot_speech_choose_voice(), or
 * %NULL for files only */
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
  g_hash_table_unref (self->files);
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
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, samples_free);
  self->worker = g_thread_pool_new (make_samples, NULL, 1, FALSE, NULL);
}
