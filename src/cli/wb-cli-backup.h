/* wb-cli-backup.h: “weerbaar-cli backup” and “weerbaar-cli restore”.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int wb_cli_cmd_backup  (int    argc,
                        char **argv);
int wb_cli_cmd_restore (int    argc,
                        char **argv);

G_END_DECLS
