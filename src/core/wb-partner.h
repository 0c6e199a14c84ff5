/* wb-partner.h: a partner in the directory: a peer, expert or organisation cases are referred to.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_PARTNER (wb_partner_get_type ())

G_DECLARE_FINAL_TYPE (WbPartner, wb_partner, WB, PARTNER, GObject)

WbPartner          *wb_partner_new              (void);
const char         *wb_partner_get_id           (WbPartner *self);
const char         *wb_partner_get_name         (WbPartner *self);
void                wb_partner_set_name         (WbPartner  *self,
                                                 const char *name);
const char         *wb_partner_get_organisation (WbPartner *self);
void                wb_partner_set_organisation (WbPartner  *self,
                                                 const char *organisation);
WbPartnerKind       wb_partner_get_kind         (WbPartner *self);
void                wb_partner_set_kind         (WbPartner     *self,
                                                 WbPartnerKind  kind);
const char * const *wb_partner_get_areas        (WbPartner *self);
void                wb_partner_set_areas        (WbPartner          *self,
                                                 const char * const *areas);
const char * const *wb_partner_get_languages    (WbPartner *self);
void                wb_partner_set_languages    (WbPartner          *self,
                                                 const char * const *languages);
const char         *wb_partner_get_availability (WbPartner *self);
void                wb_partner_set_availability (WbPartner  *self,
                                                 const char *availability);
const char         *wb_partner_get_phone        (WbPartner *self);
void                wb_partner_set_phone        (WbPartner  *self,
                                                 const char *phone);
const char         *wb_partner_get_email        (WbPartner *self);
void                wb_partner_set_email        (WbPartner  *self,
                                                 const char *email);
const char         *wb_partner_get_notes        (WbPartner *self);
void                wb_partner_set_notes        (WbPartner  *self,
                                                 const char *notes);
gboolean            wb_partner_get_active       (WbPartner *self);
void                wb_partner_set_active       (WbPartner *self,
                                                 gboolean   active);
GDateTime          *wb_partner_get_verified_at  (WbPartner *self);
void                wb_partner_set_verified_at  (WbPartner *self,
                                                 GDateTime *verified_at);
GBytes             *wb_partner_serialize        (WbPartner *self);
WbPartner          *wb_partner_deserialize      (GBytes  *bytes,
                                                 GError **error);
gboolean            wb_partner_validate         (WbPartner *self,
                                                 GPtrArray *issues);
gboolean            wb_partner_check            (WbPartner  *self,
                                                 GError    **error);

G_END_DECLS
