/* test-passphrase.c: the passphrase rule and the strength estimate.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-test-util.h"

static void
assert_check (const char *passphrase,
              gboolean    accepted)
{
  g_autoptr(GError) error = NULL;

  if (accepted)
    {
      g_assert_true (wb_passphrase_check (passphrase, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (wb_passphrase_check (passphrase, &error));
      g_assert_error (error, WB_CORE_ERROR, WB_CORE_ERROR_WEAK_PASSPHRASE);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_at_least_twelve_characters (void)
{
  assert_check (NULL, FALSE);
  assert_check ("", FALSE);
  assert_check ("abcdefghijk", FALSE);
  assert_check ("abcdefghijkl", TRUE);
}

static void
test_length_is_counted_in_characters (void)
{
  const char *eleven = "ééééééééééé";
  const char *twelve = "éééééééééééé";
  g_autoptr(GError) error = NULL;

  /* 22 bytes, but 11 characters */
  g_assert_cmpuint (strlen (eleven), ==, 22);
  assert_check (eleven, FALSE);
  assert_check (twelve, TRUE);

  wb_passphrase_check (eleven, &error);
  g_assert_nonnull (strstr (error->message, "11"));
}

static void
test_invalid_utf8_and_overlong_are_refused (void)
{
  g_autofree char *huge = g_strnfill (WB_PASSPHRASE_MAX_CHARS + 1, 'x');
  g_autofree char *max = g_strnfill (WB_PASSPHRASE_MAX_CHARS, 'x');

  assert_check ("abcdefghijk\xff", FALSE);
  /* Twelve characters, the last cut off in the middle */
  assert_check ("ééééééééééé\xc3", FALSE);
  assert_check (huge, FALSE);
  assert_check (max, TRUE);
}

static guint
strength (const char *passphrase)
{
  g_autofree char *hint = NULL;
  guint score = wb_passphrase_strength (passphrase, &hint);

  g_assert_cmpuint (score, <=, WB_PASSPHRASE_STRENGTH_MAX);
  g_assert_nonnull (hint);
  g_assert_cmpstr (hint, !=, "");

  return score;
}

static void
test_strength_scores_from_zero_to_four (void)
{
  g_assert_cmpuint (strength (NULL), ==, 0);
  g_assert_cmpuint (strength (""), ==, 0);
  g_assert_cmpuint (strength ("kort"), <=, 1);
  g_assert_cmpuint (strength ("Kort!9x"), <=, 1);
  g_assert_cmpuint (strength ("lentebloesem"), ==, 1);
  g_assert_cmpuint (strength ("lente bloesem"), ==, 2);
  g_assert_cmpuint (strength ("Lentebloesem7"), ==, 3);
  g_assert_cmpuint (strength ("fiets paraplu tulp molen"), ==, 4);
  g_assert_cmpuint (strength ("Tr0ub4dor&3xQ!zP"), ==, 4);
  g_assert_cmpuint (wb_passphrase_strength ("Tr0ub4dor&3xQ!zP", NULL), ==, 4);
}

static void
test_common_passwords_score_zero (void)
{
  g_assert_cmpuint (strength ("password1234"), ==, 0);
  g_assert_cmpuint (strength ("Wachtwoord2026!"), ==, 0);
  g_assert_cmpuint (strength ("!!Welkom123456"), ==, 0);
  g_assert_cmpuint (strength ("123456789012"), ==, 0);
  g_assert_cmpuint (strength ("QWERTYUIOP1234"), ==, 0);
}

static void
test_repeats_and_sequences_lower_the_score (void)
{
  g_assert_cmpuint (strength ("aaaaaaaaaaaaaaaaaaaa"), ==, 0);
  g_assert_cmpuint (strength ("Zonnebloem!!!!!2"), <, strength ("Zonnebloem!?#&%2"));
  g_assert_cmpuint (strength ("Zonnebloem-abcdef"), <, strength ("Zonnebloem-kwvmrt"));
}

static void
test_hint_explains_the_weakness (void)
{
  g_autofree char *short_hint = NULL;
  g_autofree char *common_hint = NULL;
  g_autofree char *strong_hint = NULL;

  wb_passphrase_strength ("kort", &short_hint);
  wb_passphrase_strength ("wachtwoord2026", &common_hint);
  wb_passphrase_strength ("fiets paraplu tulp molen", &strong_hint);

  g_assert_nonnull (strstr (short_hint, "12"));
  g_assert_cmpstr (short_hint, !=, common_hint);
  g_assert_cmpstr (common_hint, !=, strong_hint);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/passphrase/needs-at-least-twelve-characters",
                   test_at_least_twelve_characters);
  g_test_add_func ("/core/passphrase/length-is-counted-in-characters-not-bytes",
                   test_length_is_counted_in_characters);
  g_test_add_func ("/core/passphrase/invalid-utf8-and-overlong-are-refused",
                   test_invalid_utf8_and_overlong_are_refused);
  g_test_add_func ("/core/passphrase/strength-scores-from-zero-to-four",
                   test_strength_scores_from_zero_to_four);
  g_test_add_func ("/core/passphrase/common-passwords-score-zero",
                   test_common_passwords_score_zero);
  g_test_add_func ("/core/passphrase/repeats-and-sequences-lower-the-score",
                   test_repeats_and_sequences_lower_the_score);
  g_test_add_func ("/core/passphrase/hint-explains-the-weakness", test_hint_explains_the_weakness);

  return g_test_run ();
}
