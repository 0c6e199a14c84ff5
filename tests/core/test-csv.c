/* test-csv.c: the strict CSV reader and writer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

/* Reads all of @data; returns the records as one string “a|b;c|d;” or NULL
 * with @error set at the first error. */
static char *
read_all (const char  *data,
          gsize        len,
          GError     **error)
{
  g_autoptr(WbCsvReader) reader = wb_csv_reader_new (data, len, error);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;
  g_autofree char *header = NULL;

  if (reader == NULL)
    return NULL;

  header = g_strjoinv ("|", (char **) wb_csv_reader_get_header (reader));
  g_string_append (out, header);
  g_string_append_c (out, ';');
  while (wb_csv_reader_next (reader, &fields, NULL, error))
    {
      g_autofree char *joined = g_strjoinv ("|", (char **) fields);
      g_string_append (out, joined);
      g_string_append_c (out, ';');
    }

  if (error != NULL && *error != NULL)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_reads_quotes_crlf_bom_and_newlines (void)
{
  const struct
  {
    const char *data;
    const char *records;
  } cases[] = {
    { "a,b\nc,d\n", "a|b;c|d;" },
    { "a,b\r\nc,d\r\n", "a|b;c|d;" },
    { "a,b\r\nc,d", "a|b;c|d;" },
    { "\xEF\xBB\xBF" "a,b\nc,d\n", "a|b;c|d;" },
    { "a,b\n\"c,1\",\"say \"\"hi\"\"\"\n", "a|b;c,1|say \"hi\";" },
    { "a,b\n\"line 1\nline 2\",x\n", "a|b;line 1\nline 2|x;" },
    { "a,b\n\"line 1\r\nline 2\",x\r\n", "a|b;line 1\r\nline 2|x;" },
    { "a,b\n,\n", "a|b;|;" },
    { "a,b\n\"\",\"\"\n", "a|b;|;" },
    { "a,b\n\nc,d\n\n\n", "a|b;c|d;" },
    { "a,b\nFryslân,Súdwest\n", "a|b;Fryslân|Súdwest;" },
    { "a\n", "a;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *records = read_all (cases[i].data, strlen (cases[i].data), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (records, ==, cases[i].records);
    }
}

static void
test_reports_line_of_record (void)
{
  const char *data = "a,b\n\"x\ny\",1\n\nz,2\n";
  g_autoptr(WbCsvReader) reader = wb_csv_reader_new (data, strlen (data), NULL);
  const char * const *fields;
  guint line = 0;

  g_assert_true (wb_csv_reader_next (reader, &fields, &line, NULL));
  g_assert_cmpuint (line, ==, 2);
  g_assert_true (wb_csv_reader_next (reader, &fields, &line, NULL));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (fields[0], ==, "z");
  g_assert_false (wb_csv_reader_next (reader, &fields, &line, NULL));
}

static void
test_malformed_input_names_the_line (void)
{
  const struct
  {
    const char *data;
    gsize       len;      /* 0: strlen */
    WbCsvError  code;
    const char *line;
  } cases[] = {
    { "", 0, WB_CSV_ERROR_EMPTY, "Line 1:" },
    { "\xEF\xBB\xBF", 0, WB_CSV_ERROR_EMPTY, "Line 1:" },
    { "\n\r\n", 0, WB_CSV_ERROR_EMPTY, "Line 1:" },
    { "a,b\nc,\"d\ne,f\n", 0, WB_CSV_ERROR_QUOTE, "Line 2:" },
    { "a,b\nc,d\"e\n", 0, WB_CSV_ERROR_QUOTE, "Line 2:" },
    { "a,b\nc,d\n\"e\"x,f\n", 0, WB_CSV_ERROR_QUOTE, "Line 3:" },
    { "a,b\nc,d\ne,f,g\n", 0, WB_CSV_ERROR_COLUMN_COUNT, "Line 3:" },
    { "a,b\nc\n", 0, WB_CSV_ERROR_COLUMN_COUNT, "Line 2:" },
    { "a,b\nc,d\ne\xff,f\n", 0, WB_CSV_ERROR_ENCODING, "Line 3:" },
    { "a,b\nc,d\n\xC3(,f\n", 0, WB_CSV_ERROR_ENCODING, "Line 3:" },
    { "a,b\nc,\0d\n", 9, WB_CSV_ERROR_ENCODING, "Line 2:" },
    { "a,b\nc\rd,e\n", 0, WB_CSV_ERROR_QUOTE, "Line 2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].len != 0 ? cases[i].len : strlen (cases[i].data);
      g_autofree char *records = read_all (cases[i].data, len, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (records);
      g_assert_error (error, WB_CSV_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
}

static void
test_column_count_error_lets_reading_go_on (void)
{
  const char *data = "a,b\n1\n2,3\n\"x\ny\n";
  g_autoptr(WbCsvReader) reader = wb_csv_reader_new (data, strlen (data), NULL);
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) fatal = NULL;
  g_autoptr(GError) again = NULL;
  const char * const *fields;

  g_assert_false (wb_csv_reader_next (reader, &fields, NULL, &first));
  g_assert_error (first, WB_CSV_ERROR, WB_CSV_ERROR_COLUMN_COUNT);
  g_assert_true (wb_csv_reader_next (reader, &fields, NULL, NULL));
  g_assert_cmpstr (fields[1], ==, "3");
  g_assert_false (wb_csv_reader_next (reader, &fields, NULL, &fatal));
  g_assert_error (fatal, WB_CSV_ERROR, WB_CSV_ERROR_QUOTE);
  /* A broken quote leaves no safe place to go on from. */
  g_assert_false (wb_csv_reader_next (reader, &fields, NULL, &again));
  g_assert_error (again, WB_CSV_ERROR, WB_CSV_ERROR_QUOTE);
}

static void
test_ten_megabyte_line_fails_fast (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) unquoted = g_string_new ("a,b\nx,");
  g_autoptr(GString) quoted = g_string_new ("a,b\nx,\"");
  g_autoptr(GString) many = g_string_new ("a,b\n");
  GString *inputs[] = { unquoted, quoted, many };
  gint64 start = g_get_monotonic_time ();

  for (gsize i = 0; i < size; i++)
    {
      g_string_append_c (unquoted, 'y');
      g_string_append_c (quoted, 'y');
    }
  g_string_append (unquoted, "\n");
  g_string_append (quoted, "\"\n");
  while (many->len < size)
    g_string_append (many, "y,");

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *records = read_all (inputs[i]->str, inputs[i]->len, &error);

      g_assert_null (records);
      g_assert_error (error, WB_CSV_ERROR, WB_CSV_ERROR_TOO_LONG);
      g_assert_true (g_str_has_prefix (error->message, "Line 2:"));
    }

  /* Generous for slow CI machines; a reader that hangs takes far longer. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_field_at_limit_is_accepted (void)
{
  g_autoptr(GString) data = g_string_new ("a\n");
  g_autofree char *records = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < WB_CSV_FIELD_MAX_BYTES; i++)
    g_string_append_c (data, 'y');
  g_string_append_c (data, '\n');

  records = read_all (data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (records), ==, WB_CSV_FIELD_MAX_BYTES + 3);
}

static void
test_writer_round_trips (void)
{
  const char *header[] = { "name", "notes", "empty" };
  const char *row[] = { "Jansen, J.", "Zei: \"kom\"\nRegel twee\r\nDrie", NULL };
  const char *plain[] = { "Súdwest-Fryslân", " spaces ", "'s-Gravenhage" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(WbCsvReader) reader = NULL;
  const char * const *fields;

  wb_csv_append_record (out, header, 3);
  wb_csv_append_record (out, row, 3);
  wb_csv_append_record (out, plain, 3);
  g_assert_true (g_str_has_suffix (out->str, "Súdwest-Fryslân, spaces ,'s-Gravenhage\r\n"));

  reader = wb_csv_reader_new (out->str, out->len, NULL);
  g_assert_nonnull (reader);
  g_assert_cmpuint (wb_csv_reader_get_n_columns (reader), ==, 3);
  g_assert_true (wb_csv_reader_next (reader, &fields, NULL, NULL));
  g_assert_cmpstr (fields[0], ==, row[0]);
  g_assert_cmpstr (fields[1], ==, row[1]);
  g_assert_cmpstr (fields[2], ==, "");
  g_assert_true (wb_csv_reader_next (reader, &fields, NULL, NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (fields[i], ==, plain[i]);
  g_assert_false (wb_csv_reader_next (reader, &fields, NULL, NULL));
}

static void
test_row_error_to_string_names_line_and_column (void)
{
  g_autoptr(WbCsvRowError) with_column = wb_csv_row_error_new (4, "email", "Bad.");
  g_autoptr(WbCsvRowError) without = wb_csv_row_error_new (7, NULL, "Bad.");
  g_autofree char *a = wb_csv_row_error_to_string (with_column);
  g_autofree char *b = wb_csv_row_error_to_string (without);

  g_assert_cmpstr (a, ==, "Line 4, column email: Bad.");
  g_assert_cmpstr (b, ==, "Line 7: Bad.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/reads-quotes-crlf-bom-and-newlines",
                   test_reads_quotes_crlf_bom_and_newlines);
  g_test_add_func ("/core/csv/reports-line-of-record", test_reports_line_of_record);
  g_test_add_func ("/core/csv/malformed-input-names-the-line",
                   test_malformed_input_names_the_line);
  g_test_add_func ("/core/csv/column-count-error-lets-reading-go-on",
                   test_column_count_error_lets_reading_go_on);
  g_test_add_func ("/core/csv/ten-megabyte-line-fails-fast", test_ten_megabyte_line_fails_fast);
  g_test_add_func ("/core/csv/field-at-limit-is-accepted", test_field_at_limit_is_accepted);
  g_test_add_func ("/core/csv/writer-round-trips", test_writer_round_trips);
  g_test_add_func ("/core/csv/row-error-to-string-names-line-and-column",
                   test_row_error_to_string_names_line_and_column);

  return g_test_run ();
}
