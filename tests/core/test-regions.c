/* test-regions.c: the built-in municipalities, provinces and safety regions, and folding.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

static void
test_counts_match_cbs_2025 (void)
{
  g_autoptr(GPtrArray) municipalities = wb_regions_list (WB_AREA_KIND_MUNICIPALITY);
  g_autoptr(GPtrArray) provinces = wb_regions_list (WB_AREA_KIND_PROVINCE);
  g_autoptr(GPtrArray) regions = wb_regions_list (WB_AREA_KIND_SAFETY_REGION);
  g_autoptr(GPtrArray) country = wb_regions_list (WB_AREA_KIND_COUNTRY);

  g_assert_cmpuint (municipalities->len, ==, 342);
  g_assert_cmpuint (municipalities->len, ==, WB_REGIONS_N_MUNICIPALITIES);
  g_assert_cmpuint (provinces->len, ==, 12);
  g_assert_cmpuint (regions->len, ==, 25);
  g_assert_cmpuint (country->len, ==, 1);
  g_assert_cmpstr (wb_area_get_code (g_ptr_array_index (country, 0)), ==, "NL");
}

static void
test_every_safety_region_lies_in_one_province (void)
{
  g_autoptr(GPtrArray) regions = wb_regions_list (WB_AREA_KIND_SAFETY_REGION);

  for (guint i = 0; i < regions->len; i++)
    {
      const WbArea *region = g_ptr_array_index (regions, i);
      const char *province = wb_area_get_province_code (region);
      g_autoptr(GPtrArray) members = wb_regions_list_municipalities_in (wb_area_get_code (region));

      g_assert_nonnull (province);
      g_assert_cmpint (wb_area_get_kind (wb_regions_lookup (province)), ==,
                       WB_AREA_KIND_PROVINCE);
      g_assert_cmpuint (members->len, >, 0);
      for (guint j = 0; j < members->len; j++)
        g_assert_cmpstr (wb_area_get_province_code (g_ptr_array_index (members, j)), ==,
                         province);
    }
}

static void
test_provinces_partition_municipalities (void)
{
  g_autoptr(GPtrArray) provinces = wb_regions_list (WB_AREA_KIND_PROVINCE);
  g_autoptr(GPtrArray) all = wb_regions_list_municipalities_in ("NL");
  guint total = 0;

  for (guint i = 0; i < provinces->len; i++)
    {
      g_autoptr(GPtrArray) members =
        wb_regions_list_municipalities_in (wb_area_get_code (g_ptr_array_index (provinces, i)));
      total += members->len;
    }

  g_assert_cmpuint (total, ==, 342);
  g_assert_cmpuint (all->len, ==, 342);
}

static void
test_province_is_spelled_fryslan (void)
{
  const WbArea *pv21 = wb_regions_lookup ("PV21");
  const WbArea *vr02 = wb_regions_lookup ("VR02");
  g_autoptr(GPtrArray) provinces = wb_regions_list (WB_AREA_KIND_PROVINCE);
  g_autoptr(GPtrArray) members = wb_regions_list_municipalities_in ("PV21");

  g_assert_nonnull (pv21);
  g_assert_cmpstr (wb_area_get_name (pv21), ==, "Fryslân");
  g_assert_cmpstr (wb_regions_get_area_name ("PV21"), ==, "Fryslân");
  g_assert_cmpstr (wb_area_get_name (vr02), ==, "Fryslân");
  g_assert_cmpuint (members->len, ==, 18);
  for (guint i = 0; i < provinces->len; i++)
    g_assert_cmpstr (wb_area_get_name (g_ptr_array_index (provinces, i)), !=, "Friesland");
}

static void
test_lookup_by_code (void)
{
  const WbArea *amsterdam = wb_regions_lookup ("GM0363");
  const WbArea *nuenen = wb_regions_lookup ("GM0820");

  g_assert_nonnull (amsterdam);
  g_assert_cmpint (wb_area_get_kind (amsterdam), ==, WB_AREA_KIND_MUNICIPALITY);
  g_assert_cmpstr (wb_area_get_name (amsterdam), ==, "Amsterdam");
  g_assert_cmpstr (wb_area_get_province_code (amsterdam), ==, "PV27");
  g_assert_cmpstr (wb_area_get_safety_region_code (amsterdam), ==, "VR13");
  /* A quoted name with a comma in the source CSV. */
  g_assert_cmpstr (wb_area_get_name (nuenen), ==, "Nuenen, Gerwen en Nederwetten");
  g_assert_cmpstr (wb_regions_get_area_name ("VR13"), ==, "Amsterdam-Amstelland");
  g_assert_cmpstr (wb_regions_get_area_name ("PV27"), ==, "Noord-Holland");
  g_assert_nonnull (wb_regions_get_area_name ("NL"));
}

static void
test_unknown_code_is_null_and_an_error (void)
{
  const char *unknown[] = { "GM9999", "PV19", "VR26", "XX", "", "gm0363", "GM0363 " };

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (wb_regions_lookup (unknown[i]));
      g_assert_null (wb_regions_get_area_name (unknown[i]));
      g_assert_null (wb_regions_list_municipalities_in (unknown[i]));
      g_assert_false (wb_regions_check_area (unknown[i], &error));
      g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID);
    }
  g_assert_null (wb_regions_lookup (NULL));
  g_assert_true (wb_regions_check_area ("GM0363", NULL));
}

static void
test_fold_strips_accents_and_case (void)
{
  const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "Fryslân", "fryslan" },
    { "SÚDWEST-FRYSLÂN", "sudwest-fryslan" },
    { "Súdwest-Fryslân", "sudwest-fryslan" },
    { "’s-Gravenhage", "'s-gravenhage" },
    { "Café Ærø", "cafe ærø" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = wb_fold_for_search (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *folded = wb_fold_for_search (NULL);
    g_autofree char *invalid = wb_fold_for_search ("a\xff" "b");

    g_assert_cmpstr (folded, ==, "");
    g_assert_true (g_utf8_validate (invalid, -1, NULL));
  }
}

static void
test_fold_finds_fryslan (void)
{
  const WbArea *province = wb_regions_find_by_name (WB_AREA_KIND_PROVINCE, "fryslan");
  const WbArea *by_old_name = wb_regions_find_by_name (WB_AREA_KIND_PROVINCE, "Friesland");
  const WbArea *region = wb_regions_find_by_name (WB_AREA_KIND_SAFETY_REGION, "FRYSLAN");

  g_assert_nonnull (province);
  g_assert_cmpstr (wb_area_get_code (province), ==, "PV21");
  g_assert_true (by_old_name == province);
  g_assert_nonnull (region);
  g_assert_cmpstr (wb_area_get_code (region), ==, "VR02");
  g_assert_null (wb_regions_find_by_name (WB_AREA_KIND_MUNICIPALITY, "fryslan"));
}

static void
test_fold_finds_municipalities (void)
{
  const struct
  {
    const char *name;
    const char *code;
  } cases[] = {
    { "SÚDWEST-FRYSLÂN", "GM1900" },
    { "sudwest-fryslan", "GM1900" },
    { "'s-Gravenhage", "GM0518" },
    { "’S-GRAVENHAGE", "GM0518" },
    { "  amsterdam ", "GM0363" },
    { "Bergen (NH.)", "GM0373" },
    { "bergen (l.)", "GM0893" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const WbArea *area = wb_regions_find_by_name (WB_AREA_KIND_MUNICIPALITY, cases[i].name);

      g_assert_nonnull (area);
      g_assert_cmpstr (wb_area_get_code (area), ==, cases[i].code);
    }

  g_assert_null (wb_regions_find_by_name (WB_AREA_KIND_MUNICIPALITY, "Bergen"));
  g_assert_null (wb_regions_find_by_name (WB_AREA_KIND_MUNICIPALITY, "Atlantis"));
}

static void
test_search_finds_part_of_name (void)
{
  g_autoptr(GPtrArray) sudwest = wb_regions_search ("sudwest");
  g_autoptr(GPtrArray) utrecht = wb_regions_search ("utrecht");
  g_autoptr(GPtrArray) code = wb_regions_search ("gm0363");
  g_autoptr(GPtrArray) empty = wb_regions_search ("  ");

  g_assert_cmpuint (sudwest->len, ==, 1);
  g_assert_cmpstr (wb_area_get_code (g_ptr_array_index (sudwest, 0)), ==, "GM1900");

  /* Whole-name matches first: province, then safety region, then municipality. */
  g_assert_cmpuint (utrecht->len, >=, 3);
  g_assert_cmpstr (wb_area_get_code (g_ptr_array_index (utrecht, 0)), ==, "PV26");
  g_assert_cmpstr (wb_area_get_code (g_ptr_array_index (utrecht, 1)), ==, "VR09");
  g_assert_cmpstr (wb_area_get_code (g_ptr_array_index (utrecht, 2)), ==, "GM0344");

  g_assert_cmpuint (code->len, ==, 1);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_lists_are_sorted_by_name (void)
{
  g_autoptr(GPtrArray) municipalities = wb_regions_list (WB_AREA_KIND_MUNICIPALITY);

  g_assert_cmpstr (wb_area_get_name (g_ptr_array_index (municipalities, 0)), ==, "Aa en Hunze");
  for (guint i = 1; i < municipalities->len; i++)
    {
      g_autofree char *a = wb_fold_for_search (wb_area_get_name (g_ptr_array_index (municipalities, i - 1)));
      g_autofree char *b = wb_fold_for_search (wb_area_get_name (g_ptr_array_index (municipalities, i)));

      if (a[0] != '\'' && b[0] != '\'')
        g_assert_cmpint (strcmp (a, b), <, 0);
    }
}

static void
test_labels_tell_kinds_apart (void)
{
  g_autofree char *province = wb_area_get_label (wb_regions_lookup ("PV21"));
  g_autofree char *region = wb_area_get_label (wb_regions_lookup ("VR02"));

  g_assert_cmpstr (province, !=, region);
  g_assert_nonnull (strstr (province, "Fryslân"));
  g_assert_nonnull (strstr (region, "Fryslân"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/regions/counts-match-cbs-2025", test_counts_match_cbs_2025);
  g_test_add_func ("/core/regions/every-safety-region-lies-in-one-province",
                   test_every_safety_region_lies_in_one_province);
  g_test_add_func ("/core/regions/provinces-partition-municipalities",
                   test_provinces_partition_municipalities);
  g_test_add_func ("/core/regions/province-is-spelled-fryslan", test_province_is_spelled_fryslan);
  g_test_add_func ("/core/regions/lookup-by-code", test_lookup_by_code);
  g_test_add_func ("/core/regions/unknown-code-is-null-and-an-error",
                   test_unknown_code_is_null_and_an_error);
  g_test_add_func ("/core/regions/fold-strips-accents-and-case", test_fold_strips_accents_and_case);
  g_test_add_func ("/core/regions/fold-finds-fryslan", test_fold_finds_fryslan);
  g_test_add_func ("/core/regions/fold-finds-municipalities", test_fold_finds_municipalities);
  g_test_add_func ("/core/regions/search-finds-part-of-name", test_search_finds_part_of_name);
  g_test_add_func ("/core/regions/lists-are-sorted-by-name", test_lists_are_sorted_by_name);
  g_test_add_func ("/core/regions/labels-tell-kinds-apart", test_labels_tell_kinds_apart);

  return g_test_run ();
}
