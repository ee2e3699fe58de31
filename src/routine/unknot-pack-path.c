/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "unknot-media-path.h"
#include "unknot-pack-error.h"
#include "unknot-pack-path.h"

/* The names inside a routine pack. Only one form of each name is accepted, the plain
 * one ("images/calf.svg"): whatever else an archive may write (absolute paths, "..",
 * "./", "//", drive letters, backslashes, control characters) is refused rather than
 * cleaned up, so that no two spellings can name the same file and nothing can be
 * written outside the folder a pack is unpacked into. */

/* The longest file name most file systems take. */
#define MAX_NAME_BYTES 255

static char * G_GNUC_PRINTF (2, 3)
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (UNKNOT_PACK_ERROR, UNKNOT_PACK_ERROR_BAD_PATH,
                                                format, args));
  va_end (args);
  return NULL;
}

static gboolean
has_control_character (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

static gboolean
has_drive_letter (const char *name)
{
  return g_ascii_isalpha (name[0]) && name[1] == ':';
}

/* Each part between slashes must be a real name: not empty, ".", ".." or too long. */
static char *
check_parts (const char  *name,
             const char  *path,
             GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        /* Translators: %s is the name of a file inside a routine pack. */
        return fail (error, _("“%s” goes out of the pack's folder with “..”"), name);
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        /* Translators: %s is the name of a file inside a routine pack. */
        return fail (error, _("“%s” has an empty or “.” folder in its name"), name);
      if (strlen (parts[i]) > MAX_NAME_BYTES)
        /* Translators: %s is the name of a file inside a routine pack. */
        return fail (error, _("“%s” is longer than a file name may be"), name);
    }
  return g_strdup (path);
}

/**
 * unknot_pack_path_check:
 * @name: an entry's name as the archive gives it, in UTF-8, or %NULL if it has none
 * @is_folder: whether the entry is a folder, whose name may end in "/"
 *
 * Returns: (transfer full) (nullable): the name without a folder's final "/", or %NULL
 *   with %UNKNOT_PACK_ERROR_BAD_PATH if the pack must be refused for it.
 */
char *
unknot_pack_path_check (const char  *name,
                        gboolean     is_folder,
                        GError     **error)
{
  g_autofree char *path = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return fail (error, "%s", _("a file in the pack has a name that is not valid UTF-8"));
  if (has_control_character (name))
    {
      g_autofree char *shown = g_strescape (name, NULL);
      /* Translators: %s is the name of a file inside a routine pack, control characters
       * written as \n, \t … */
      return fail (error, _("“%s” has control characters in its name"), shown);
    }
  if (name[0] == '/')
    /* Translators: %s is the name of a file inside a routine pack. */
    return fail (error, _("“%s” is an absolute path, not a name inside the pack"), name);
  if (has_drive_letter (name))
    /* Translators: %s is the name of a file inside a routine pack. */
    return fail (error, _("“%s” starts with a drive letter, not a name inside the pack"), name);
  if (strchr (name, '\\') != NULL)
    /* Translators: %s is the name of a file inside a routine pack. */
    return fail (error, _("“%s” separates folders with “\\”; a pack separates them with “/”"), name);

  path = g_strdup (name);
  if (is_folder && g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  return check_parts (name, path, error);
}

/* Whether a checked path names something at the top of the pack, not in a folder. */
gboolean
unknot_pack_path_is_at_top (const char *path)
{
  return strchr (path, '/') == NULL;
}

/**
 * unknot_pack_path_from_src:
 * @src: an <image> or <audio> src as a routine writes it
 *
 * Returns: (transfer full) (nullable): the name the file has in a pack ("./a/../b.svg"
 *   is "b.svg"), or %NULL if @src breaks the routine format's rules for media paths
 *   (which the parser reports).
 */
char *
unknot_pack_path_from_src (const char *src)
{
  g_autoptr (GFile) root = g_file_new_for_path ("/");
  g_autoptr (GFile) media = NULL;

  if (!unknot_media_path_validate (src, NULL))
    return NULL;
  media = g_file_resolve_relative_path (root, src);
  return g_file_get_relative_path (root, media);
}
