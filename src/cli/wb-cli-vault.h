/* wb-cli-vault.h: the vault commands of weerbaar-cli and their shared helpers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-vault.h"

G_BEGIN_DECLS

typedef struct
{
  char *db;
  char *account;
  int   passphrase_fd;
  int   new_passphrase_fd;
} WbCliVaultOptions;

int       wb_cli_cmd_init            (int                 argc,
                                      char              **argv);
int       wb_cli_cmd_account         (int                 argc,
                                      char              **argv);
int       wb_cli_cmd_check           (int                 argc,
                                      char              **argv);
int       wb_cli_cmd_demo            (int                 argc,
                                      char              **argv);
int       wb_cli_cmd_cases           (int                 argc,
                                      char              **argv);

/* wb-cli-common.c */
void      wb_cli_vault_options_init  (WbCliVaultOptions  *opts);
void      wb_cli_vault_options_clear (WbCliVaultOptions  *opts);
gboolean  wb_cli_parse               (GOptionContext     *context,
                                      WbCliVaultOptions  *opts,
                                      gboolean            with_new,
                                      int                *argc,
                                      char             ***argv);
char     *wb_cli_read_secret         (int                 fd,
                                      const char         *prompt,
                                      gboolean            confirm,
                                      GError            **error);
void      wb_cli_free_secret         (char               *secret);
char     *wb_cli_db_path             (WbCliVaultOptions  *opts);
WbVault  *wb_cli_open_vault          (WbCliVaultOptions  *opts,
                                      int                *out_exit);
WbVault  *wb_cli_open_unlocked       (WbCliVaultOptions  *opts,
                                      int                *out_exit);
WbVault  *wb_cli_open_checked        (WbCliVaultOptions  *opts,
                                      gboolean            usage_ok,
                                      const char         *usage,
                                      int                *out_exit);
gboolean  wb_cli_audit_export        (WbVault            *vault,
                                      const char         *what,
                                      guint               n,
                                      GError            **error);
int       wb_cli_report_error        (const GError       *error);

G_END_DECLS
