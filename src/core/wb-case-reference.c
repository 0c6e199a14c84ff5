/* wb-case-reference.c: case references of the form OT-2026-0042.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-case-reference.h"

static gboolean
parse_digits (const char *str,
              guint       n_digits,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (str[i] - '0');
    }

  *out = value;
  return TRUE;
}

/**
 * wb_case_reference_parse:
 * @reference: (nullable): a reference such as "OT-2026-0042"
 * @year: (out) (optional): the year, 2000 to 2999
 * @sequence: (out) (optional): the number within the year, 1 to 9999
 *
 * A reference is exactly `OT-`, four digits of the year, `-` and four digits
 * of the sequence number, which starts at 0001 each year.
 *
 * Returns: whether @reference is a valid case reference
 */
gboolean
wb_case_reference_parse (const char *reference,
                         guint      *year,
                         guint      *sequence)
{
  guint y, s;

  if (reference == NULL
      || !g_str_has_prefix (reference, "OT-")
      || !parse_digits (reference + 3, 4, &y)
      || reference[7] != '-'
      || !parse_digits (reference + 8, 4, &s)
      || reference[12] != '\0')
    return FALSE;

  if (y < WB_CASE_REFERENCE_MIN_YEAR || y > WB_CASE_REFERENCE_MAX_YEAR || s == 0)
    return FALSE;

  if (year != NULL)
    *year = y;
  if (sequence != NULL)
    *sequence = s;

  return TRUE;
}

gboolean
wb_case_reference_is_valid (const char *reference)
{
  return wb_case_reference_parse (reference, NULL, NULL);
}

/**
 * wb_case_reference_new:
 * @year: the year, 2000 to 2999
 * @sequence: the number within the year, 1 to 9999
 *
 * Returns: (transfer full): the reference, e.g. "OT-2026-0042"
 */
char *
wb_case_reference_new (guint year,
                       guint sequence)
{
  g_return_val_if_fail (year >= WB_CASE_REFERENCE_MIN_YEAR, NULL);
  g_return_val_if_fail (year <= WB_CASE_REFERENCE_MAX_YEAR, NULL);
  g_return_val_if_fail (sequence >= 1, NULL);
  g_return_val_if_fail (sequence <= WB_CASE_REFERENCE_MAX_SEQUENCE, NULL);

  return g_strdup_printf ("OT-%04u-%04u", year, sequence);
}

/**
 * wb_case_reference_next:
 * @existing: (nullable) (array zero-terminated=1): the references in use
 * @year: the year of the new reference
 *
 * Invalid references and those of other years in @existing are ignored.
 *
 * Returns: (transfer full) (nullable): the reference after the highest one
 *   of @year, or %NULL when the year has run out of numbers
 */
char *
wb_case_reference_next (const char * const *existing,
                        guint               year)
{
  guint highest = 0;

  g_return_val_if_fail (year >= WB_CASE_REFERENCE_MIN_YEAR, NULL);
  g_return_val_if_fail (year <= WB_CASE_REFERENCE_MAX_YEAR, NULL);

  for (guint i = 0; existing != NULL && existing[i] != NULL; i++)
    {
      guint y, s;

      if (wb_case_reference_parse (existing[i], &y, &s) && y == year)
        highest = MAX (highest, s);
    }

  if (highest >= WB_CASE_REFERENCE_MAX_SEQUENCE)
    return NULL;

  return wb_case_reference_new (year, highest + 1);
}
