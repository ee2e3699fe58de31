/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "unknot-pack-archive.h"
#include "unknot-pack-path.h"
#include "unknot-pack-reader.h"

/* One pass through the entries of a routine pack, a ZIP archive read by libarchive from
 * memory, with every rule that keeps a crafted archive harmless checked as the entry
 * comes: its name, its type, encryption, names seen before, the number of entries, and
 * the bytes it really unpacks to (counted as they come, as an archive's own sizes may
 * lie). The reader walks a pack twice, first to check it and then to unpack it, so a
 * pack that breaks a rule halfway has not written anything. */

typedef struct
{
  gsize archive_size;
  guint n_entries;
  guint64 unpacked;
  GHashTable *names; /* case-folded, so that no two names collide on any file system */
} Walk;

static gboolean
fail_damaged (struct archive  *archive,
              GError         **error)
{
  const char *reason = archive_error_string (archive);

  g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_NOT_A_PACK,
               /* Translators: %s is libarchive's own reason, in English. */
               _("this is not a routine pack, or it is damaged (%s); a pack is a ZIP "
                 "archive as Unknot exports it"), reason != NULL ? reason : "?");
  return FALSE;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail_entry (GError          **error,
            UnknotPackError   code,
            const char       *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (UNKNOT_PACK_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
check_type (struct archive_entry  *entry,
            const char            *path,
            GError               **error)
{
  switch (archive_entry_filetype (entry))
    {
    case AE_IFREG:
      if (archive_entry_hardlink (entry) != NULL)
        return fail_entry (error, UNKNOT_PACK_ERROR_LINK,
                           /* Translators: %s is the name of a file inside a routine
                            * pack, such as images/calf.svg. */
                           _("“%s” is a hard link; a pack holds only plain files and folders"),
                           path);
      return TRUE;
    case AE_IFDIR:
      return TRUE;
    case AE_IFLNK:
      return fail_entry (error, UNKNOT_PACK_ERROR_LINK,
                         /* Translators: %s is the name of a file inside a routine pack. */
                         _("“%s” is a symbolic link; a pack holds only plain files and folders"),
                         path);
    default:
      return fail_entry (error, UNKNOT_PACK_ERROR_SPECIAL_FILE,
                         /* Translators: %s is the name of a file inside a routine pack. */
                         _("“%s” is a device or another special file; a pack holds only plain "
                           "files and folders"), path);
    }
}

static char *
check_entry (Walk                  *walk,
             struct archive_entry  *entry,
             GError               **error)
{
  gboolean is_folder = archive_entry_filetype (entry) == AE_IFDIR;
  g_autofree char *path = unknot_pack_path_check (archive_entry_pathname_utf8 (entry),
                                                  is_folder, error);

  if (path == NULL || !check_type (entry, path, error))
    return NULL;

  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_ENCRYPTED,
                   /* Translators: %s is the name of a file inside a routine pack. */
                   _("“%s” is encrypted; a routine pack must not be"), path);
      return NULL;
    }

  if (!g_hash_table_add (walk->names, g_utf8_casefold (path, -1)))
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_DUPLICATE,
                   /* Translators: %s is the name of a file inside a routine pack. */
                   _("“%s” is in the pack more than once (names that differ only in "
                     "upper and lower case count as the same)"), path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static gboolean
count_unpacked (Walk    *walk,
                gsize    size,
                GError **error)
{
  g_autofree char *limit = NULL;

  walk->unpacked += size;
  if (walk->unpacked > UNKNOT_PACK_MAX_UNPACKED_BYTES)
    {
      limit = g_format_size_full (UNKNOT_PACK_MAX_UNPACKED_BYTES, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE,
                   /* Translators: %s is a size, such as "256 MiB". */
                   _("the pack unpacks to more than %s, the most a routine pack may hold"),
                   limit);
      return FALSE;
    }
  if (walk->unpacked > (guint64) walk->archive_size * UNKNOT_PACK_MAX_RATIO)
    {
      g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_LARGE,
                   /* Translators: %u is a number, 100. */
                   _("the pack unpacks to more than %u times its size, which only a "
                     "crafted archive does"), UNKNOT_PACK_MAX_RATIO);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_content (Walk                 *walk,
              struct archive       *archive,
              const UnknotPackSink *sink,
              gpointer              data,
              GError              **error)
{
  guint8 chunk[64 * 1024];

  for (;;)
    {
      la_ssize_t got = archive_read_data (archive, chunk, sizeof chunk);

      if (got < 0)
        return fail_damaged (archive, error);
      if (got == 0)
        return sink->end (data, error);
      if (!count_unpacked (walk, got, error) || !sink->content (data, chunk, got, error))
        return FALSE;
    }
}

static gboolean
walk_entries (Walk                 *walk,
              struct archive       *archive,
              const UnknotPackSink *sink,
              gpointer              data,
              GError              **error)
{
  struct archive_entry *entry;
  int status;

  while ((status = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      g_autofree char *path = NULL;
      gboolean is_folder;

      if (status < ARCHIVE_WARN)
        return fail_damaged (archive, error);
      if (++walk->n_entries > UNKNOT_PACK_MAX_FILES)
        {
          g_set_error (error, UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_TOO_MANY_FILES,
                       /* Translators: %u is a number, 1000. */
                       _("the pack holds more than %u files and folders, the most a routine "
                         "pack may hold"), UNKNOT_PACK_MAX_FILES);
          return FALSE;
        }

      path = check_entry (walk, entry, error);
      if (path == NULL)
        return FALSE;
      is_folder = archive_entry_filetype (entry) == AE_IFDIR;
      if (!sink->begin (data, path, is_folder, error))
        return FALSE;
      if (!is_folder && !read_content (walk, archive, sink, data, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * unknot_pack_archive_walk:
 * @archive: a whole routine pack
 * @sink: what to do with each entry that passes the checks
 *
 * Returns: whether every entry passed the checks and @sink took it; otherwise %FALSE
 *   with @error in %UNKNOT_PACK_ERROR or set by @sink.
 */
gboolean
unknot_pack_archive_walk (GBytes               *archive,
                          const UnknotPackSink *sink,
                          gpointer              data,
                          GError              **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Walk walk = { .names = names };
  const void *bytes = g_bytes_get_data (archive, &walk.archive_size);
  struct archive *reader = archive_read_new ();
  gboolean ok;

  /* ZIP alone: no other format, and no compression filter around it. */
  archive_read_support_format_zip (reader);
  ok = archive_read_open_memory (reader, bytes, walk.archive_size) == ARCHIVE_OK
       ? walk_entries (&walk, reader, sink, data, error)
       : fail_damaged (reader, error);
  archive_read_free (reader);
  return ok;
}
