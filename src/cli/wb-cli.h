/* wb-cli.h: weerbaar-cli, the command-line companion of Weerbaar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes, documented in --help. */
typedef enum
{
  WB_CLI_EXIT_OK = 0,
  WB_CLI_EXIT_DAMAGE = 1,
  WB_CLI_EXIT_USAGE = 2,
  WB_CLI_EXIT_WRONG_PASSPHRASE = 3,
  WB_CLI_EXIT_FAILURE = 4,
} WbCliExit;

int wb_cli_run (int argc, char **argv);

G_END_DECLS
