/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "unknot-file-reader.h"
#include "unknot-pack-reader.h"
#include "unknot-pack-writer.h"

/* Writes a routine pack (unknot-pack-reader.c says what one is): the routine file as it
 * was loaded, at the top, and each image and audio file its steps name, under the path
 * the routine gives it, in a ZIP archive made by libarchive.
 *
 * The pack is made in memory (it is at most 64 MiB), then checked by the same code that
 * checks a pack being opened, so that Unknot never writes a pack it would refuse, and
 * only then written, replacing the file whole. */

typedef struct
{
  GByteArray *bytes;
  gboolean too_large;
} Output;

typedef struct
{
  struct archive *archive;
  GFile *folder;        /* the routine's folder, which media paths are relative to */
  GHashTable *written;  /* names already in the pack */
  guint64 unpacked;     /* bytes of the files so far */
} Pack;

static la_ssize_t
on_write (struct archive *archive,
          void           *data,
          const void     *buffer,
          size_t          size)
{
  Output *output = data;

  /* Past the limit the bytes are dropped but the write is not failed: a failed write
   * puts libarchive in its fatal state, where freeing the archive leaks the entry's
   * deflate stream. make_archive () refuses the pack afterwards. */
  if (output->too_large || output->bytes->len + size > UNKNOT_PACK_MAX_BYTES)
    output->too_large = TRUE;
  else
    g_byte_array_append (output->bytes, buffer, size);
  return size;
}

static gboolean
fail_archive (Pack     *pack,
              GError  **error)
{
  g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_IO,
               /* Translators: %s is libarchive's own reason, in English. */
               _("the pack could not be made: %s"), archive_error_string (pack->archive));
  return FALSE;
}

static gboolean
add_entry (Pack        *pack,
           const char  *path,
           GBytes      *content,
           gint64       modified,
           GError     **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *data = g_bytes_get_data (content, &size);
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, modified, 0);
  ok = archive_write_header (pack->archive, entry) == ARCHIVE_OK
       && (size == 0 || archive_write_data (pack->archive, data, size) == (la_ssize_t) size)
       && archive_write_finish_entry (pack->archive) == ARCHIVE_OK;
  archive_entry_free (entry);
  return ok || fail_archive (pack, error);
}

static gint64
get_modified (GFile *file)
{
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return g_get_real_time () / G_USEC_PER_SEC;
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
}

static gboolean
fail_too_large (GError **error)
{
  g_autofree char *limit = g_format_size_full (UNKNOT_PACK_MAX_UNPACKED_BYTES,
                                               G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE,
               /* Translators: %s is a size, such as "256 MiB". */
               _("the routine's pictures and audio add up to more than %s, the most a "
                 "routine pack may hold"), limit);
  return FALSE;
}

static gboolean
add_media (Pack    *pack,
           GFile   *media,
           GError **error)
{
  g_autofree char *path = g_file_get_relative_path (pack->folder, media);
  g_autoptr (GBytes) content = NULL;
  g_autoptr (GError) read_error = NULL;

  /* The parser keeps media inside the routine's folder. */
  g_assert (path != NULL);
  if (!g_hash_table_add (pack->written, g_strdup (path)))
    return TRUE;

  content = unknot_file_reader_read (media, UNKNOT_PACK_MAX_UNPACKED_BYTES - pack->unpacked,
                                     &read_error);
  if (content == NULL && g_error_matches (read_error, UNKNOT_ROUTINE_ERROR,
                                          UNKNOT_ROUTINE_ERROR_TOO_LARGE))
    return fail_too_large (error);
  if (content == NULL)
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_IO,
                   /* Translators: the first %s is a media path such as images/calf.svg,
                    * the second why it cannot be read. */
                   _("“%s”: %s; the pack needs every picture and audio file the routine "
                     "names"), path, read_error->message);
      return FALSE;
    }
  pack->unpacked += g_bytes_get_size (content);
  return add_entry (pack, path, content, get_modified (media), error);
}

static gboolean
add_routine (Pack           *pack,
             UnknotRoutine  *routine,
             GError        **error)
{
  GFile *file = unknot_routine_get_file (routine);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr (GBytes) source = NULL;

  g_object_get (routine, "source", &source, NULL);
  g_hash_table_add (pack->written, g_strdup (name));
  pack->unpacked += g_bytes_get_size (source);
  if (!add_entry (pack, name, source, get_modified (file), error))
    return FALSE;

  for (guint i = 0; i < unknot_routine_get_n_items (routine); i++)
    {
      g_autoptr (GPtrArray) media =
        unknot_step_get_media_files (unknot_routine_get_item (routine, i));

      for (guint j = 0; j < media->len; j++)
        if (!add_media (pack, g_ptr_array_index (media, j), error))
          return FALSE;
    }
  return TRUE;
}

static GBytes *
make_archive (UnknotRoutine  *routine,
              GError        **error)
{
  g_autoptr (GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GFile) folder = g_file_get_parent (unknot_routine_get_file (routine));
  Output output = { g_byte_array_new (), FALSE };
  Pack pack = { archive_write_new (), folder, written, 0 };
  gboolean ok;

  archive_write_set_format_zip (pack.archive);
  archive_write_set_options (pack.archive, "zip:compression=deflate,zip:hdrcharset=UTF-8");
  /* No padding of the last block: a ZIP archive ends where its data does. */
  archive_write_set_bytes_in_last_block (pack.archive, 1);
  ok = archive_write_open (pack.archive, &output, NULL, on_write, NULL) == ARCHIVE_OK
       ? add_routine (&pack, routine, error)
       : fail_archive (&pack, error);
  if (ok && archive_write_close (pack.archive) != ARCHIVE_OK)
    ok = fail_archive (&pack, error);
  archive_write_free (pack.archive);

  if (output.too_large)
    {
      g_autofree char *limit = g_format_size_full (UNKNOT_PACK_MAX_BYTES,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_clear_error (error);
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE,
                   /* Translators: %s is a size, such as "64 MiB". */
                   _("the pack would be larger than %s, the most a routine pack may be; use "
                     "smaller pictures or audio"), limit);
      ok = FALSE;
    }
  if (!ok)
    {
      g_byte_array_unref (output.bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (output.bytes);
}

/**
 * unknot_pack_writer_write:
 * @routine: a routine loaded from a file
 * @pack: where to write the pack, replacing what is there
 *
 * Returns: whether the pack was written; otherwise %FALSE with @error set, and @pack
 *   as it was.
 */
gboolean
unknot_pack_writer_write (UnknotRoutine  *routine,
                          GFile          *pack,
                          GError        **error)
{
  g_autoptr (GBytes) archive = NULL;
  g_autoptr (UnknotPackReader) check = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), FALSE);
  g_return_val_if_fail (unknot_routine_get_file (routine) != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (pack), FALSE);

  archive = make_archive (routine, error);
  if (archive == NULL)
    return FALSE;
  check = unknot_pack_reader_new_for_bytes (archive, error);
  if (check == NULL)
    return FALSE;

  data = g_bytes_get_data (archive, &size);
  return g_file_replace_contents (pack, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                  error);
}
