/* test-validation.c: the shared field rules and the issue list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

static void
test_email_shape_is_checked (void)
{
  const char *good[] = {
    "anna@example.nl", "a.de-vries+ot@sub.gemeente.nl", "x_y@voorbeeld.frl",
    "info@jansen-advocaten.nl", "j@bücher.de",
  };
  const char *bad[] = {
    "", "anna", "anna@", "@example.nl", "anna@example", "anna@@example.nl",
    "an na@example.nl", "anna@exa mple.nl", "anna@example.n", "anna@example.123",
    ".anna@example.nl", "anna.@example.nl", "an..na@example.nl", "anna@-example.nl",
    "anna@example-.nl", "anna@example..nl", "anna@example.nl.", "anna\n@example.nl",
    "anna@exam\x01ple.nl", "anna(at)example.nl",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!wb_email_is_valid (good[i]))
      g_error ("“%s” should be accepted", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (wb_email_is_valid (bad[i]))
      g_error ("“%s” should be refused", bad[i]);
  g_assert_false (wb_email_is_valid (NULL));
}

static void
test_dutch_phone_numbers_are_checked (void)
{
  const char *good[] = {
    "0612345678", "06-12345678", "06 1234 5678", "020-1234567", "020 123 45 67",
    "+31612345678", "+31 6 12345678", "+31 20 123 4567", "+31-6-1234-5678",
  };
  const char *bad[] = {
    "", "061234567", "06123456789", "0031612345678", "+32612345678", "+310612345678",
    "+3161234567", "6123456789", "06/12345678", "06 1234 567a", "(020) 1234567",
    "0012345678", "+", "06\n12345678", "++31612345678", "06.12.34.56.78",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!wb_phone_is_valid (good[i]))
      g_error ("“%s” should be accepted", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (wb_phone_is_valid (bad[i]))
      g_error ("“%s” should be refused", bad[i]);
  g_assert_false (wb_phone_is_valid (NULL));
}

static void
test_phone_numbers_normalize_to_e164 (void)
{
  g_autofree char *mobile = wb_phone_normalize ("06-12345678");
  g_autofree char *landline = wb_phone_normalize ("+31 20 123 4567");
  g_autofree char *bad = wb_phone_normalize ("12345");

  g_assert_cmpstr (mobile, ==, "+31612345678");
  g_assert_cmpstr (landline, ==, "+31201234567");
  g_assert_null (bad);
}

static void
test_municipality_code_is_gm_and_four_digits (void)
{
  g_assert_true (wb_municipality_code_is_valid ("GM0363"));
  g_assert_true (wb_municipality_code_is_valid ("GM1980"));
  g_assert_false (wb_municipality_code_is_valid ("gm0363"));
  g_assert_false (wb_municipality_code_is_valid ("GM363"));
  g_assert_false (wb_municipality_code_is_valid ("GM03633"));
  g_assert_false (wb_municipality_code_is_valid ("0363"));
  g_assert_false (wb_municipality_code_is_valid ("GM 0363"));
  g_assert_false (wb_municipality_code_is_valid ("PV27"));
  g_assert_false (wb_municipality_code_is_valid (""));
  g_assert_false (wb_municipality_code_is_valid (NULL));
}

static void
test_area_codes_are_checked (void)
{
  g_assert_true (wb_area_code_is_valid ("NL"));
  g_assert_true (wb_area_code_is_valid ("PV27"));
  g_assert_true (wb_area_code_is_valid ("VR13"));
  g_assert_true (wb_area_code_is_valid ("GM0363"));
  g_assert_false (wb_area_code_is_valid ("nl"));
  g_assert_false (wb_area_code_is_valid ("PV7"));
  g_assert_false (wb_area_code_is_valid ("VR133"));
  g_assert_false (wb_area_code_is_valid ("GM36"));
  g_assert_false (wb_area_code_is_valid ("BE"));
  g_assert_false (wb_area_code_is_valid (""));
  g_assert_false (wb_area_code_is_valid (NULL));
}

static void
test_login_names_are_checked (void)
{
  g_assert_true (wb_login_name_is_valid ("m.bakker"));
  g_assert_true (wb_login_name_is_valid ("ab"));
  g_assert_true (wb_login_name_is_valid ("kp_noord-2"));
  g_assert_false (wb_login_name_is_valid ("a"));
  g_assert_false (wb_login_name_is_valid ("M.Bakker"));
  g_assert_false (wb_login_name_is_valid ("1bakker"));
  g_assert_false (wb_login_name_is_valid ("m bakker"));
  g_assert_false (wb_login_name_is_valid ("möller"));
  g_assert_false (wb_login_name_is_valid (NULL));
}

static void
test_record_ids_are_random_hex (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 1000; i++)
    {
      char *id = wb_record_id_new ();

      g_assert_cmpuint (strlen (id), ==, WB_RECORD_ID_LENGTH);
      for (const char *p = id; *p != '\0'; p++)
        g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
      g_assert_true (wb_record_id_is_valid (id));
      g_assert_true (g_hash_table_add (seen, id));
    }
}

static void
test_record_id_shape_is_checked (void)
{
  g_autofree char *long_id = g_strnfill (WB_RECORD_ID_MAX_LENGTH, 'a');
  g_autofree char *too_long = g_strnfill (WB_RECORD_ID_MAX_LENGTH + 1, 'a');

  g_assert_true (wb_record_id_is_valid ("abc-DEF_123"));
  g_assert_true (wb_record_id_is_valid (long_id));
  g_assert_false (wb_record_id_is_valid (too_long));
  g_assert_false (wb_record_id_is_valid (""));
  g_assert_false (wb_record_id_is_valid ("a b"));
  g_assert_false (wb_record_id_is_valid ("a/b"));
  g_assert_false (wb_record_id_is_valid (NULL));
}

static void
test_control_characters_are_refused (void)
{
  g_assert_true (wb_text_is_clean ("Gewoon tekst, met “aanhalingstekens” en é", FALSE));
  g_assert_true (wb_text_is_clean ("Regel één\nRegel twee\tmet tab\r\n", TRUE));
  g_assert_false (wb_text_is_clean ("Regel één\nRegel twee", FALSE));
  g_assert_false (wb_text_is_clean ("tab\there", FALSE));
  g_assert_false (wb_text_is_clean ("escape \x1b[31m", TRUE));
  g_assert_false (wb_text_is_clean ("bell \a", TRUE));
  /* U+0085, a C1 control character */
  g_assert_false (wb_text_is_clean ("next \xc2\x85 line", TRUE));
  g_assert_false (wb_text_is_clean ("bad \xff utf-8", TRUE));
  g_assert_true (wb_text_is_clean (NULL, FALSE));
}

static void
test_issues_are_found_by_field (void)
{
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  g_autoptr(WbValidationIssue) copy = NULL;
  const WbValidationIssue *found;

  g_ptr_array_add (issues, wb_validation_issue_new ("name", "Enter a name."));
  g_ptr_array_add (issues, wb_validation_issue_new ("email", "Bad e-mail."));

  found = wb_validation_issues_find (issues, "email");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->message, ==, "Bad e-mail.");
  g_assert_null (wb_validation_issues_find (issues, "phone"));

  copy = wb_validation_issue_copy (found);
  g_assert_cmpstr (copy->field, ==, "email");
  g_assert_true (copy->message != found->message);
  g_assert_true (G_TYPE_IS_BOXED (WB_TYPE_VALIDATION_ISSUE));
}

static void
test_issues_become_one_invalid_error (void)
{
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wb_validation_issues_to_error (issues, &error));
  g_assert_no_error (error);
  g_assert_true (wb_validation_issues_to_error (NULL, &error));

  g_ptr_array_add (issues, wb_validation_issue_new ("name", "Enter a name."));
  g_ptr_array_add (issues, wb_validation_issue_new ("email", "Bad e-mail."));
  g_assert_false (wb_validation_issues_to_error (issues, &error));
  g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter a name.\nBad e-mail.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/validation/email-shape-is-checked", test_email_shape_is_checked);
  g_test_add_func ("/core/validation/dutch-phone-numbers-are-checked",
                   test_dutch_phone_numbers_are_checked);
  g_test_add_func ("/core/validation/phone-numbers-normalize-to-e164",
                   test_phone_numbers_normalize_to_e164);
  g_test_add_func ("/core/validation/municipality-code-is-gm-and-four-digits",
                   test_municipality_code_is_gm_and_four_digits);
  g_test_add_func ("/core/validation/area-codes-are-checked", test_area_codes_are_checked);
  g_test_add_func ("/core/validation/login-names-are-checked", test_login_names_are_checked);
  g_test_add_func ("/core/validation/record-ids-are-random-hex", test_record_ids_are_random_hex);
  g_test_add_func ("/core/validation/record-id-shape-is-checked", test_record_id_shape_is_checked);
  g_test_add_func ("/core/validation/control-characters-are-refused",
                   test_control_characters_are_refused);
  g_test_add_func ("/core/validation/issues-are-found-by-field", test_issues_are_found_by_field);
  g_test_add_func ("/core/validation/issues-become-one-invalid-error",
                   test_issues_become_one_invalid_error);

  return g_test_run ();
}
