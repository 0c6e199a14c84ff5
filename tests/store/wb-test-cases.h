/* wb-test-cases.h: fictional cases for the index tests and benchmark.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-store.h"

G_BEGIN_DECLS

/* Base of all generated times: 2025-01-01 00:00 UTC, in seconds. */
#define WB_TEST_BASE_TIME G_GINT64_CONSTANT (1735689600)

/* The records of fictional case number @n: the case ("WB-TEST-<n>"), a
 * reporter "Test Jansen-<n>" (mayor of Súdwest-Fryslân), a partner
 * "Test Visser-<n>", one incident, a done and an open follow-up, and a
 * timeline entry. Times are offsets of WB_TEST_BASE_TIME derived from @n
 * (see the .c file). Returns WbStoreRecord items; *out_case_id gets the
 * case id. */
GPtrArray *wb_test_case_records (guint   n,
                                 char  **out_case_id);
gint64     wb_test_case_time    (guint   n,
                                 guint   what);

enum
{
  WB_TEST_TIME_CREATED,
  WB_TEST_TIME_UPDATED,
  WB_TEST_TIME_DUE_DONE,
  WB_TEST_TIME_DUE_OPEN,
  WB_TEST_TIME_TIMELINE,
};

G_END_DECLS
