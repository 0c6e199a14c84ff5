/* wb-passphrase.c: the rules for passphrases and a strength estimate.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-core-error.h"
#include "wb-passphrase.h"

/* A few passwords that attackers try first, lower case. A passphrase that is
 * one of these with digits or symbols around it is still weak. */
static const char * const common_passwords[] = {
  "password", "passw0rd", "wachtwoord", "welkom", "welkomwelkom", "geheim",
  "qwerty", "qwertyuiop", "azerty", "asdfghjkl", "letmein", "iloveyou",
  "admin", "administrator", "monkey", "dragon", "football", "voetbal",
  "sunshine", "princess", "starwars", "trustno1", "abc", "abcdef",
  "gemeente", "burgemeester", "wethouder", "raadslid", "weerbaar",
  "zomer", "winter", "lente", "herfst", "amsterdam", "rotterdam", "ajax",
  "feyenoord", "nederland", "holland",
  NULL
};

/**
 * wb_passphrase_check:
 * @passphrase: (nullable): a passphrase
 * @error: return location for a %WB_CORE_ERROR_WEAK_PASSPHRASE error
 *
 * The hard rule for a new passphrase: valid UTF-8 of at least
 * %WB_PASSPHRASE_MIN_CHARS characters, and at most %WB_PASSPHRASE_MAX_CHARS.
 *
 * Returns: whether @passphrase may be used
 */
gboolean
wb_passphrase_check (const char  *passphrase,
                     GError     **error)
{
  glong n_chars;

  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_WEAK_PASSPHRASE,
                           _("Enter a passphrase."));
      return FALSE;
    }

  if (!g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_WEAK_PASSPHRASE,
                           _("The passphrase contains bytes that are not valid UTF-8."));
      return FALSE;
    }

  n_chars = g_utf8_strlen (passphrase, -1);
  if (n_chars < WB_PASSPHRASE_MIN_CHARS)
    {
      g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_WEAK_PASSPHRASE,
                   /* Translators: the first %d is the minimum (12 or more), the second
                    * the number of characters the passphrase has */
                   _("Use at least %d characters; this passphrase has %d."),
                   WB_PASSPHRASE_MIN_CHARS, (int) n_chars);
      return FALSE;
    }

  if (n_chars > WB_PASSPHRASE_MAX_CHARS)
    {
      g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_WEAK_PASSPHRASE,
                   /* Translators: %d is the maximum number of characters */
                   _("Use at most %d characters."), WB_PASSPHRASE_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

/* The passphrase in lower case with digits, punctuation and spaces stripped
 * from both ends: "Wachtwoord2026!" becomes "wachtwoord". */
static gboolean
is_common (const char *passphrase)
{
  g_autofree char *lower = g_utf8_strdown (passphrase, -1);
  const char *start = lower;
  char *end = lower + strlen (lower);

  while (*start != '\0' && !g_ascii_isalpha (*start) && (guchar) *start < 0x80)
    start++;
  while (end > start && !g_ascii_isalpha (end[-1]) && (guchar) end[-1] < 0x80)
    end--;
  *end = '\0';

  /* Nothing but digits and symbols, like "123456789012". */
  if (*start == '\0')
    return TRUE;

  return g_strv_contains (common_passwords, start);
}

/* Longest run of one character, or of characters that each differ by one
 * from the previous ("abcdef", "987654"). */
static guint
longest_run (const char *passphrase)
{
  guint longest = 1;
  guint same = 1;
  guint up = 1;
  guint down = 1;
  gunichar prev = 0;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (p != passphrase)
        {
          same = c == prev ? same + 1 : 1;
          up = c == prev + 1 ? up + 1 : 1;
          down = c + 1 == prev ? down + 1 : 1;
          longest = MAX (longest, MAX (same, MAX (up, down)));
        }
      prev = c;
    }

  return longest;
}

static guint
count_distinct (const char *passphrase)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (p)));

  return g_hash_table_size (seen);
}

static guint
count_classes (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }

  return lower + upper + digit + other;
}

/**
 * wb_passphrase_strength:
 * @passphrase: (nullable): a passphrase
 * @hint: (out) (optional) (transfer full): a translated sentence that says
 *   how to make the passphrase stronger, or that it is strong
 *
 * A rough estimate for a strength meter, from 0 (useless) to
 * %WB_PASSPHRASE_STRENGTH_MAX (strong). Length counts most; mixed character
 * classes help; repeated or sequential characters and very common passwords
 * pull the score down. A passphrase below the minimum length scores at most 1.
 *
 * Returns: the score, 0 to 4
 */
guint
wb_passphrase_strength (const char  *passphrase,
                        char       **hint)
{
  const char *message;
  glong n_chars;
  guint classes;
  guint distinct;
  gboolean repetitive;
  int score = 0;

  if (passphrase == NULL || *passphrase == '\0' || !g_utf8_validate (passphrase, -1, NULL))
    {
      if (hint != NULL)
        *hint = g_strdup (_("Enter a passphrase."));
      return 0;
    }

  n_chars = g_utf8_strlen (passphrase, -1);
  classes = count_classes (passphrase);
  distinct = count_distinct (passphrase);
  repetitive = longest_run (passphrase) >= 4 || distinct * 3 < (guint) n_chars;

  if (n_chars >= WB_PASSPHRASE_MIN_CHARS)
    score += 1;
  if (n_chars >= 16)
    score += 1;
  if (n_chars >= 20)
    score += 1;
  if (classes >= 2)
    score += 1;
  if (classes >= 3)
    score += 1;
  if (repetitive)
    score -= 2;
  if (distinct <= 3)
    score = 0;

  if (n_chars < WB_PASSPHRASE_MIN_CHARS)
    {
      score = MIN (score, 1);
      if (hint != NULL)
        *hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %d is the minimum length */
                                              "Use at least %d character.",
                                              "Use at least %d characters.",
                                              WB_PASSPHRASE_MIN_CHARS),
                                 WB_PASSPHRASE_MIN_CHARS);
      return CLAMP (score, 0, WB_PASSPHRASE_STRENGTH_MAX);
    }

  if (is_common (passphrase))
    {
      score = 0;
      message = _("This is one of the most common passwords; choose something else.");
    }
  else if (repetitive)
    message = _("Avoid repeated characters and sequences such as “aaaa” or “1234”.");
  else if (score < WB_PASSPHRASE_STRENGTH_MAX && classes < 3)
    message = _("Make it longer, or mix capitals, digits and symbols.");
  else if (score < WB_PASSPHRASE_STRENGTH_MAX)
    message = _("Make it longer: add another word.");
  else
    message = _("This is a strong passphrase.");

  if (hint != NULL)
    *hint = g_strdup (message);

  return CLAMP (score, 0, WB_PASSPHRASE_STRENGTH_MAX);
}
