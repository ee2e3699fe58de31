/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-cli.h"
#include "unknot-pack-writer.h"

/* unknot --export-pack ROUTINE OUT.unknot: the routine, found by id or file, with its
 * pictures and audio, as a routine pack to hand to someone. OUT is replaced whole, or
 * left as it was if the pack cannot be made. @rest: what follows ROUTINE on the command
 * line, which must be OUT alone. */
int
unknot_cli_export_pack (const char        *id_or_file,
                        const char *const *rest,
                        FILE              *out,
                        FILE              *err)
{
  const char *pack_path = rest != NULL ? rest[0] : NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (GFile) pack = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (id_or_file != NULL, 1);

  if (pack_path == NULL || rest[1] != NULL)
    {
      fprintf (err, "%s\n", _("Give one routine and then the pack to write, such as: unknot "
                              "--export-pack post-run-recovery post-run-recovery.unknot"));
      return 1;
    }

  routine = unknot_cli_open_routine (id_or_file, err);
  if (routine == NULL)
    return 1;

  pack = g_file_new_for_commandline_arg (pack_path);
  if (!unknot_pack_writer_write (routine, pack, &error))
    {
      fprintf (err, "%s: error: %s\n", pack_path, error->message);
      return 1;
    }
  return 0;
}
