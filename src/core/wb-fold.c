/* wb-fold.c: folding text for accent- and case-insensitive search.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wb-fold.h"

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * wb_fold_for_search:
 * @s: (nullable): text, not necessarily valid UTF-8
 *
 * Folds @s so that equal words compare equal whatever their case and
 * accents: “Súdwest-Fryslân” and “SUDWEST-FRYSLAN” both become
 * “sudwest-fryslan”. Typographic apostrophes become ', so “’s-Gravenhage”
 * finds “'s-Gravenhage”. Compare folded strings with strcmp() or
 * wb_fold_matches(); do not show them.
 *
 * Returns: (transfer full): the folded text; empty for %NULL
 */
char *
wb_fold_for_search (const char *s)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *lower = NULL;
  GString *out;

  if (s == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (s, -1);
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  lower = g_utf8_casefold (decomposed, -1);

  out = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x00B4 || c == 0x0060)
        c = '\'';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * wb_fold_matches:
 * @folded_haystack: text folded by wb_fold_for_search()
 * @folded_needle: a query folded by wb_fold_for_search()
 *
 * Returns: whether @folded_needle occurs in @folded_haystack; an empty
 *   needle matches everything
 */
gboolean
wb_fold_matches (const char *folded_haystack,
                 const char *folded_needle)
{
  g_return_val_if_fail (folded_haystack != NULL, FALSE);
  g_return_val_if_fail (folded_needle != NULL, FALSE);

  return strstr (folded_haystack, folded_needle) != NULL;
}
