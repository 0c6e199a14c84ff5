/* wb-cli-retention.h: “weerbaar-cli retention”, “purge” and “inzage”.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int wb_cli_cmd_retention (int    argc,
                          char **argv);
int wb_cli_cmd_purge     (int    argc,
                          char **argv);
int wb_cli_cmd_inzage    (int    argc,
                          char **argv);

G_END_DECLS
