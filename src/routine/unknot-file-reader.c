/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "unknot-file-reader.h"
#include "unknot-routine-error.h"

static GBytes *
fail_too_large (GError **error,
                gsize    max_bytes)
{
  g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_TOO_LARGE,
               /* Translators: %s is a size such as 1.0 MiB */
               _("the file is larger than %s, the limit for a routine file; move large "
                 "media into separate files next to it"), limit);
  return NULL;
}

static GBytes *
fail_errno (GError **error,
            int      saved_errno)
{
  g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_IO,
               /* Translators: %s is the system's reason, such as "Permission denied" */
               _("cannot read the file: %s"), g_strerror (saved_errno));
  return NULL;
}

/* Reads at most max_bytes + 1 bytes, so a file that grows while being read is still
 * refused instead of read without end. */
static GBytes *
read_descriptor (int      fd,
                 gsize    expected_size,
                 gsize    max_bytes,
                 GError **error)
{
  g_autoptr (GByteArray) buffer = g_byte_array_sized_new (MIN (expected_size, max_bytes) + 1);
  guint8 chunk[16 * 1024];

  for (;;)
    {
      gssize got = read (fd, chunk, sizeof chunk);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return fail_errno (error, errno);
      if (got == 0)
        break;
      g_byte_array_append (buffer, chunk, got);
      if (buffer->len > max_bytes)
        return fail_too_large (error, max_bytes);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * unknot_file_reader_check_size:
 * @size: the size of a routine file's content, however it was obtained
 *
 * Returns: %TRUE if @size is within @max_bytes; otherwise %FALSE with
 *   %UNKNOT_ROUTINE_ERROR_TOO_LARGE, as unknot_file_reader_read() would say.
 */
gboolean
unknot_file_reader_check_size (gsize    size,
                               gsize    max_bytes,
                               GError **error)
{
  if (size <= max_bytes)
    return TRUE;
  fail_too_large (error, max_bytes);
  return FALSE;
}

/**
 * unknot_file_reader_read:
 * @file: a local routine file
 * @max_bytes: the most the file may hold
 *
 * Reads a whole file that a stranger may have crafted: only regular files (a FIFO named
 * routine.xml would otherwise block forever), and never more than @max_bytes.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error in %UNKNOT_ROUTINE_ERROR.
 */
GBytes *
unknot_file_reader_read (GFile   *file,
                         gsize    max_bytes,
                         GError **error)
{
  g_autofree char *path = NULL;
  struct stat info;
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_IO,
                   _("only local files can be opened as routines"));
      return NULL;
    }

  /* O_NONBLOCK so that opening a FIFO returns at once; fstat on the open descriptor so
   * the file cannot be swapped between the check and the read. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return fail_errno (error, errno);

  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;
      g_close (fd, NULL);
      return fail_errno (error, saved_errno);
    }

  if (!S_ISREG (info.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_NOT_A_FILE,
                   S_ISDIR (info.st_mode)
                   ? _("this is a folder, not a routine file")
                   : _("this is not a regular file (a pipe or a device?); routines must be "
                       "plain files"));
      return NULL;
    }

  if ((guint64) info.st_size > max_bytes)
    {
      g_close (fd, NULL);
      return fail_too_large (error, max_bytes);
    }

  bytes = read_descriptor (fd, info.st_size, max_bytes, error);
  g_close (fd, NULL);
  return bytes;
}
