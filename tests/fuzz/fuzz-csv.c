/* fuzz-csv.c: the CSV reader (wb-csv.c) on arbitrary bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-csv.h"
#include "wb-fuzz.h"

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
  g_autoptr(GError) error = NULL;
  g_autoptr(WbCsvReader) reader = wb_csv_reader_new ((const char *) data, size, &error);
  const char * const *fields;
  guint line, n_columns;
  GString *out;

  if (reader == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  n_columns = wb_csv_reader_get_n_columns (reader);
  g_assert (g_strv_length ((char **) wb_csv_reader_get_header (reader)) == n_columns);

  /* What was read must be written back as CSV that reads the same. */
  out = g_string_new (NULL);
  wb_csv_append_record (out, wb_csv_reader_get_header (reader), n_columns);
  for (;;)
    {
      g_autoptr(GError) row_error = NULL;

      if (!wb_csv_reader_next (reader, &fields, &line, &row_error))
        {
          if (row_error == NULL)
            break;
          /* A broken row ends a quoted field at the end; others go on. */
          if (row_error->domain != WB_CSV_ERROR)
            g_error ("unexpected error domain");
          if (row_error->code != WB_CSV_ERROR_COLUMN_COUNT)
            break;
          continue;
        }
      g_assert (g_strv_length ((char **) fields) == n_columns);
      wb_csv_append_record (out, fields, n_columns);
    }
  g_string_free (out, TRUE);
  return 0;
}
