/* wb-cli-followups.h: “weerbaar-cli followups”, the follow-ups that are due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int wb_cli_cmd_followups (int    argc,
                          char **argv);

G_END_DECLS
