/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "unknot-media-path.h"
#include "unknot-routine-error.h"

/* The rules for <image src> and <audio src>: a routine may only point at files inside
 * its own folder, so that a shared routine cannot make the app read (or play) anything
 * else on the user's machine, and so that the folder can be zipped and shared whole. */

static gboolean
fail (GError    **error,
      const char *src,
      const char *why)
{
  g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH,
               /* Translators: %s are the path an author wrote, then the reason it is refused. */
               _("media path '%s' %s; write a path relative to the routine file, such as "
                 "images/calf.svg"), src, why);
  return FALSE;
}

static gboolean
has_uri_scheme (const char *src)
{
  const char *p = src;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':';
}

/* Paths of Windows, where a routine may well have been written: a drive letter, as in
 * C:\Users\ana\arch.svg or D:/x.png, or a share, as in \\server\share\x.png. Told apart
 * from URIs by the length of the scheme: one letter is a drive. */
static gboolean
is_windows_absolute (const char *src)
{
  if (g_ascii_isalpha (src[0]) && src[1] == ':')
    return TRUE;
  return src[0] == '\\' && src[1] == '\\';
}

/* Checks the path as written, without touching the disk. */
gboolean
unknot_media_path_validate (const char  *src,
                            GError     **error)
{
  g_auto (GStrv) parts = NULL;
  int depth = 0;

  if (*src == '\0')
    return fail (error, src, _("is empty"));
  if (is_windows_absolute (src))
    return fail (error, src, _("is absolute"));
  if (has_uri_scheme (src))
    return fail (error, src, _("is a URI, and only files next to the routine can be used"));
  if (src[0] == '/' || src[0] == '~' || g_path_is_absolute (src))
    return fail (error, src, _("is absolute"));
  if (strchr (src, '\\') != NULL)
    return fail (error, src, _("uses '\\'; separate folders with '/'"));

  parts = g_strsplit (src, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        depth--;
      else if (*parts[i] != '\0' && !g_str_equal (parts[i], "."))
        depth++;
      if (depth < 0)
        return fail (error, src, _("leaves the routine's folder"));
    }
  if (depth == 0)
    return fail (error, src, _("names the folder itself, not a file"));

  return TRUE;
}

/**
 * unknot_media_path_resolve:
 * @folder: the folder of the routine file
 * @src: the path as written in the file
 *
 * Returns: (transfer full) (nullable): the media file, or %NULL if @src breaks the path
 *   rules, with %UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH.
 */
GFile *
unknot_media_path_resolve (GFile       *folder,
                           const char  *src,
                           GError     **error)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (src != NULL, NULL);

  if (!unknot_media_path_validate (src, error))
    return NULL;
  return g_file_resolve_relative_path (folder, src);
}

static gboolean
is_inside (const char *folder,
           const char *path)
{
  gsize length = strlen (folder);

  return strncmp (folder, path, length) == 0 && (path[length] == '/' || folder[length - 1] == '/');
}

/**
 * unknot_media_path_check:
 *
 * Checks on disk that @media exists and, following symbolic links, is still inside
 * @folder.
 *
 * Returns: %TRUE if it can be used; otherwise %FALSE with
 *   %UNKNOT_ROUTINE_ERROR_MISSING_MEDIA or %UNKNOT_ROUTINE_ERROR_BAD_MEDIA_PATH.
 */
gboolean
unknot_media_path_check (GFile   *folder,
                         GFile   *media,
                         GError **error)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *media_path = g_file_get_path (media);
  g_autofree char *relative = g_file_get_relative_path (folder, media);
  g_autofree char *real_folder = NULL;
  g_autofree char *real_media = NULL;

  g_return_val_if_fail (folder_path != NULL && media_path != NULL, FALSE);

  real_media = realpath (media_path, NULL);
  if (real_media == NULL)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_MISSING_MEDIA,
                   /* Translators: %s is the path as written in the file, such as
                    * images/calf.svg */
                   _("media file '%s' does not exist; put it next to the routine file or "
                     "fix the path"), relative != NULL ? relative : media_path);
      return FALSE;
    }

  real_folder = realpath (folder_path, NULL);
  if (real_folder == NULL || !is_inside (real_folder, real_media))
    return fail (error, relative != NULL ? relative : media_path,
                 _("is a link that points out of the routine's folder"));

  if (!g_file_test (real_media, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_MISSING_MEDIA,
                   /* Translators: %s is the path as written in the file, here a folder or
                    * a device */
                   _("media path '%s' is not a regular file"), relative);
      return FALSE;
    }

  return TRUE;
}
