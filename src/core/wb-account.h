/* wb-account.h: a user of the app: login name, display name and role.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_ACCOUNT (wb_account_get_type ())

G_DECLARE_FINAL_TYPE (WbAccount, wb_account, WB, ACCOUNT, GObject)

WbAccount     *wb_account_new              (void);
const char    *wb_account_get_id           (WbAccount *self);
const char    *wb_account_get_name         (WbAccount *self);
void           wb_account_set_name         (WbAccount  *self,
                                            const char *name);
const char    *wb_account_get_display_name (WbAccount *self);
void           wb_account_set_display_name (WbAccount  *self,
                                            const char *display_name);
WbAccountRole  wb_account_get_role         (WbAccount *self);
void           wb_account_set_role         (WbAccount     *self,
                                            WbAccountRole  role);
GBytes        *wb_account_serialize        (WbAccount *self);
WbAccount     *wb_account_deserialize      (GBytes  *bytes,
                                            GError **error);
gboolean       wb_account_validate         (WbAccount *self,
                                            GPtrArray *issues);
gboolean       wb_account_check            (WbAccount  *self,
                                            GError    **error);

G_END_DECLS
