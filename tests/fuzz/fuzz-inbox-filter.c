/* fuzz-inbox-filter.c: the inbox search query (wb-inbox-filter.c) and the
 * accent folding it uses (wb-fold.c), matched against a few cases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-fold.h"
#include "wb-fuzz.h"
#include "wb-inbox-filter.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  wb_fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *raw = wb_fuzz_strndup (data, size);
  /* A search entry always holds valid UTF-8. */
  g_autofree char *query = g_utf8_make_valid (raw, -1);
  g_autofree char *folded = wb_fold_for_search (query);
  g_autoptr(WbInboxFilter) filter = wb_inbox_filter_new ();
  WbInboxCase cases[] = {
    { "OT-2026-0042", WB_CASE_STATUS_NEW, WB_URGENCY_HIGH, WB_ASSOCIATION_NGB, "", "GM0363",
      "ot-2026-0042 test jansen-42 amsterdam", 1767225600, 0, 1767225600 },
    { "OT-2025-0007", WB_CASE_STATUS_CLOSED, WB_URGENCY_NORMAL, WB_ASSOCIATION_NGB, "", "",
      "", 1735689600, 1735776000, 1735689600 },
    { "OT-2026-0001", WB_CASE_STATUS_NEW, WB_URGENCY_HIGH, WB_ASSOCIATION_NGB, "", "", folded,
      1767225600, 1767312000, 1767225600 },
  };

  g_assert (g_utf8_validate (folded, -1, NULL));
  wb_inbox_filter_set_now (filter, 1767312000);
  wb_inbox_filter_set_query (filter, query);
  g_assert (g_strcmp0 (wb_inbox_filter_get_query (filter), query) == 0 || *query == '\0');
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    wb_inbox_filter_matches (filter, &cases[i]);
  /* A case whose text is the folded query itself always matches it. */
  g_assert (wb_inbox_filter_matches (filter, &cases[2]));
  wb_inbox_filter_set_overdue_only (filter, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    wb_inbox_filter_matches (filter, &cases[i]);
  return 0;
}
