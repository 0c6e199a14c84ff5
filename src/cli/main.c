/* main.c: entry point of weerbaar-cli.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wb-cli.h"
#include "wb-kdf.h"

int
main (int argc, char **argv)
{
  /* Before anything is decrypted: no core dumps, no ptrace attach. */
  wb_store_harden_process ();
  return wb_cli_run (argc, argv);
}
