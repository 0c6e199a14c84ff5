/* wb-cli-partners.h: “weerbaar-cli partners”, the partner directory as CSV and JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int wb_cli_cmd_partners (int    argc,
                         char **argv);

G_END_DECLS
