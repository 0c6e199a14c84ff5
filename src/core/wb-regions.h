/* wb-regions.h: municipalities, provinces and safety regions, and their area codes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The number of each in the built-in data (CBS division of 1 January 2025). */
#define WB_REGIONS_N_MUNICIPALITIES  342
#define WB_REGIONS_N_PROVINCES       12
#define WB_REGIONS_N_SAFETY_REGIONS  25

/**
 * WbAreaKind:
 * @WB_AREA_KIND_COUNTRY: the whole country, code `NL`
 * @WB_AREA_KIND_PROVINCE: a province, code `PV` and two digits
 * @WB_AREA_KIND_SAFETY_REGION: a safety region (veiligheidsregio), `VR` and two digits
 * @WB_AREA_KIND_MUNICIPALITY: a municipality, `GM` and its four-digit CBS code
 */
typedef enum
{
  WB_AREA_KIND_COUNTRY,
  WB_AREA_KIND_PROVINCE,
  WB_AREA_KIND_SAFETY_REGION,
  WB_AREA_KIND_MUNICIPALITY,
} WbAreaKind;

/* Areas are loaded once and live as long as the process; never free one. */
typedef struct _WbArea WbArea;

WbAreaKind    wb_area_get_kind                  (const WbArea *area);
const char   *wb_area_get_code                  (const WbArea *area);
const char   *wb_area_get_name                  (const WbArea *area);
const char   *wb_area_get_province_code         (const WbArea *area);
const char   *wb_area_get_safety_region_code    (const WbArea *area);
char         *wb_area_get_label                 (const WbArea *area);

const WbArea *wb_regions_lookup                 (const char   *code);
gboolean      wb_regions_check_area             (const char   *code,
                                                 GError      **error);
const char   *wb_regions_get_area_name          (const char   *code);
const WbArea *wb_regions_find_by_name           (WbAreaKind    kind,
                                                 const char   *name);
GPtrArray    *wb_regions_list                   (WbAreaKind    kind);
GPtrArray    *wb_regions_list_municipalities_in (const char   *area_code);
GPtrArray    *wb_regions_search                 (const char   *query);

G_END_DECLS
