/* wb-partner-match.h: ranking the partners that can help in a municipality with given needs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"
#include "wb-partner.h"

G_BEGIN_DECLS

/* A partner not verified for this many months is marked stale. */
#define WB_PARTNER_STALE_MONTHS 12

/**
 * WbMatchTier:
 * @WB_MATCH_TIER_MUNICIPALITY: serves the municipality itself
 * @WB_MATCH_TIER_SAFETY_REGION: serves its safety region
 * @WB_MATCH_TIER_PROVINCE: serves its province
 * @WB_MATCH_TIER_NATIONAL: serves the whole country
 *
 * How close a partner is; nearer tiers sort first.
 */
typedef enum
{
  WB_MATCH_TIER_MUNICIPALITY = 0,
  WB_MATCH_TIER_SAFETY_REGION = 1,
  WB_MATCH_TIER_PROVINCE = 2,
  WB_MATCH_TIER_NATIONAL = 3,
} WbMatchTier;

#define WB_TYPE_MATCH_TIER (wb_match_tier_get_type ())
GType       wb_match_tier_get_type (void) G_GNUC_CONST;
const char *wb_match_tier_to_label (WbMatchTier value);

/**
 * WbPartnerMatch:
 * @partner: the partner (a reference is held)
 * @tier: the nearest of the partner's areas
 * @fits_need: whether the partner's kind fits one of the needs
 * @stale: whether the partner was not verified in the last
 *   %WB_PARTNER_STALE_MONTHS months (or never)
 * @inactive: whether the partner is marked inactive
 */
typedef struct
{
  WbPartner   *partner;
  WbMatchTier  tier;
  gboolean     fits_need;
  gboolean     stale;
  gboolean     inactive;
} WbPartnerMatch;

#define WB_TYPE_PARTNER_MATCH (wb_partner_match_get_type ())

GType           wb_partner_match_get_type  (void) G_GNUC_CONST;
WbPartnerMatch *wb_partner_match_copy      (const WbPartnerMatch *match);
void            wb_partner_match_free      (WbPartnerMatch       *match);

guint           wb_partner_kinds_for_needs (WbNeed                needs,
                                            WbPersonRole          role);
GPtrArray      *wb_partner_match_rank      (GPtrArray            *partners,
                                            const char           *municipality_code,
                                            WbNeed                needs,
                                            WbPersonRole          role,
                                            GDateTime            *now,
                                            GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbPartnerMatch, wb_partner_match_free)

G_END_DECLS
