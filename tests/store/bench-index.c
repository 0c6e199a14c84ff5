/* bench-index.c: building the case index from many generated cases (reported, never asserted).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run: bench-index [number of cases], default 100000.
 */
#include "config.h"

#include <malloc.h>

#include "wb-case-index.h"
#include "wb-record-fields.h"
#include "wb-test-cases.h"
#include "wb-test-util.h"

static gboolean
count_cb (const WbRecordId *id,
          GBytes           *plaintext,
          const GError     *damage,
          gpointer          user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static const char *current_kind;

static gboolean
fields_cb (const WbRecordId *id,
           GBytes           *plaintext,
           const GError     *damage,
           gpointer          user_data)
{
  g_auto(WbRecordFields) f;

  if (plaintext && wb_record_fields_read (&f, current_kind, plaintext))
    (*(guint *) user_data)++;
  return TRUE;
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return mi.uordblks + mi.hblkhd;
}

int
main (int argc, char **argv)
{
  guint n_cases = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = wb_test_tmpdir ();
  g_autoptr(WbVault) vault = wb_test_new_vault (dir, "bench.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCaseIndex) index = NULL;
  gint64 start;
  gsize heap_before;
  guint n_records = 0;
  static const char * const kinds[] = {
    WB_KIND_CASE, WB_KIND_PERSON, WB_KIND_INCIDENT, WB_KIND_FOLLOWUP, WB_KIND_TIMELINE,
  };

  g_print ("1..1\n");
  start = g_get_monotonic_time ();
  g_assert_true (wb_vault_begin (vault, &error));
  for (guint n = 0; n < n_cases; n++)
    {
      g_autoptr(GPtrArray) records = wb_test_case_records (n, NULL);

      for (guint i = 0; i < records->len; i++)
        {
          WbStoreRecord *r = g_ptr_array_index (records, i);
          g_assert_true (wb_vault_put (vault, r->kind, &r->id, r->plaintext, &error));
        }
      n_records += records->len;
    }
  g_assert_true (wb_vault_commit (vault, &error));
  g_print ("# generated %u cases, %u records in %.1f s\n", n_cases, n_records,
           (g_get_monotonic_time () - start) / 1e6);

  /* What the index costs beyond opening the records. */
  start = g_get_monotonic_time ();
  n_records = 0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_true (wb_vault_foreach (vault, kinds[k], count_cb, &n_records, &error));
  g_print ("# opening all %u records alone: %.2f s\n", n_records,
           (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  n_records = 0;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      current_kind = kinds[k];
      g_assert_true (wb_vault_foreach (vault, kinds[k], fields_cb, &n_records, &error));
    }
  g_print ("# opening and reading the fields of %u records: %.2f s\n", n_records,
           (g_get_monotonic_time () - start) / 1e6);

  malloc_trim (0);
  heap_before = heap_in_use ();
  start = g_get_monotonic_time ();
  index = wb_case_index_build (vault, &error);
  g_assert_no_error (error);
  g_print ("# index of %u cases built in %.2f s, heap +%.1f MiB (%.0f bytes a case)\n",
           wb_case_index_get_n_rows (index), (g_get_monotonic_time () - start) / 1e6,
           (heap_in_use () - heap_before) / 1048576.0,
           (double) (heap_in_use () - heap_before) / MAX (n_cases, 1));
  g_print ("ok 1 /store/bench/index-build\n");

  g_clear_pointer (&index, wb_case_index_free);
  g_clear_pointer (&vault, wb_vault_free);
  wb_test_rm_rf (dir);
  return 0;
}
