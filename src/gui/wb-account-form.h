/* wb-account-form.h: the form to add an account or change a passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  WB_ACCOUNT_FORM_ADD,
  WB_ACCOUNT_FORM_PASSPHRASE,
} WbAccountFormMode;

#define WB_TYPE_ACCOUNT_FORM (wb_account_form_get_type ())

G_DECLARE_FINAL_TYPE (WbAccountForm, wb_account_form, WB, ACCOUNT_FORM, GtkBox)

GtkWidget  *wb_account_form_new            (WbAccountFormMode mode);
const char *wb_account_form_get_name       (WbAccountForm    *self);
const char *wb_account_form_get_display    (WbAccountForm    *self);
guint       wb_account_form_get_role       (WbAccountForm    *self);
const char *wb_account_form_get_passphrase (WbAccountForm    *self);
void        wb_account_form_set_busy       (WbAccountForm    *self,
                                            gboolean          busy);
void        wb_account_form_set_error      (WbAccountForm    *self,
                                            const char       *message);

G_END_DECLS
