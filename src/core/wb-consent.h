/* wb-consent.h: what the reporter agreed to: storing the data, sharing it with partners.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

/* Retention periods in months. */
#define WB_CONSENT_DEFAULT_RETENTION_MONTHS 24
#define WB_CONSENT_MAX_RETENTION_MONTHS 120

G_BEGIN_DECLS

#define WB_TYPE_CONSENT (wb_consent_get_type ())

G_DECLARE_FINAL_TYPE (WbConsent, wb_consent, WB, CONSENT, GObject)

WbConsent          *wb_consent_new                  (void);
const char         *wb_consent_get_id               (WbConsent *self);
const char         *wb_consent_get_case_id          (WbConsent *self);
void                wb_consent_set_case_id          (WbConsent  *self,
                                                     const char *case_id);
gboolean            wb_consent_get_store            (WbConsent *self);
void                wb_consent_set_store            (WbConsent *self,
                                                     gboolean   store);
gboolean            wb_consent_get_share            (WbConsent *self);
void                wb_consent_set_share            (WbConsent *self,
                                                     gboolean   share);
const char * const *wb_consent_get_partner_ids      (WbConsent *self);
void                wb_consent_set_partner_ids      (WbConsent          *self,
                                                     const char * const *partner_ids);
GDateTime          *wb_consent_get_given_at         (WbConsent *self);
void                wb_consent_set_given_at         (WbConsent *self,
                                                     GDateTime *given_at);
guint               wb_consent_get_retention_months (WbConsent *self);
void                wb_consent_set_retention_months (WbConsent *self,
                                                     guint      retention_months);
GBytes             *wb_consent_serialize            (WbConsent *self);
WbConsent          *wb_consent_deserialize          (GBytes  *bytes,
                                                     GError **error);
gboolean            wb_consent_validate             (WbConsent *self,
                                                     GPtrArray *issues);
gboolean            wb_consent_check                (WbConsent  *self,
                                                     GError    **error);

G_END_DECLS
