/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-pack-unpacker.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "unknot-file-tree.h"
#include "unknot-pack-archive.h"

/* The second walk over a pack that passed every check of the first: each file is
 * written into a hidden folder beside the destination, which is renamed into place only
 * once all is written, so that a routines folder never sees half a pack. */

typedef struct
{
  GFile *folder;
  GOutputStream *output; /* the file being written */
} Unpack;

static gboolean
unpack_begin (gpointer     data,
              const char  *path,
              gboolean     is_folder,
              GError     **error)
{
  Unpack *unpack = data;
  g_autoptr (GFile) target = g_file_resolve_relative_path (unpack->folder, path);
  g_autoptr (GFile) folder = is_folder ? g_object_ref (target) : g_file_get_parent (target);
  g_autoptr (GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (is_folder)
    return TRUE;

  /* Never replaces anything: the folder is new, and every name in it is unique. */
  unpack->output = G_OUTPUT_STREAM (g_file_create (target, G_FILE_CREATE_NONE, NULL, error));
  return unpack->output != NULL;
}

static gboolean
unpack_content (gpointer       data,
                const guint8  *chunk,
                gsize          size,
                GError       **error)
{
  Unpack *unpack = data;

  return g_output_stream_write_all (unpack->output, chunk, size, NULL, NULL, error);
}

static gboolean
unpack_end (gpointer   data,
            GError   **error)
{
  Unpack *unpack = data;
  gboolean closed = g_output_stream_close (unpack->output, NULL, error);

  g_clear_object (&unpack->output);
  return closed;
}

static const UnknotPackSink unpack_sink = { unpack_begin, unpack_content, unpack_end };

/* A hidden folder next to @destination, which a watched routines folder ignores. */
static GFile *
make_staging_folder (GFile   *destination,
                     GError **error)
{
  g_autoptr (GFile) parent = g_file_get_parent (destination);
  g_autofree char *name = g_file_get_basename (destination);
  g_autofree char *template = g_strdup_printf (".%s-unpacking-XXXXXX", name);
  g_autofree char *parent_path = g_file_get_path (parent);
  g_autofree char *path = g_build_filename (parent_path, template, NULL);

  if (g_mkdtemp_full (path, 0755) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder's path, the second says why. */
                   _("cannot make a folder next to “%s”: %s"), g_file_peek_path (destination),
                   g_strerror (saved_errno));
      return NULL;
    }
  return g_file_new_for_path (path);
}

/**
 * unknot_pack_unpacker_unpack:
 * @archive: the bytes of a pack that UnknotPackReader opened and checked
 * @destination: a folder that does not exist yet, in an existing one
 *
 * Unpacks @archive into @destination, all or nothing.
 *
 * Returns: %FALSE with @error set, and nothing left behind, if it could not.
 */
gboolean
unknot_pack_unpacker_unpack (GBytes  *archive,
                             GFile   *destination,
                             GError **error)
{
  g_autoptr (GFile) staging = NULL;
  Unpack unpack = { 0 };

  g_return_val_if_fail (archive != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  staging = make_staging_folder (destination, error);
  if (staging == NULL)
    return FALSE;

  unpack.folder = staging;
  if (!unknot_pack_archive_walk (archive, &unpack_sink, &unpack, error)
      || !g_file_move (staging, destination, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL,
                       error))
    {
      g_clear_object (&unpack.output);
      unknot_file_tree_delete (staging);
      return FALSE;
    }
  return TRUE;
}
