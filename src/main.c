/* main.c: entry point of Weerbaar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-application.h"
#include "wb-build-env.h"
#include "wb-kdf.h"

int
main (int argc, char **argv)
{
  g_autoptr(WbApplication) app = NULL;

  /* No core dumps: they would hold decrypted cases and keys. */
  wb_store_harden_process ();
  wb_build_env_init ();
  wb_build_env_init_i18n ();

  app = wb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
