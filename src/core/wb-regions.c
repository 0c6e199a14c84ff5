/* wb-regions.c: municipalities, provinces and safety regions, and their area codes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "wb-regions.h"
#include "wb-core-error.h"
#include "wb-core-resources.h"
#include "wb-csv.h"
#include "wb-fold.h"

#define GEMEENTEN_PATH "/nl/weerbaarbestuur/Weerbaar/core/gemeenten.csv"
#define COUNTRY_CODE "NL"

struct _WbArea
{
  WbAreaKind  kind;
  char       *code;
  char       *name;
  char       *folded;
  char       *alias_folded;  /* another name it is found by, or NULL */
  char       *sort_key;
  char       *province_code;
  char       *safety_region_code;
};

typedef struct
{
  GHashTable *by_code;        /* code → WbArea, owns the areas */
  GPtrArray  *lists[WB_AREA_KIND_MUNICIPALITY + 1];
} Regions;

static const char * const csv_columns[] = {
  "code", "name", "province_code", "province", "safety_region_code", "safety_region",
};

/* The CBS list says Friesland; the province's official name is Fryslân. */
static const struct
{
  const char *source_name;
  const char *name;
} province_names[] = {
  { "Friesland", "Fryslân" },
};

static void
area_free (WbArea *area)
{
  g_free (area->code);
  g_free (area->name);
  g_free (area->folded);
  g_free (area->alias_folded);
  g_free (area->sort_key);
  g_free (area->province_code);
  g_free (area->safety_region_code);
  g_free (area);
}

static WbArea *
area_new (WbAreaKind  kind,
          const char *code,
          const char *name)
{
  WbArea *area = g_new0 (WbArea, 1);
  const char *p;

  area->kind = kind;
  area->code = g_strdup (code);
  area->name = g_strdup (name);
  area->folded = wb_fold_for_search (name);

  /* Sort “'s-Gravenhage” under s, not before all others. */
  for (p = area->folded; *p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p));
       p = g_utf8_next_char (p))
    ;
  area->sort_key = g_strdup_printf ("%s\x01%s", p, code);

  return area;
}

static int
compare_areas (gconstpointer a,
               gconstpointer b)
{
  const WbArea *area_a = *(const WbArea * const *) a;
  const WbArea *area_b = *(const WbArea * const *) b;

  if (area_a->kind != area_b->kind)
    return area_a->kind < area_b->kind ? -1 : 1;

  return strcmp (area_a->sort_key, area_b->sort_key);
}

/* Adds a province or safety region the first time it is seen; a later row
 * must name it the same. */
static const char *
shown_name (WbAreaKind  kind,
            const char *name)
{
  if (kind == WB_AREA_KIND_PROVINCE)
    for (guint i = 0; i < G_N_ELEMENTS (province_names); i++)
      if (strcmp (province_names[i].source_name, name) == 0)
        return province_names[i].name;

  return name;
}

/* Adds a province or safety region the first time it is seen; a later row
 * must name it the same. */
static gboolean
add_parent (Regions     *regions,
            WbAreaKind   kind,
            const char  *code,
            const char  *name,
            guint        line,
            GError     **error)
{
  WbArea *area = g_hash_table_lookup (regions->by_code, code);
  const char *shown = shown_name (kind, name);

  if (area == NULL)
    {
      area = area_new (kind, code, shown);
      if (shown != name)
        area->alias_folded = wb_fold_for_search (name);
      g_hash_table_insert (regions->by_code, area->code, area);
      g_ptr_array_add (regions->lists[kind], area);
      return TRUE;
    }

  if (area->kind != kind || strcmp (area->name, shown) != 0)
    {
      g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                   "gemeenten.csv line %u: %s has two names", line, code);
      return FALSE;
    }

  return TRUE;
}

static gboolean
code_has_kind (const char *code,
               WbAreaKind  kind)
{
  static const struct
  {
    const char *prefix;
    guint       n_digits;
  } shapes[] = {
    [WB_AREA_KIND_COUNTRY] = { "NL", 0 },
    [WB_AREA_KIND_PROVINCE] = { "PV", 2 },
    [WB_AREA_KIND_SAFETY_REGION] = { "VR", 2 },
    [WB_AREA_KIND_MUNICIPALITY] = { "GM", 4 },
  };

  if (!g_str_has_prefix (code, shapes[kind].prefix)
      || strlen (code) != 2 + shapes[kind].n_digits)
    return FALSE;

  for (const char *p = code + 2; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
load (Regions  *regions,
      GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WbCsvReader) reader = NULL;
  const char * const *header;
  const char * const *fields;
  const char *data;
  gsize len;
  guint line = 0;
  GError *local_error = NULL;

  bytes = g_resource_lookup_data (wb_core_get_resource (), GEMEENTEN_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  reader = wb_csv_reader_new (data, len, error);
  if (reader == NULL)
    return FALSE;

  header = wb_csv_reader_get_header (reader);
  if (g_strv_length ((char **) header) != G_N_ELEMENTS (csv_columns))
    {
      g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                   "gemeenten.csv: unexpected columns");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    if (strcmp (header[i], csv_columns[i]) != 0)
      {
        g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                     "gemeenten.csv: column %u is not %s", i + 1, csv_columns[i]);
        return FALSE;
      }

  while (wb_csv_reader_next (reader, &fields, &line, &local_error))
    {
      WbArea *area;

      if (!code_has_kind (fields[0], WB_AREA_KIND_MUNICIPALITY)
          || !code_has_kind (fields[2], WB_AREA_KIND_PROVINCE)
          || !code_has_kind (fields[4], WB_AREA_KIND_SAFETY_REGION)
          || g_hash_table_contains (regions->by_code, fields[0]))
        {
          g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                       "gemeenten.csv line %u: bad or repeated code", line);
          return FALSE;
        }

      if (!add_parent (regions, WB_AREA_KIND_PROVINCE, fields[2], fields[3], line, error)
          || !add_parent (regions, WB_AREA_KIND_SAFETY_REGION, fields[4], fields[5], line,
                          error))
        return FALSE;

      area = area_new (WB_AREA_KIND_MUNICIPALITY, fields[0], fields[1]);
      area->province_code = g_strdup (fields[2]);
      area->safety_region_code = g_strdup (fields[4]);
      g_hash_table_insert (regions->by_code, area->code, area);
      g_ptr_array_add (regions->lists[WB_AREA_KIND_MUNICIPALITY], area);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* A safety region lies in one province; the data is checked for it. */
  for (guint i = 0; i < regions->lists[WB_AREA_KIND_MUNICIPALITY]->len; i++)
    {
      WbArea *municipality = g_ptr_array_index (regions->lists[WB_AREA_KIND_MUNICIPALITY], i);
      WbArea *region = g_hash_table_lookup (regions->by_code,
                                            municipality->safety_region_code);

      if (region->province_code == NULL)
        region->province_code = g_strdup (municipality->province_code);
      else if (strcmp (region->province_code, municipality->province_code) != 0)
        {
          g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                       "gemeenten.csv: %s lies in two provinces", region->code);
          return FALSE;
        }
    }

  for (guint kind = 0; kind < G_N_ELEMENTS (regions->lists); kind++)
    g_ptr_array_sort (regions->lists[kind], compare_areas);

  return TRUE;
}

static Regions *
get_regions (void)
{
  static Regions *regions;

  if (g_once_init_enter (&regions))
    {
      g_autoptr(GError) error = NULL;
      Regions *loaded = g_new0 (Regions, 1);
      WbArea *country;

      loaded->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) area_free);
      for (guint kind = 0; kind < G_N_ELEMENTS (loaded->lists); kind++)
        loaded->lists[kind] = g_ptr_array_new ();

      /* The name of the country is translated when it is asked for. */
      country = area_new (WB_AREA_KIND_COUNTRY, COUNTRY_CODE, "Nederland");
      g_hash_table_insert (loaded->by_code, country->code, country);
      g_ptr_array_add (loaded->lists[WB_AREA_KIND_COUNTRY], country);

      /* Registered here rather than by a constructor, which the linker
       * drops from a static library; the data is compiled in, so loading
       * fails only on a broken build. */
      wb_core_register_resource ();
      if (!load (loaded, &error))
        g_critical ("Cannot load the municipalities: %s", error->message);

      g_once_init_leave (&regions, loaded);
    }

  return regions;
}

/**
 * wb_area_get_kind:
 * @area: an area from the regions
 *
 * Returns: what kind of area @area is
 */
WbAreaKind
wb_area_get_kind (const WbArea *area)
{
  g_return_val_if_fail (area != NULL, WB_AREA_KIND_COUNTRY);

  return area->kind;
}

/**
 * wb_area_get_code:
 * @area: an area from the regions
 *
 * Returns: the area code, such as `GM0363`
 */
const char *
wb_area_get_code (const WbArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  return area->code;
}

/**
 * wb_area_get_name:
 * @area: an area from the regions
 *
 * Returns: the name to show, such as “Fryslân”; translated for the country
 */
const char *
wb_area_get_name (const WbArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  if (area->kind == WB_AREA_KIND_COUNTRY)
    /* Translators: the whole country, as an area a partner serves */
    return _("The Netherlands");

  return area->name;
}

/**
 * wb_area_get_province_code:
 * @area: an area from the regions
 *
 * Returns: (nullable): the province a municipality or safety region lies in
 */
const char *
wb_area_get_province_code (const WbArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  return area->province_code;
}

/**
 * wb_area_get_safety_region_code:
 * @area: an area from the regions
 *
 * Returns: (nullable): the safety region of a municipality
 */
const char *
wb_area_get_safety_region_code (const WbArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  return area->safety_region_code;
}

/**
 * wb_area_get_label:
 * @area: an area from the regions
 *
 * Returns: (transfer full): the name with what kind of area it is, such as
 *   “Province of Fryslân” or “Safety region Fryslân”, to tell them apart
 */
char *
wb_area_get_label (const WbArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  switch (area->kind)
    {
    case WB_AREA_KIND_COUNTRY:
      return g_strdup (wb_area_get_name (area));
    case WB_AREA_KIND_PROVINCE:
      /* Translators: %s is the name of a province; Dutch: Provincie %s */
      return g_strdup_printf (_("Province of %s"), area->name);
    case WB_AREA_KIND_SAFETY_REGION:
      /* Translators: %s is the name of a safety region; Dutch: Veiligheidsregio %s */
      return g_strdup_printf (_("Safety region %s"), area->name);
    case WB_AREA_KIND_MUNICIPALITY:
      /* Translators: %s is the name of a municipality; Dutch: Gemeente %s */
      return g_strdup_printf (_("Municipality of %s"), area->name);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * wb_regions_lookup:
 * @code: (nullable): an area code: `NL`, `PVnn`, `VRnn` or `GMnnnn`
 *
 * Returns: (transfer none) (nullable): the area, or %NULL if no area has
 *   that code
 */
const WbArea *
wb_regions_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (get_regions ()->by_code, code);
}

/**
 * wb_regions_check_area:
 * @code: (nullable): an area code
 * @error: return location for a %WB_CORE_ERROR_INVALID error
 *
 * Returns: whether @code names a known area
 */
gboolean
wb_regions_check_area (const char  *code,
                       GError     **error)
{
  if (wb_regions_lookup (code) != NULL)
    return TRUE;

  if (code != NULL && g_str_has_prefix (code, "GM") && strlen (code) == 6)
    g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                 /* Translators: %s is a code such as GM0363 */
                 _("There is no municipality with code %s."), code);
  else
    g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                 /* Translators: %s is what the user typed; keep the example codes */
                 _("“%s” is not a known area; use codes like NL, PV27, VR13 or GM0363."),
                 code != NULL ? code : "");

  return FALSE;
}

/**
 * wb_regions_get_area_name:
 * @code: (nullable): an area code
 *
 * Returns: (nullable): the name to show for @code, or %NULL if unknown
 */
const char *
wb_regions_get_area_name (const char *code)
{
  const WbArea *area = wb_regions_lookup (code);

  return area != NULL ? wb_area_get_name (area) : NULL;
}

static gboolean
area_has_name (const WbArea *area,
               const char   *folded)
{
  if (strcmp (area->folded, folded) == 0)
    return TRUE;
  if (area->alias_folded != NULL && strcmp (area->alias_folded, folded) == 0)
    return TRUE;
  if (area->kind == WB_AREA_KIND_COUNTRY)
    {
      g_autofree char *translated = wb_fold_for_search (wb_area_get_name (area));

      return strcmp (translated, folded) == 0;
    }

  return FALSE;
}

/**
 * wb_regions_find_by_name:
 * @kind: the kind of area
 * @name: (nullable): its name, in any case and with or without accents
 *
 * Finds “Súdwest-Fryslân” by “SUDWEST-FRYSLAN” and the province Fryslân by
 * “fryslan” or “Friesland”. The whole name must match.
 *
 * Returns: (transfer none) (nullable): the area, or %NULL
 */
const WbArea *
wb_regions_find_by_name (WbAreaKind  kind,
                         const char *name)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  GPtrArray *list;

  g_return_val_if_fail (kind <= WB_AREA_KIND_MUNICIPALITY, NULL);

  if (name == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (name));
  folded = wb_fold_for_search (stripped);
  list = get_regions ()->lists[kind];
  for (guint i = 0; i < list->len; i++)
    if (area_has_name (g_ptr_array_index (list, i), folded))
      return g_ptr_array_index (list, i);

  return NULL;
}

/**
 * wb_regions_list:
 * @kind: the kind of area
 *
 * Returns: (transfer container) (element-type WbArea): all areas of @kind,
 *   sorted by name
 */
GPtrArray *
wb_regions_list (WbAreaKind kind)
{
  g_return_val_if_fail (kind <= WB_AREA_KIND_MUNICIPALITY, NULL);

  return g_ptr_array_copy (get_regions ()->lists[kind], NULL, NULL);
}

/**
 * wb_regions_list_municipalities_in:
 * @area_code: an area code
 *
 * Returns: (transfer container) (element-type WbArea) (nullable): the
 *   municipalities in the area, sorted by name (all of them for `NL`, one
 *   for a municipality), or %NULL if the code is unknown
 */
GPtrArray *
wb_regions_list_municipalities_in (const char *area_code)
{
  const WbArea *area = wb_regions_lookup (area_code);
  GPtrArray *all;
  GPtrArray *result;

  if (area == NULL)
    return NULL;

  all = get_regions ()->lists[WB_AREA_KIND_MUNICIPALITY];
  result = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const WbArea *municipality = g_ptr_array_index (all, i);

      if (area->kind == WB_AREA_KIND_COUNTRY
          || (area->kind == WB_AREA_KIND_PROVINCE
              && strcmp (municipality->province_code, area->code) == 0)
          || (area->kind == WB_AREA_KIND_SAFETY_REGION
              && strcmp (municipality->safety_region_code, area->code) == 0)
          || municipality == area)
        g_ptr_array_add (result, (gpointer) municipality);
    }

  return result;
}

typedef struct
{
  const WbArea *area;
  guint         rank;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *hit_a = a;
  const Hit *hit_b = b;

  if (hit_a->rank != hit_b->rank)
    return hit_a->rank < hit_b->rank ? -1 : 1;

  return compare_areas (&hit_a->area, &hit_b->area);
}

/**
 * wb_regions_search:
 * @query: (nullable): part of a name or a code, in any case, with or
 *   without accents
 *
 * Finds the areas whose name contains @query or whose code is @query:
 * whole-name matches first, then names that start with it, then the rest;
 * within that provinces before safety regions before municipalities, by name.
 *
 * Returns: (transfer container) (element-type WbArea): the areas; empty for
 *   an empty query
 */
GPtrArray *
wb_regions_search (const char *query)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GHashTableIter iter;
  gpointer value;
  GPtrArray *result;

  stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  folded = wb_fold_for_search (stripped);
  result = g_ptr_array_new ();
  if (*folded == '\0')
    return result;

  g_hash_table_iter_init (&iter, get_regions ()->by_code);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const WbArea *area = value;
      g_autofree char *folded_code = wb_fold_for_search (area->code);
      g_autofree char *name = wb_fold_for_search (wb_area_get_name (area));
      Hit hit = { area, 0 };

      if (strcmp (name, folded) == 0 || area_has_name (area, folded)
          || strcmp (folded_code, folded) == 0)
        hit.rank = 0;
      else if (g_str_has_prefix (name, folded))
        hit.rank = 1;
      else if (wb_fold_matches (name, folded)
               || (area->alias_folded != NULL && wb_fold_matches (area->alias_folded, folded)))
        hit.rank = 2;
      else
        continue;

      g_array_append_val (hits, hit);
    }

  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (result, (gpointer) g_array_index (hits, Hit, i).area);

  return result;
}
