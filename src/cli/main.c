/* main.c: entry point of weerbaar-cli.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-cli.h"

int
main (int argc, char **argv)
{
  return wb_cli_run (argc, argv);
}
