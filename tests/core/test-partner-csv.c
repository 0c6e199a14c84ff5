/* test-partner-csv.c: importing and exporting partners, bad rows and round trips.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

#define HEADER "name,organisation,kind,areas,languages,availability,phone,email,notes,active," \
               "last_verified\n"
#define GOOD_ROW "Mr. J. Jansen,Jansen Advocaten,legal,GM0363;VR13,nl;en,Ma–vr 9–17," \
                 "+31 20 123 4567,info@jansen-advocaten.nl,\"Zegt: \"\"bel eerst\"\",\nook 's avonds\"," \
                 "ja,2025-03-31\n"
#define GOOD_ROW_2 "Bureau Veilig,,security-expert,PV21,,,+31 58 123 4567,,,nee,\n"

typedef struct
{
  gboolean   ok;
  GPtrArray *partners;
  GPtrArray *row_errors;
  GError    *error;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->partners, g_ptr_array_unref);
  g_clear_pointer (&result->row_errors, g_ptr_array_unref);
  g_clear_error (&result->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
parse (const char *data,
       gsize       len,
       gboolean    skip_invalid,
       Result     *result)
{
  result->ok = wb_partner_csv_parse (data, len, skip_invalid, &result->partners,
                                     &result->row_errors, &result->error);
  g_assert_nonnull (result->partners);
  g_assert_nonnull (result->row_errors);
  g_assert_true (result->ok == (result->error == NULL));
}

static gboolean
has_row_error (GPtrArray  *row_errors,
               guint       line,
               const char *column)
{
  for (guint i = 0; i < row_errors->len; i++)
    {
      WbCsvRowError *row_error = g_ptr_array_index (row_errors, i);

      if (row_error->line == line && g_strcmp0 (row_error->column, column) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_reads_documented_columns (void)
{
  const char *data = HEADER GOOD_ROW GOOD_ROW_2;
  g_auto(Result) result = { 0 };
  WbPartner *jansen;
  WbPartner *bureau;
  const char *areas[] = { "GM0363", "VR13", NULL };
  const char *languages[] = { "nl", "en", NULL };
  g_autoptr(GDateTime) verified = NULL;

  parse (data, strlen (data), FALSE, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.partners->len, ==, 2);
  g_assert_cmpuint (result.row_errors->len, ==, 0);

  jansen = g_ptr_array_index (result.partners, 0);
  g_assert_cmpstr (wb_partner_get_name (jansen), ==, "Mr. J. Jansen");
  g_assert_cmpstr (wb_partner_get_organisation (jansen), ==, "Jansen Advocaten");
  g_assert_cmpint (wb_partner_get_kind (jansen), ==, WB_PARTNER_KIND_LEGAL);
  g_assert_true (g_strv_equal (wb_partner_get_areas (jansen), areas));
  g_assert_true (g_strv_equal (wb_partner_get_languages (jansen), languages));
  g_assert_cmpstr (wb_partner_get_availability (jansen), ==, "Ma–vr 9–17");
  g_assert_cmpstr (wb_partner_get_notes (jansen), ==, "Zegt: \"bel eerst\",\nook 's avonds");
  g_assert_true (wb_partner_get_active (jansen));
  verified = g_date_time_to_timezone (wb_partner_get_verified_at (jansen), wb_due_get_time_zone ());
  g_assert_cmpint (g_date_time_get_year (verified), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (verified), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (verified), ==, 31);

  bureau = g_ptr_array_index (result.partners, 1);
  g_assert_cmpstr (wb_partner_get_organisation (bureau), ==, NULL);
  g_assert_cmpint (wb_partner_get_kind (bureau), ==, WB_PARTNER_KIND_SECURITY_EXPERT);
  g_assert_false (wb_partner_get_active (bureau));
  g_assert_null (wb_partner_get_verified_at (bureau));
  g_assert_cmpstr (wb_partner_get_id (jansen), !=, wb_partner_get_id (bureau));
}

static void
test_accepts_bom_crlf_any_column_order_and_case (void)
{
  const char *data = "\xEF\xBB\xBF" "Kind , AREAS,Name,Email,Active\r\n"
                     "Aftercare, gm1900 ; pv21 ,Stichting Nazorg,nazorg@example.nl,TRUE\r\n";
  g_auto(Result) result = { 0 };
  const char *areas[] = { "GM1900", "PV21", NULL };
  WbPartner *partner;

  parse (data, strlen (data), FALSE, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.partners->len, ==, 1);
  partner = g_ptr_array_index (result.partners, 0);
  g_assert_cmpstr (wb_partner_get_name (partner), ==, "Stichting Nazorg");
  g_assert_cmpint (wb_partner_get_kind (partner), ==, WB_PARTNER_KIND_AFTERCARE);
  g_assert_true (g_strv_equal (wb_partner_get_areas (partner), areas));
}

typedef struct
{
  const char *name;
  const char *data;
  gsize       len;          /* 0: strlen */
  WbCsvError  code;
  const char *prefix;       /* of the error message, or NULL */
  guint       row_line;     /* for INVALID_ROWS: a row error on this line ... */
  const char *row_column;   /* ... in this column (NULL: none) */
} BadCase;

static void
test_bad_input_imports_nothing_and_names_the_line (void)
{
  const BadCase cases[] = {
    { "empty file", "", 0, WB_CSV_ERROR_EMPTY, "Line 1:", 0, NULL },
    { "only a BOM", "\xEF\xBB\xBF", 0, WB_CSV_ERROR_EMPTY, "Line 1:", 0, NULL },
    { "unterminated quote", HEADER GOOD_ROW "\"Open,legal,NL,,,,x@example.nl,,ja,\n", 0,
      WB_CSV_ERROR_QUOTE, "Line 4:", 0, NULL },
    { "quote inside a field", HEADER GOOD_ROW "Jan \"J\" Jansen,,legal,NL,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_QUOTE, "Line 4:", 0, NULL },
    { "garbage after a quote", HEADER "\"Jan\"x,,legal,NL,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_QUOTE, "Line 2:", 0, NULL },
    { "invalid UTF-8", HEADER GOOD_ROW "Jan\xC0,,legal,NL,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_ENCODING, "Line 4:", 0, NULL },
    { "Latin-1 file", HEADER "Fryslân\xE2,,legal,NL,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_ENCODING, "Line 2:", 0, NULL },
    { "unknown column", "name,kind,areas,phonenumber\n", 0, WB_CSV_ERROR_HEADER, "Line 1:", 0,
      NULL },
    { "missing column", "name,kind,email\n", 0, WB_CSV_ERROR_HEADER, "Line 1:", 0, NULL },
    { "repeated column", "name,kind,areas,name\n", 0, WB_CSV_ERROR_HEADER, "Line 1:", 0, NULL },
    { "too few fields", HEADER GOOD_ROW "Jan,,legal\n", 0, WB_CSV_ERROR_INVALID_ROWS, NULL, 4,
      NULL },
    { "too many fields", HEADER "Jan,,legal,NL,,,,x@example.nl,,,,extra\n" GOOD_ROW, 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, NULL },
    { "unknown kind", HEADER GOOD_ROW "Jan,,lawyer,NL,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 4, "kind" },
    { "unknown municipality", HEADER GOOD_ROW "Jan,,legal,GM9999,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 4, "areas" },
    { "unknown safety region", HEADER "Jan,,legal,VR26,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "areas" },
    { "malformed area", HEADER "Jan,,legal,Amsterdam,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "areas" },
    { "no areas", HEADER "Jan,,legal,;,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "areas" },
    { "no name", HEADER ",,legal,NL,,,,x@example.nl,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "name" },
    { "no phone or email", HEADER "Jan,,legal,NL,,,,,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "phone" },
    { "bad email", HEADER "Jan,,legal,NL,,,,not-an-address,,,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "email" },
    { "bad active", HEADER "Jan,,legal,NL,,,,x@example.nl,,misschien,\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "active" },
    { "bad date", HEADER "Jan,,legal,NL,,,,x@example.nl,,ja,31-03-2025\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "last_verified" },
    { "impossible date", HEADER "Jan,,legal,NL,,,,x@example.nl,,ja,2025-02-30\n", 0,
      WB_CSV_ERROR_INVALID_ROWS, NULL, 2, "last_verified" },
    { "bad row after a multi-line note", HEADER GOOD_ROW GOOD_ROW_2
      "Jan,,legal,GM0000,,,,x@example.nl,,,\n", 0, WB_CSV_ERROR_INVALID_ROWS, NULL, 5, "areas" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadCase *c = &cases[i];
      g_auto(Result) result = { 0 };

      g_test_message ("%s", c->name);
      parse (c->data, c->len != 0 ? c->len : strlen (c->data), FALSE, &result);
      g_assert_false (result.ok);
      g_assert_error (result.error, WB_CSV_ERROR, (int) c->code);
      g_assert_cmpuint (result.partners->len, ==, 0);
      if (c->prefix != NULL)
        g_assert_true (g_str_has_prefix (result.error->message, c->prefix));
      if (c->row_line != 0)
        {
          if (!has_row_error (result.row_errors, c->row_line, c->row_column))
            g_error ("%s: no row error on line %u, column %s", c->name, c->row_line,
                     c->row_column);
          /* The good rows are not blamed. */
          for (guint j = 0; j < result.row_errors->len; j++)
            g_assert_cmpuint (((WbCsvRowError *) g_ptr_array_index (result.row_errors, j))->line,
                              ==, c->row_line);
        }
    }
}

static void
test_ten_megabyte_line_fails_fast (void)
{
  g_autoptr(GString) data = g_string_new (HEADER GOOD_ROW "Jan,,legal,NL,,,,x@example.nl,\"");
  g_auto(Result) result = { 0 };
  gint64 start = g_get_monotonic_time ();

  while (data->len < 10 * 1024 * 1024)
    g_string_append (data, "notes notes notes notes notes notes notes notes ");
  g_string_append (data, "\",ja,\n");

  parse (data->str, data->len, TRUE, &result);
  g_assert_error (result.error, WB_CSV_ERROR, WB_CSV_ERROR_TOO_LONG);
  g_assert_true (g_str_has_prefix (result.error->message, "Line 4:"));
  g_assert_cmpuint (result.partners->len, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_every_bad_row_is_reported (void)
{
  const char *data = HEADER
                     "A,,lawyer,NL,,,,a@example.nl,,,\n"        /* 2: kind */
                     GOOD_ROW                                   /* 3, 4 */
                     "B,,legal,GM9999,,,,b@example.nl,,,\n"     /* 5: areas */
                     "C,,legal\n"                               /* 6: fields */
                     GOOD_ROW_2                                 /* 7 */
                     ",,legal,NL,,,,,,,\n";                     /* 8: name and phone */
  g_auto(Result) strict = { 0 };
  g_auto(Result) lenient = { 0 };

  parse (data, strlen (data), FALSE, &strict);
  g_assert_error (strict.error, WB_CSV_ERROR, WB_CSV_ERROR_INVALID_ROWS);
  g_assert_nonnull (strstr (strict.error->message, "4 rows"));
  g_assert_cmpuint (strict.partners->len, ==, 0);
  g_assert_true (has_row_error (strict.row_errors, 2, "kind"));
  g_assert_true (has_row_error (strict.row_errors, 5, "areas"));
  g_assert_true (has_row_error (strict.row_errors, 6, NULL));
  g_assert_true (has_row_error (strict.row_errors, 8, "name"));
  g_assert_true (has_row_error (strict.row_errors, 8, "phone"));
  g_assert_cmpuint (strict.row_errors->len, ==, 5);

  parse (data, strlen (data), TRUE, &lenient);
  g_assert_no_error (lenient.error);
  g_assert_cmpuint (lenient.partners->len, ==, 2);
  g_assert_cmpstr (wb_partner_get_name (g_ptr_array_index (lenient.partners, 0)), ==,
                   "Mr. J. Jansen");
  g_assert_cmpstr (wb_partner_get_name (g_ptr_array_index (lenient.partners, 1)), ==,
                   "Bureau Veilig");
  g_assert_cmpuint (lenient.row_errors->len, ==, 5);

  for (guint i = 0; i < lenient.row_errors->len; i++)
    {
      g_autofree char *text = wb_csv_row_error_to_string (g_ptr_array_index (lenient.row_errors, i));
      g_assert_true (g_str_has_prefix (text, "Line "));
    }
}

static void
test_header_only_gives_no_partners (void)
{
  g_auto(Result) result = { 0 };

  parse (HEADER, strlen (HEADER), FALSE, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.partners->len, ==, 0);
}

static WbPartner *
tricky_partner (void)
{
  const char *areas[] = { "GM1900", "VR02", "NL", NULL };
  const char *languages[] = { "nl", "fy", NULL };
  g_autoptr(GDateTime) verified = g_date_time_new (wb_due_get_time_zone (), 2025, 10, 26,
                                                   0, 0, 0);
  WbPartner *partner = wb_partner_new ();

  wb_partner_set_name (partner, "Dr. Test “Sjoerd” de Vries-4, MSc");
  wb_partner_set_organisation (partner, "Praktijk \"De Terp\", Snits");
  wb_partner_set_kind (partner, WB_PARTNER_KIND_PEER_MAYOR);
  wb_partner_set_areas (partner, areas);
  wb_partner_set_languages (partner, languages);
  wb_partner_set_availability (partner, "Wo, do; na 19:00");
  wb_partner_set_phone (partner, "+31 515 123 456");
  wb_partner_set_email (partner, "sjoerd@súdwest-fryslân.example");
  wb_partner_set_notes (partner, "  Regel één, met \"quotes\"\r\nRegel twee\n\nDrie,,,");
  wb_partner_set_active (partner, FALSE);
  wb_partner_set_verified_at (partner, verified);

  return partner;
}

static void
assert_same_partner (WbPartner *a,
                     WbPartner *b)
{
  g_assert_cmpstr (wb_partner_get_name (a), ==, wb_partner_get_name (b));
  g_assert_cmpstr (wb_partner_get_organisation (a), ==, wb_partner_get_organisation (b));
  g_assert_cmpint (wb_partner_get_kind (a), ==, wb_partner_get_kind (b));
  g_assert_true (g_strv_equal (wb_partner_get_areas (a), wb_partner_get_areas (b)));
  g_assert_true ((wb_partner_get_languages (a) == NULL) == (wb_partner_get_languages (b) == NULL));
  if (wb_partner_get_languages (a) != NULL)
    g_assert_true (g_strv_equal (wb_partner_get_languages (a), wb_partner_get_languages (b)));
  g_assert_cmpstr (wb_partner_get_availability (a), ==, wb_partner_get_availability (b));
  g_assert_cmpstr (wb_partner_get_phone (a), ==, wb_partner_get_phone (b));
  g_assert_cmpstr (wb_partner_get_email (a), ==, wb_partner_get_email (b));
  g_assert_cmpstr (wb_partner_get_notes (a), ==, wb_partner_get_notes (b));
  g_assert_cmpint (wb_partner_get_active (a), ==, wb_partner_get_active (b));
  g_assert_true ((wb_partner_get_verified_at (a) == NULL)
                 == (wb_partner_get_verified_at (b) == NULL));
  /* The file holds the date only, as on the Amsterdam calendar. */
  if (wb_partner_get_verified_at (a) != NULL)
    {
      g_autoptr(GDateTime) da = g_date_time_to_timezone (wb_partner_get_verified_at (a),
                                                         wb_due_get_time_zone ());
      g_autofree char *sa = g_date_time_format (da, "%F");
      g_autofree char *sb = g_date_time_format (wb_partner_get_verified_at (b), "%F");

      g_assert_cmpstr (sa, ==, sb);
    }
}

static void
test_write_then_parse_round_trips (void)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_auto(Result) result = { 0 };
  g_autoptr(WbPartner) minimal = wb_partner_new ();
  const char *nl[] = { "NL", NULL };
  const char *data;
  gsize len;

  wb_partner_set_name (minimal, "Landelijk Meldpunt");
  wb_partner_set_kind (minimal, WB_PARTNER_KIND_POLICE);
  wb_partner_set_areas (minimal, nl);
  wb_partner_set_phone (minimal, "070 123 4567");

  g_ptr_array_add (partners, tricky_partner ());
  g_ptr_array_add (partners, wb_test_valid_partner ());
  g_ptr_array_add (partners, g_object_ref (minimal));
  for (guint i = 0; i < partners->len; i++)
    {
      g_autoptr(GError) error = NULL;

      wb_partner_check (g_ptr_array_index (partners, i), &error);
      g_assert_no_error (error);
    }

  bytes = wb_partner_csv_write (partners);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_str_has_prefix (data, "name,organisation,kind,areas,languages,availability,"
                                         "phone,email,notes,active,last_verified\r\n"));
  g_assert_nonnull (g_strstr_len (data, len, "\"Praktijk \"\"De Terp\"\", Snits\""));
  g_assert_nonnull (g_strstr_len (data, len, ",peer-mayor,GM1900;VR02;NL,nl;fy,"));
  g_assert_nonnull (g_strstr_len (data, len, ",nee,2025-10-26\r\n"));

  parse (data, len, FALSE, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.partners->len, ==, partners->len);
  for (guint i = 0; i < partners->len; i++)
    {
      assert_same_partner (g_ptr_array_index (partners, i), g_ptr_array_index (result.partners, i));
      g_assert_cmpstr (wb_partner_get_id (g_ptr_array_index (partners, i)), !=,
                       wb_partner_get_id (g_ptr_array_index (result.partners, i)));
    }

  /* Writing what was read gives the same file. */
  again = wb_partner_csv_write (result.partners);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* A value a spreadsheet would run as a formula is written as text, and read
 * back as it was. */
static void
test_formula_values_are_guarded (void)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WbPartner) partner = wb_partner_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Result) result = { 0 };
  const char *nl[] = { "NL", NULL };
  WbPartner *read;
  const char *data;
  gsize len;

  wb_partner_set_name (partner, "=HYPERLINK(\"http://example.invalid\",\"Test\")");
  wb_partner_set_organisation (partner, "@Test Organisatie");
  wb_partner_set_kind (partner, WB_PARTNER_KIND_LEGAL);
  wb_partner_set_areas (partner, nl);
  wb_partner_set_phone (partner, "+31 70 123 4567");
  wb_partner_set_availability (partner, "-ma tot vr");
  wb_partner_set_notes (partner, "'al een apostrof");
  g_ptr_array_add (partners, g_object_ref (partner));

  bytes = wb_partner_csv_write (partners);
  data = g_bytes_get_data (bytes, &len);
  g_assert_nonnull (g_strstr_len (data, len, "\r\n\"'=HYPERLINK("));
  g_assert_nonnull (g_strstr_len (data, len, ",'@Test Organisatie,"));
  g_assert_nonnull (g_strstr_len (data, len, ",'+31 70 123 4567,"));
  g_assert_nonnull (g_strstr_len (data, len, ",'-ma tot vr,"));

  parse (data, len, FALSE, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.partners->len, ==, 1);
  read = g_ptr_array_index (result.partners, 0);
  g_assert_cmpstr (wb_partner_get_name (read), ==, wb_partner_get_name (partner));
  g_assert_cmpstr (wb_partner_get_organisation (read), ==, "@Test Organisatie");
  g_assert_cmpstr (wb_partner_get_phone (read), ==, "+31 70 123 4567");
  g_assert_cmpstr (wb_partner_get_availability (read), ==, "-ma tot vr");
  /* An apostrophe before an ordinary character is the user's own. */
  g_assert_cmpstr (wb_partner_get_notes (read), ==, "'al een apostrof");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/partner-csv/reads-documented-columns", test_reads_documented_columns);
  g_test_add_func ("/core/partner-csv/accepts-bom-crlf-any-column-order-and-case",
                   test_accepts_bom_crlf_any_column_order_and_case);
  g_test_add_func ("/core/partner-csv/bad-input-imports-nothing-and-names-the-line",
                   test_bad_input_imports_nothing_and_names_the_line);
  g_test_add_func ("/core/partner-csv/ten-megabyte-line-fails-fast",
                   test_ten_megabyte_line_fails_fast);
  g_test_add_func ("/core/partner-csv/every-bad-row-is-reported", test_every_bad_row_is_reported);
  g_test_add_func ("/core/partner-csv/header-only-gives-no-partners",
                   test_header_only_gives_no_partners);
  g_test_add_func ("/core/partner-csv/write-then-parse-round-trips",
                   test_write_then_parse_round_trips);
  g_test_add_func ("/core/partner-csv/formula-values-are-guarded",
                   test_formula_values_are_guarded);

  return g_test_run ();
}
