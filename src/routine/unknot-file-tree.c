/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "unknot-file-tree.h"

/**
 * unknot_file_tree_delete:
 * @file: a file, or a folder that Unknot made itself
 *
 * Deletes @file and, for a folder, everything in it, without following symbolic links;
 * for removing what a copy or an unpacking that failed half-way left behind, and the
 * temporary folders of opened packs. What cannot be deleted stays.
 */
void
unknot_file_tree_delete (GFile *file)
{
  g_autoptr (GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL)
         && child != NULL)
    unknot_file_tree_delete (child);
  g_file_delete (file, NULL, NULL);
}
