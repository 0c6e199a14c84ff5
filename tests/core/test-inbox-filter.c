/* test-inbox-filter.c: the inbox's filter and sort rules, and accent-insensitive search.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-fold.h"
#include "wb-inbox-filter.h"

#define HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

typedef struct
{
  WbInboxCase  c;
  char        *folded;
} Fixture;

static void
fixture_set (Fixture       *f,
             const char    *reference,
             WbCaseStatus   status,
             WbUrgency      urgency,
             const char    *municipality,
             const char    *text,
             gint64         created)
{
  g_free (f->folded);
  f->folded = wb_fold_for_search (text);
  f->c = (WbInboxCase) {
    .reference = reference,
    .status = status,
    .urgency = urgency,
    .association = WB_ASSOCIATION_NGB,
    .assignee = "",
    .municipality = municipality,
    .search_text = f->folded,
    .created = created,
  };
}

static void
test_search_ignores_case_and_accents (void)
{
  g_autoptr(WbInboxFilter) filter = wb_inbox_filter_new ();
  Fixture f = { 0 };

  fixture_set (&f, "OT-2026-0042", WB_CASE_STATUS_NEW, WB_URGENCY_HIGH, "GM1900",
               "OT-2026-0042 Test Jansen-42 Súdwest-Fryslân dreigbrief", 0);

  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_query (filter, "fryslan"));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_query (filter, "FRYSLÂN jansen"));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_query (filter, "  sudwest   0042 "));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_query (filter, "fryslan groningen"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_false (wb_inbox_filter_set_query (filter, "fryslan groningen"));
  g_assert_true (wb_inbox_filter_set_query (filter, ""));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_free (f.folded);
}

static void
test_status_urgency_and_association (void)
{
  g_autoptr(WbInboxFilter) filter = wb_inbox_filter_new ();
  Fixture f = { 0 };

  fixture_set (&f, "OT-1", WB_CASE_STATUS_CLOSED, WB_URGENCY_ACUTE, "", "ot-1", 0);
  g_assert_true (wb_inbox_filter_set_status (filter, WB_INBOX_STATUS_OPEN));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  f.c.status = WB_CASE_STATUS_AFTERCARE;
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_status (filter, WB_CASE_STATUS_NEW));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_status (filter, WB_INBOX_STATUS_ANY));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));

  g_assert_true (wb_inbox_filter_set_urgency (filter, WB_URGENCY_HIGH));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_urgency (filter, WB_URGENCY_ACUTE));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));

  g_assert_true (wb_inbox_filter_set_association (filter, WB_ASSOCIATION_NVVR));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_association (filter, -1));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_free (f.folded);
}

static void
test_assignee_and_mine (void)
{
  g_autoptr(WbInboxFilter) filter = wb_inbox_filter_new ();
  Fixture f = { 0 };

  fixture_set (&f, "OT-1", WB_CASE_STATUS_NEW, WB_URGENCY_NORMAL, "", "", 0);
  g_assert_true (wb_inbox_filter_set_mine (filter, "aaaa"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  f.c.assignee = "aaaa";
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_assignee (filter, "bbbb"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_assignee (filter, NULL));
  g_assert_true (wb_inbox_filter_set_mine (filter, ""));
  f.c.assignee = "";
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_free (f.folded);
}

static void
test_province_safety_region_and_municipality (void)
{
  g_autoptr(WbInboxFilter) filter = wb_inbox_filter_new ();
  Fixture f = { 0 };

  /* GM1900 Súdwest-Fryslân: province Friesland (PV21), safety region Fryslân (VR02). */
  fixture_set (&f, "OT-1", WB_CASE_STATUS_NEW, WB_URGENCY_NORMAL, "GM1900", "", 0);
  g_assert_true (wb_inbox_filter_set_area (filter, "PV21"));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_area (filter, "VR02"));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_area (filter, "GM1900"));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_area (filter, "PV22"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_area (filter, "VR03"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_area (filter, "XX99"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  f.c.municipality = "";
  g_assert_true (wb_inbox_filter_set_area (filter, "PV21"));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_filter_set_area (filter, NULL));
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_free (f.folded);
}

static void
test_overdue_only (void)
{
  g_autoptr(WbInboxFilter) filter = wb_inbox_filter_new ();
  Fixture f = { 0 };
  gint64 now = 1000 * HOUR;

  fixture_set (&f, "OT-1", WB_CASE_STATUS_NEW, WB_URGENCY_NORMAL, "", "", 0);
  wb_inbox_filter_set_now (filter, now);
  g_assert_true (wb_inbox_filter_set_overdue_only (filter, TRUE));
  g_assert_false (wb_inbox_filter_set_overdue_only (filter, TRUE));
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  f.c.next_due = now + HOUR;
  g_assert_false (wb_inbox_filter_matches (filter, &f.c));
  f.c.next_due = now - HOUR;
  g_assert_true (wb_inbox_filter_matches (filter, &f.c));
  g_assert_true (wb_inbox_case_is_overdue (&f.c, now));
  g_free (f.folded);
}

static int
compare_default_cb (gconstpointer a,
                    gconstpointer b)
{
  return wb_inbox_compare_default (a, b);
}

static void
test_default_order_is_urgency_then_oldest_open (void)
{
  WbInboxCase cases[] = {
    { .reference = "OT-5", .urgency = WB_URGENCY_NORMAL, .status = WB_CASE_STATUS_NEW, .created = 1 },
    { .reference = "OT-4", .urgency = WB_URGENCY_HIGH, .status = WB_CASE_STATUS_NEW, .created = 9 },
    { .reference = "OT-3", .urgency = WB_URGENCY_ACUTE, .status = WB_CASE_STATUS_CLOSED, .created = 1 },
    { .reference = "OT-2", .urgency = WB_URGENCY_HIGH, .status = WB_CASE_STATUS_IN_PROGRESS, .created = 2 },
    { .reference = "OT-1", .urgency = WB_URGENCY_ACUTE, .status = WB_CASE_STATUS_NEW, .created = 5 },
  };
  const char *expected[] = { "OT-1", "OT-3", "OT-2", "OT-4", "OT-5" };

  qsort (cases, G_N_ELEMENTS (cases), sizeof cases[0], compare_default_cb);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cases[i].reference, ==, expected[i]);
}

static void
test_column_order (void)
{
  WbInboxCase a = { .reference = "OT-2026-9", .next_due = 0, .urgency = WB_URGENCY_ACUTE };
  WbInboxCase b = { .reference = "OT-2026-10", .next_due = 5, .urgency = WB_URGENCY_NORMAL };

  g_assert_cmpint (wb_inbox_compare_column (WB_INBOX_COLUMN_REFERENCE, &a, &b), <, 0);
  g_assert_cmpint (wb_inbox_compare_column (WB_INBOX_COLUMN_NEXT_DUE, &a, &b), >, 0);
  g_assert_cmpint (wb_inbox_compare_column (WB_INBOX_COLUMN_URGENCY, &a, &b), >, 0);
  g_assert_cmpint (wb_inbox_compare_text ("ot-0042", "OT-42"), ==, 0);
  g_assert_cmpint (wb_inbox_compare_text ("OT-2026-0042", "OT-2026-0100"), <, 0);
  g_assert_cmpint (wb_inbox_compare_text ("OT-2026", "OT-2026-1"), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/inbox-filter/search-ignores-case-and-accents",
                   test_search_ignores_case_and_accents);
  g_test_add_func ("/core/inbox-filter/status-urgency-and-association",
                   test_status_urgency_and_association);
  g_test_add_func ("/core/inbox-filter/assignee-and-mine", test_assignee_and_mine);
  g_test_add_func ("/core/inbox-filter/province-safety-region-and-municipality",
                   test_province_safety_region_and_municipality);
  g_test_add_func ("/core/inbox-filter/overdue-only", test_overdue_only);
  g_test_add_func ("/core/inbox-filter/default-order-is-urgency-then-oldest-open",
                   test_default_order_is_urgency_then_oldest_open);
  g_test_add_func ("/core/inbox-filter/column-order", test_column_order);

  return g_test_run ();
}
