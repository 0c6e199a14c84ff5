/* wb-partner-match.c: ranking the partners that can help in a municipality with given needs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wb-partner-match.h"
#include "wb-core-error.h"
#include "wb-fold.h"
#include "wb-regions.h"

#define KIND(k) (1u << (k))

/*
 * Which kinds of partner fit which need. Peer support is special: a peer of
 * the same role fits (a mayor talks to a mayor), which
 * wb_partner_kinds_for_needs() adds from the person's role.
 */
static const struct
{
  WbNeed need;
  guint  kinds;
} need_kinds[] = {
  { WB_NEED_SECURITY, KIND (WB_PARTNER_KIND_SECURITY_EXPERT) | KIND (WB_PARTNER_KIND_POLICE) },
  { WB_NEED_LEGAL, KIND (WB_PARTNER_KIND_LEGAL) },
  { WB_NEED_AFTERCARE_SELF,
    KIND (WB_PARTNER_KIND_AFTERCARE) | KIND (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
  { WB_NEED_AFTERCARE_PARTNER,
    KIND (WB_PARTNER_KIND_AFTERCARE) | KIND (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
  { WB_NEED_AFTERCARE_FAMILY,
    KIND (WB_PARTNER_KIND_AFTERCARE) | KIND (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
  { WB_NEED_PEER_SUPPORT, KIND (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
  { WB_NEED_COMMUNICATION, KIND (WB_PARTNER_KIND_COMMUNICATION) },
  { WB_NEED_OTHER, KIND (WB_PARTNER_KIND_OTHER) },
};

G_DEFINE_ENUM_TYPE (WbMatchTier, wb_match_tier,
  G_DEFINE_ENUM_VALUE (WB_MATCH_TIER_MUNICIPALITY, "municipality"),
  G_DEFINE_ENUM_VALUE (WB_MATCH_TIER_SAFETY_REGION, "safety-region"),
  G_DEFINE_ENUM_VALUE (WB_MATCH_TIER_PROVINCE, "province"),
  G_DEFINE_ENUM_VALUE (WB_MATCH_TIER_NATIONAL, "national"))

G_DEFINE_BOXED_TYPE (WbPartnerMatch, wb_partner_match, wb_partner_match_copy,
                     wb_partner_match_free)

/**
 * wb_match_tier_to_label:
 * @value: a #WbMatchTier
 *
 * Returns: (nullable): a translated heading, or %NULL
 */
const char *
wb_match_tier_to_label (WbMatchTier value)
{
  switch (value)
    {
    case WB_MATCH_TIER_MUNICIPALITY:
      /* Translators: a group of partners; Dutch: In de gemeente */
      return C_("match tier", "In the municipality");
    case WB_MATCH_TIER_SAFETY_REGION:
      /* Translators: a group of partners; Dutch: In de veiligheidsregio */
      return C_("match tier", "In the safety region");
    case WB_MATCH_TIER_PROVINCE:
      /* Translators: a group of partners; Dutch: In de provincie */
      return C_("match tier", "In the province");
    case WB_MATCH_TIER_NATIONAL:
      /* Translators: a group of partners; Dutch: Landelijk */
      return C_("match tier", "Nationwide");
    default:
      return NULL;
    }
}

WbPartnerMatch *
wb_partner_match_copy (const WbPartnerMatch *match)
{
  WbPartnerMatch *copy;

  g_return_val_if_fail (match != NULL, NULL);

  copy = g_new (WbPartnerMatch, 1);
  *copy = *match;
  g_object_ref (copy->partner);

  return copy;
}

void
wb_partner_match_free (WbPartnerMatch *match)
{
  if (match == NULL)
    return;

  g_clear_object (&match->partner);
  g_free (match);
}

static guint
peer_kinds (WbPersonRole role)
{
  switch (role)
    {
    case WB_PERSON_ROLE_MAYOR:
    case WB_PERSON_ROLE_FORMER_MAYOR:
      return KIND (WB_PARTNER_KIND_PEER_MAYOR);
    case WB_PERSON_ROLE_ALDERMAN:
    case WB_PERSON_ROLE_FORMER_ALDERMAN:
      return KIND (WB_PARTNER_KIND_PEER_ALDERMAN);
    case WB_PERSON_ROLE_COUNCILLOR:
    case WB_PERSON_ROLE_FORMER_COUNCILLOR:
      return KIND (WB_PARTNER_KIND_PEER_COUNCILLOR);
    case WB_PERSON_ROLE_RELATIVE:
    case WB_PERSON_ROLE_OTHER:
    default:
      return 0;
    }
}

/**
 * wb_partner_kinds_for_needs:
 * @needs: the needs of a case
 * @role: the role of the person the case is about
 *
 * Security: security experts and police (or the OM contact); legal help:
 * lawyers; aftercare for anyone: aftercare and experience experts; peer
 * support: a peer of the same role and experience experts; communication:
 * communication and media advisers; other: partners of kind other.
 *
 * Returns: the kinds of partner that fit, as a mask of `1 << kind`
 */
guint
wb_partner_kinds_for_needs (WbNeed       needs,
                            WbPersonRole role)
{
  guint kinds = 0;

  for (guint i = 0; i < G_N_ELEMENTS (need_kinds); i++)
    if (needs & need_kinds[i].need)
      kinds |= need_kinds[i].kinds;

  if (needs & WB_NEED_PEER_SUPPORT)
    kinds |= peer_kinds (role);

  return kinds;
}

/* Returns the nearest tier among the areas, or -1 if none applies. */
static int
nearest_tier (WbPartner    *partner,
              const WbArea *municipality)
{
  const char * const *areas = wb_partner_get_areas (partner);
  int best = -1;

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      int tier = -1;

      if (strcmp (areas[i], wb_area_get_code (municipality)) == 0)
        tier = WB_MATCH_TIER_MUNICIPALITY;
      else if (strcmp (areas[i], wb_area_get_safety_region_code (municipality)) == 0)
        tier = WB_MATCH_TIER_SAFETY_REGION;
      else if (strcmp (areas[i], wb_area_get_province_code (municipality)) == 0)
        tier = WB_MATCH_TIER_PROVINCE;
      else if (strcmp (areas[i], "NL") == 0)
        tier = WB_MATCH_TIER_NATIONAL;

      if (tier >= 0 && (best < 0 || tier < best))
        best = tier;
    }

  return best;
}

typedef struct
{
  WbPartnerMatch *match;
  char           *folded_name;
} Entry;

/* Usable partners first, then stale ones, then inactive ones. */
static int
availability (const WbPartnerMatch *match)
{
  if (match->inactive)
    return 2;
  if (match->stale)
    return 1;
  return 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int cmp;

  if ((cmp = availability (ea->match) - availability (eb->match)) != 0)
    return cmp;
  if (ea->match->tier != eb->match->tier)
    return ea->match->tier < eb->match->tier ? -1 : 1;
  if (ea->match->fits_need != eb->match->fits_need)
    return ea->match->fits_need ? -1 : 1;
  if ((cmp = strcmp (ea->folded_name, eb->folded_name)) != 0)
    return cmp;

  return g_strcmp0 (wb_partner_get_id (ea->match->partner),
                    wb_partner_get_id (eb->match->partner));
}

/**
 * wb_partner_match_rank:
 * @partners: (element-type WbPartner): the partner directory
 * @municipality_code: the CBS code of the case's municipality, like `GM0363`
 * @needs: the needs of the case
 * @role: the role of the person, to find peers of the same role
 * @now: the current moment, to judge when a partner was last verified
 * @error: return location for a %WB_CORE_ERROR_INVALID error
 *
 * Keeps the partners that serve the municipality, its safety region, its
 * province or the whole country, and sorts them: first the active partners
 * verified in the last %WB_PARTNER_STALE_MONTHS months, then the stale, then
 * the inactive ones; within that by tier (nearest first), then those whose
 * kind fits a need, then by name ignoring case and accents, then by id.
 *
 * Returns: (transfer full) (element-type WbPartnerMatch) (nullable): the
 *   ranked matches, or %NULL if the municipality is unknown
 */
GPtrArray *
wb_partner_match_rank (GPtrArray     *partners,
                       const char    *municipality_code,
                       WbNeed         needs,
                       WbPersonRole   role,
                       GDateTime     *now,
                       GError       **error)
{
  const WbArea *municipality;
  g_autoptr(GDateTime) cutoff = NULL;
  g_autoptr(GArray) entries = NULL;
  GPtrArray *result;
  guint kinds;

  g_return_val_if_fail (partners != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!wb_regions_check_area (municipality_code, error))
    return NULL;
  municipality = wb_regions_lookup (municipality_code);
  if (wb_area_get_kind (municipality) != WB_AREA_KIND_MUNICIPALITY)
    {
      g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                   /* Translators: %s is an area code such as PV27 */
                   _("%s is not a municipality; choose the municipality of the case."),
                   municipality_code);
      return NULL;
    }

  kinds = wb_partner_kinds_for_needs (needs, role);
  cutoff = g_date_time_add_months (now, -WB_PARTNER_STALE_MONTHS);
  entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint i = 0; i < partners->len; i++)
    {
      WbPartner *partner = g_ptr_array_index (partners, i);
      GDateTime *verified_at = wb_partner_get_verified_at (partner);
      int tier = nearest_tier (partner, municipality);
      WbPartnerMatch *match;
      Entry entry;

      if (tier < 0)
        continue;

      match = g_new0 (WbPartnerMatch, 1);
      match->partner = g_object_ref (partner);
      match->tier = tier;
      match->fits_need = (kinds & KIND (wb_partner_get_kind (partner))) != 0;
      match->stale = verified_at == NULL || g_date_time_compare (verified_at, cutoff) < 0;
      match->inactive = !wb_partner_get_active (partner);

      entry.match = match;
      entry.folded_name = wb_fold_for_search (wb_partner_get_name (partner));
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_entries);

  result = g_ptr_array_new_full (entries->len, (GDestroyNotify) wb_partner_match_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      g_ptr_array_add (result, entry->match);
      g_free (entry->folded_name);
    }

  return result;
}
