/* test-partner-match.c: which partners are offered for a case, and in what order.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

/* The case is in Amsterdam: GM0363, safety region VR13, province PV27. */
#define AMSTERDAM "GM0363"

typedef struct
{
  const char    *id;
  const char    *name;
  WbPartnerKind  kind;
  const char    *areas;           /* semicolon-separated */
  gboolean       inactive;
  int            verified_months; /* months before now; -1: never */
} PartnerSpec;

static const PartnerSpec directory[] = {
  { "anna", "Anna", WB_PARTNER_KIND_LEGAL, "NL", FALSE, 1 },
  { "aart", "Aart", WB_PARTNER_KIND_AFTERCARE, "GM0363", FALSE, 2 },
  { "bram", "Bram", WB_PARTNER_KIND_SECURITY_EXPERT, "GM0363", FALSE, 3 },
  { "cees", "Cees", WB_PARTNER_KIND_AFTERCARE, "VR13", FALSE, 0 },
  { "dirk", "Dirk", WB_PARTNER_KIND_COMMUNICATION, "PV27", FALSE, 11 },
  { "eva", "Eva", WB_PARTNER_KIND_LEGAL, "GM0358", FALSE, 1 },          /* Aalsmeer */
  { "frits", "Frits", WB_PARTNER_KIND_LEGAL, "PV21;GM1900", FALSE, 1 }, /* Fryslân */
  { "gert", "Gert", WB_PARTNER_KIND_POLICE, "GM0363", TRUE, 1 },
  { "hans", "Hans", WB_PARTNER_KIND_LEGAL, "GM0363", FALSE, 13 },
  { "ineke", "Ineke", WB_PARTNER_KIND_LEGAL, "GM0363", FALSE, -1 },
  { "joost", "Joost", WB_PARTNER_KIND_PEER_MAYOR, "VR13", FALSE, 1 },
  { "k2", "Kées", WB_PARTNER_KIND_LEGAL, "PV27", FALSE, 1 },
  { "k1", "kees", WB_PARTNER_KIND_LEGAL, "PV27", FALSE, 1 },
  { "lars", "Lars", WB_PARTNER_KIND_POLICE, "NL;GM0363", FALSE, 1 },
  { "mila", "Mila", WB_PARTNER_KIND_OTHER, "VR10", FALSE, 1 },          /* Noord-Holland Noord */
  { "nora", "Nora", WB_PARTNER_KIND_LEGAL, "VR13", TRUE, 20 },
  { "olga", "Olga", WB_PARTNER_KIND_COMMUNICATION, "VR13", FALSE, 0 },
};

static GDateTime *
now (void)
{
  return g_date_time_new (wb_due_get_time_zone (), 2026, 3, 15, 12, 0, 0);
}

static GPtrArray *
make_directory (void)
{
  g_autoptr(GDateTime) today = now ();
  GPtrArray *partners = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (directory); i++)
    {
      const PartnerSpec *spec = &directory[i];
      g_auto(GStrv) areas = g_strsplit (spec->areas, ";", -1);
      WbPartner *partner = g_object_new (WB_TYPE_PARTNER, "id", spec->id, NULL);

      wb_partner_set_name (partner, spec->name);
      wb_partner_set_kind (partner, spec->kind);
      wb_partner_set_areas (partner, (const char * const *) areas);
      wb_partner_set_phone (partner, "+31 20 123 4567");
      wb_partner_set_active (partner, !spec->inactive);
      if (spec->verified_months >= 0)
        {
          g_autoptr(GDateTime) verified = g_date_time_add_months (today, -spec->verified_months);
          wb_partner_set_verified_at (partner, verified);
        }
      g_assert_true (wb_partner_check (partner, NULL));
      g_ptr_array_add (partners, partner);
    }

  return partners;
}

static char *
ids_of (GPtrArray *matches)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      WbPartnerMatch *match = g_ptr_array_index (matches, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, wb_partner_get_id (match->partner));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const WbPartnerMatch *
find (GPtrArray  *matches,
      const char *id)
{
  for (guint i = 0; i < matches->len; i++)
    {
      WbPartnerMatch *match = g_ptr_array_index (matches, i);

      if (g_str_equal (wb_partner_get_id (match->partner), id))
        return match;
    }

  return NULL;
}

typedef struct
{
  const char   *name;
  WbNeed        needs;
  WbPersonRole  role;
  const char   *order;
} RankCase;

static void
test_ranks_by_availability_tier_fit_and_name (void)
{
  const RankCase cases[] = {
    /* Tiers: municipality, safety region, province, national; then stale, then inactive. */
    { "no needs", 0, WB_PERSON_ROLE_MAYOR,
      "aart bram lars cees joost olga dirk k1 k2 anna hans ineke gert nora" },
    { "legal help lifts lawyers within each tier", WB_NEED_LEGAL, WB_PERSON_ROLE_MAYOR,
      "aart bram lars cees joost olga k1 k2 dirk anna hans ineke gert nora" },
    { "security lifts security experts and police", WB_NEED_SECURITY, WB_PERSON_ROLE_MAYOR,
      "bram lars aart cees joost olga dirk k1 k2 anna hans ineke gert nora" },
    { "peer support for a mayor lifts a peer mayor", WB_NEED_PEER_SUPPORT,
      WB_PERSON_ROLE_FORMER_MAYOR,
      "aart bram lars joost cees olga dirk k1 k2 anna hans ineke gert nora" },
    { "peer support for a councillor does not lift a peer mayor", WB_NEED_PEER_SUPPORT,
      WB_PERSON_ROLE_COUNCILLOR,
      "aart bram lars cees joost olga dirk k1 k2 anna hans ineke gert nora" },
    { "communication lifts the media adviser", WB_NEED_COMMUNICATION | WB_NEED_LEGAL,
      WB_PERSON_ROLE_ALDERMAN,
      "aart bram lars olga cees joost dirk k1 k2 anna hans ineke gert nora" },
    { "aftercare for the family", WB_NEED_AFTERCARE_FAMILY, WB_PERSON_ROLE_RELATIVE,
      "aart bram lars cees joost olga dirk k1 k2 anna hans ineke gert nora" },
  };

  g_autoptr(GPtrArray) partners = make_directory ();
  g_autoptr(GDateTime) today = now ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) matches = NULL;
      g_autofree char *order = NULL;

      g_test_message ("%s", cases[i].name);
      matches = wb_partner_match_rank (partners, AMSTERDAM, cases[i].needs, cases[i].role, today,
                                       &error);
      g_assert_no_error (error);
      order = ids_of (matches);
      g_assert_cmpstr (order, ==, cases[i].order);
    }
}

static void
test_marks_tier_fit_stale_and_inactive (void)
{
  const struct
  {
    const char  *id;
    WbMatchTier  tier;
    gboolean     fits_need;
    gboolean     stale;
    gboolean     inactive;
  } expected[] = {
    { "bram", WB_MATCH_TIER_MUNICIPALITY, FALSE, FALSE, FALSE },
    { "lars", WB_MATCH_TIER_MUNICIPALITY, FALSE, FALSE, FALSE },  /* also serves NL */
    { "cees", WB_MATCH_TIER_SAFETY_REGION, FALSE, FALSE, FALSE },
    { "dirk", WB_MATCH_TIER_PROVINCE, FALSE, FALSE, FALSE },
    { "k1", WB_MATCH_TIER_PROVINCE, TRUE, FALSE, FALSE },
    { "anna", WB_MATCH_TIER_NATIONAL, TRUE, FALSE, FALSE },
    { "hans", WB_MATCH_TIER_MUNICIPALITY, TRUE, TRUE, FALSE },
    { "ineke", WB_MATCH_TIER_MUNICIPALITY, TRUE, TRUE, FALSE },
    { "gert", WB_MATCH_TIER_MUNICIPALITY, FALSE, FALSE, TRUE },
    { "nora", WB_MATCH_TIER_SAFETY_REGION, TRUE, TRUE, TRUE },
  };
  g_autoptr(GPtrArray) partners = make_directory ();
  g_autoptr(GDateTime) today = now ();
  g_autoptr(GPtrArray) matches = wb_partner_match_rank (partners, AMSTERDAM, WB_NEED_LEGAL,
                                                        WB_PERSON_ROLE_MAYOR, today, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const WbPartnerMatch *match = find (matches, expected[i].id);

      g_test_message ("%s", expected[i].id);
      g_assert_nonnull (match);
      g_assert_cmpint (match->tier, ==, expected[i].tier);
      g_assert_cmpint (match->fits_need, ==, expected[i].fits_need);
      g_assert_cmpint (match->stale, ==, expected[i].stale);
      g_assert_cmpint (match->inactive, ==, expected[i].inactive);
    }
}

static void
test_partners_elsewhere_are_excluded (void)
{
  g_autoptr(GPtrArray) partners = make_directory ();
  g_autoptr(GDateTime) today = now ();
  g_autoptr(GPtrArray) amsterdam = wb_partner_match_rank (partners, AMSTERDAM, WB_NEED_LEGAL,
                                                          WB_PERSON_ROLE_MAYOR, today, NULL);
  g_autoptr(GPtrArray) snits = wb_partner_match_rank (partners, "GM1900", WB_NEED_LEGAL,
                                                      WB_PERSON_ROLE_MAYOR, today, NULL);
  g_autofree char *snits_order = ids_of (snits);

  /* Same safety region is not enough for a partner of one municipality. */
  g_assert_null (find (amsterdam, "eva"));
  g_assert_null (find (amsterdam, "frits"));
  g_assert_null (find (amsterdam, "mila"));
  g_assert_cmpuint (amsterdam->len, ==, G_N_ELEMENTS (directory) - 3);

  g_assert_cmpstr (snits_order, ==, "frits anna lars");
  g_assert_cmpint (find (snits, "frits")->tier, ==, WB_MATCH_TIER_MUNICIPALITY);
}

static void
test_ties_are_deterministic (void)
{
  g_autoptr(GPtrArray) partners = make_directory ();
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) today = now ();
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autofree char *order_a = NULL;
  g_autofree char *order_b = NULL;

  for (guint i = partners->len; i > 0; i--)
    g_ptr_array_add (reversed, g_object_ref (g_ptr_array_index (partners, i - 1)));

  a = wb_partner_match_rank (partners, AMSTERDAM, WB_NEED_LEGAL, WB_PERSON_ROLE_MAYOR, today, NULL);
  b = wb_partner_match_rank (reversed, AMSTERDAM, WB_NEED_LEGAL, WB_PERSON_ROLE_MAYOR, today, NULL);
  order_a = ids_of (a);
  order_b = ids_of (b);

  g_assert_cmpstr (order_a, ==, order_b);
  /* “Kées” and “kees” fold to the same name; the id decides. */
  g_assert_nonnull (strstr (order_a, "k1 k2"));
}

static void
test_stale_starts_after_twelve_months (void)
{
  g_autoptr(GDateTime) today = now ();
  g_autoptr(GDateTime) exactly = g_date_time_add_months (today, -12);
  g_autoptr(GDateTime) just_before = g_date_time_add_seconds (exactly, -1);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) matches = NULL;
  const char *nl[] = { "NL", NULL };
  GDateTime *dates[] = { exactly, just_before };
  const char *ids[] = { "fresh", "stale" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      WbPartner *partner = g_object_new (WB_TYPE_PARTNER, "id", ids[i], NULL);

      wb_partner_set_name (partner, "Zelfde naam");
      wb_partner_set_areas (partner, nl);
      wb_partner_set_verified_at (partner, dates[i]);
      g_ptr_array_add (partners, partner);
    }

  matches = wb_partner_match_rank (partners, AMSTERDAM, 0, WB_PERSON_ROLE_OTHER, today, NULL);
  g_assert_false (find (matches, "fresh")->stale);
  g_assert_true (find (matches, "stale")->stale);
  g_assert_cmpstr (wb_partner_get_id (((WbPartnerMatch *) g_ptr_array_index (matches, 0))->partner),
                   ==, "fresh");
}

static void
test_unknown_municipality_is_an_error (void)
{
  g_autoptr(GPtrArray) partners = make_directory ();
  g_autoptr(GDateTime) today = now ();
  const char *codes[] = { "GM9999", "PV27", "VR13", "NL", "", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (wb_partner_match_rank (partners, codes[i], 0, WB_PERSON_ROLE_MAYOR, today,
                                            &error));
      g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID);
    }
}

static void
test_needs_map_to_kinds (void)
{
#define K(kind) (1u << (kind))
  const struct
  {
    WbNeed       needs;
    WbPersonRole role;
    guint        kinds;
  } cases[] = {
    { 0, WB_PERSON_ROLE_MAYOR, 0 },
    { WB_NEED_SECURITY, WB_PERSON_ROLE_MAYOR,
      K (WB_PARTNER_KIND_SECURITY_EXPERT) | K (WB_PARTNER_KIND_POLICE) },
    { WB_NEED_LEGAL, WB_PERSON_ROLE_MAYOR, K (WB_PARTNER_KIND_LEGAL) },
    { WB_NEED_AFTERCARE_SELF, WB_PERSON_ROLE_MAYOR,
      K (WB_PARTNER_KIND_AFTERCARE) | K (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
    { WB_NEED_AFTERCARE_PARTNER, WB_PERSON_ROLE_MAYOR,
      K (WB_PARTNER_KIND_AFTERCARE) | K (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
    { WB_NEED_PEER_SUPPORT, WB_PERSON_ROLE_MAYOR,
      K (WB_PARTNER_KIND_PEER_MAYOR) | K (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
    { WB_NEED_PEER_SUPPORT, WB_PERSON_ROLE_FORMER_ALDERMAN,
      K (WB_PARTNER_KIND_PEER_ALDERMAN) | K (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
    { WB_NEED_PEER_SUPPORT, WB_PERSON_ROLE_COUNCILLOR,
      K (WB_PARTNER_KIND_PEER_COUNCILLOR) | K (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
    { WB_NEED_PEER_SUPPORT, WB_PERSON_ROLE_RELATIVE, K (WB_PARTNER_KIND_EXPERIENCE_EXPERT) },
    { WB_NEED_COMMUNICATION, WB_PERSON_ROLE_MAYOR, K (WB_PARTNER_KIND_COMMUNICATION) },
    { WB_NEED_LEGAL | WB_NEED_COMMUNICATION, WB_PERSON_ROLE_ALDERMAN,
      K (WB_PARTNER_KIND_LEGAL) | K (WB_PARTNER_KIND_COMMUNICATION) },
    { WB_NEED_OTHER, WB_PERSON_ROLE_MAYOR, K (WB_PARTNER_KIND_OTHER) },
  };
#undef K

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmphex (wb_partner_kinds_for_needs (cases[i].needs, cases[i].role), ==,
                     cases[i].kinds);
}

static void
test_tier_labels (void)
{
  for (WbMatchTier tier = WB_MATCH_TIER_MUNICIPALITY; tier <= WB_MATCH_TIER_NATIONAL; tier++)
    g_assert_nonnull (wb_match_tier_to_label (tier));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/partner-match/ranks-by-availability-tier-fit-and-name",
                   test_ranks_by_availability_tier_fit_and_name);
  g_test_add_func ("/core/partner-match/marks-tier-fit-stale-and-inactive",
                   test_marks_tier_fit_stale_and_inactive);
  g_test_add_func ("/core/partner-match/partners-elsewhere-are-excluded",
                   test_partners_elsewhere_are_excluded);
  g_test_add_func ("/core/partner-match/ties-are-deterministic", test_ties_are_deterministic);
  g_test_add_func ("/core/partner-match/stale-starts-after-twelve-months",
                   test_stale_starts_after_twelve_months);
  g_test_add_func ("/core/partner-match/unknown-municipality-is-an-error",
                   test_unknown_municipality_is_an_error);
  g_test_add_func ("/core/partner-match/needs-map-to-kinds", test_needs_map_to_kinds);
  g_test_add_func ("/core/partner-match/tier-labels", test_tier_labels);

  return g_test_run ();
}
