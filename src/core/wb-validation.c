/* wb-validation.c: per-field validation issues and the shared field rules.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-validation-private.h"

G_DEFINE_BOXED_TYPE (WbValidationIssue, wb_validation_issue,
                     wb_validation_issue_copy, wb_validation_issue_free)

WbValidationIssue *
wb_validation_issue_new (const char *field,
                         const char *message)
{
  WbValidationIssue *issue;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  issue = g_new0 (WbValidationIssue, 1);
  issue->field = g_intern_string (field);
  issue->message = g_strdup (message);

  return issue;
}

WbValidationIssue *
wb_validation_issue_copy (const WbValidationIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  return wb_validation_issue_new (issue->field, issue->message);
}

void
wb_validation_issue_free (WbValidationIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->message);
  g_free (issue);
}

/**
 * wb_validation_issues_new:
 *
 * Returns: (transfer full) (element-type WbValidationIssue): an empty array
 *   that frees its issues, for the `wb_*_validate()` functions to fill
 */
GPtrArray *
wb_validation_issues_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) wb_validation_issue_free);
}

/**
 * wb_validation_issues_find:
 * @issues: (element-type WbValidationIssue): issues
 * @field: a property name
 *
 * Returns: (nullable) (transfer none): the first issue about @field
 */
const WbValidationIssue *
wb_validation_issues_find (GPtrArray  *issues,
                           const char *field)
{
  g_return_val_if_fail (issues != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      const WbValidationIssue *issue = g_ptr_array_index (issues, i);

      if (g_strcmp0 (issue->field, field) == 0)
        return issue;
    }

  return NULL;
}

/**
 * wb_validation_issues_to_error:
 * @issues: (nullable) (element-type WbValidationIssue): issues
 * @error: return location for a %WB_CORE_ERROR_INVALID error
 *
 * Returns: %TRUE if there are no issues; otherwise %FALSE with an error whose
 *   message holds the issues' messages, one a line
 */
gboolean
wb_validation_issues_to_error (GPtrArray  *issues,
                               GError    **error)
{
  g_autoptr(GString) message = NULL;

  if (issues == NULL || issues->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < issues->len; i++)
    {
      const WbValidationIssue *issue = g_ptr_array_index (issues, i);

      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, issue->message);
    }

  g_set_error_literal (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID, message->str);

  return FALSE;
}

/* Field rules */

/**
 * wb_text_is_clean:
 * @text: (nullable): text
 * @multiline: whether line breaks and tabs are allowed
 *
 * Returns: whether @text is valid UTF-8 without control characters
 */
gboolean
wb_text_is_clean (const char *text,
                  gboolean    multiline)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\r' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_email_label_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || (guchar) c >= 0x80;
}

/**
 * wb_email_is_valid:
 * @email: (nullable): an e-mail address
 *
 * Checks the shape `local@domain.tld`: one `@`, no spaces, a domain of at
 * least two labels and a top-level domain of two or more letters. Whether
 * the address exists is not checked.
 *
 * Returns: whether @email looks like an e-mail address
 */
gboolean
wb_email_is_valid (const char *email)
{
  static const char local_specials[] = "!#$%&'*+/=?^_`{|}~.-";
  const char *at;
  const char *domain;
  const char *label;
  gsize local_len;
  guint n_labels = 0;

  if (email == NULL || !wb_text_is_clean (email, FALSE) || strlen (email) > 254)
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;

  local_len = at - email;
  if (local_len == 0 || local_len > 64 || email[0] == '.' || at[-1] == '.')
    return FALSE;
  for (const char *p = email; p < at; p++)
    {
      if (!g_ascii_isalnum (*p) && (guchar) *p < 0x80 && strchr (local_specials, *p) == NULL)
        return FALSE;
      if (p[0] == '.' && p[1] == '.')
        return FALSE;
    }

  domain = at + 1;
  label = domain;
  for (const char *p = domain; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          gsize len = p - label;

          if (len == 0 || len > 63 || label[0] == '-' || p[-1] == '-')
            return FALSE;
          n_labels++;

          if (*p == '\0')
            {
              gboolean has_letter = FALSE;

              /* The top-level domain: two or more characters, not all digits. */
              for (const char *q = label; q < p; q++)
                has_letter |= !g_ascii_isdigit (*q);
              if (len < 2 || !has_letter)
                return FALSE;
              break;
            }
          label = p + 1;
        }
      else if (!is_email_label_char (*p))
        return FALSE;
    }

  return n_labels >= 2;
}

/**
 * wb_phone_normalize:
 * @phone: (nullable): a phone number
 *
 * Accepts a Dutch number of ten digits starting with 0 (not 00), or +31 and
 * nine digits, with spaces and dashes anywhere between the digits.
 *
 * Returns: (transfer full) (nullable): the number as `+31` and nine digits,
 *   or %NULL if @phone is not a Dutch phone number
 */
char *
wb_phone_normalize (const char *phone)
{
  g_autoptr(GString) digits = NULL;
  gboolean international = FALSE;
  const char *p;

  if (phone == NULL)
    return NULL;

  p = phone;
  while (*p == ' ')
    p++;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }

  digits = g_string_new (NULL);
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        return NULL;
    }

  if (international)
    {
      if (digits->len != 11 || !g_str_has_prefix (digits->str, "31") || digits->str[2] == '0')
        return NULL;
      return g_strconcat ("+", digits->str, NULL);
    }

  if (digits->len != 10 || digits->str[0] != '0' || digits->str[1] == '0')
    return NULL;

  return g_strconcat ("+31", digits->str + 1, NULL);
}

/**
 * wb_phone_is_valid:
 * @phone: (nullable): a phone number
 *
 * Returns: whether @phone is a Dutch phone number, see wb_phone_normalize()
 */
gboolean
wb_phone_is_valid (const char *phone)
{
  g_autofree char *normal = wb_phone_normalize (phone);

  return normal != NULL;
}

static gboolean
is_code (const char *code,
         const char *prefix,
         guint       n_digits)
{
  gsize prefix_len = strlen (prefix);

  if (code == NULL || strncmp (code, prefix, prefix_len) != 0)
    return FALSE;
  for (guint i = 0; i < n_digits; i++)
    if (!g_ascii_isdigit (code[prefix_len + i]))
      return FALSE;

  return code[prefix_len + n_digits] == '\0';
}

/**
 * wb_municipality_code_is_valid:
 * @code: (nullable): a CBS municipality code
 *
 * Returns: whether @code is `GM` and four digits, like `GM0363`
 */
gboolean
wb_municipality_code_is_valid (const char *code)
{
  return is_code (code, "GM", 4);
}

/**
 * wb_area_code_is_valid:
 * @code: (nullable): an area code
 *
 * Returns: whether @code is `NL` (the whole country), a province `PV` and two
 *   digits, a safety region `VR` and two digits, or a municipality `GM` and
 *   four digits
 */
gboolean
wb_area_code_is_valid (const char *code)
{
  return g_strcmp0 (code, "NL") == 0
         || is_code (code, "PV", 2)
         || is_code (code, "VR", 2)
         || is_code (code, "GM", 4);
}

/**
 * wb_login_name_is_valid:
 * @name: (nullable): a login name
 *
 * Returns: whether @name is 2 to 64 characters: a lower-case ASCII letter,
 *   then lower-case letters, digits, dots, dashes or underscores
 */
gboolean
wb_login_name_is_valid (const char *name)
{
  gsize len;

  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;

  len = strlen (name);
  if (len < 2 || len > 64)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* Issue collection for the entities */

/* Always returns FALSE, so a rule can end with `ok = wb_issue_add (…)`. */
gboolean
wb_issue_add (GPtrArray  *issues,
              const char *field,
              const char *message)
{
  if (issues != NULL)
    g_ptr_array_add (issues, wb_validation_issue_new (field, message));

  return FALSE;
}

gboolean
wb_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

gboolean
wb_check_text (GPtrArray   *issues,
               const char  *field,
               const char  *text,
               guint        max_chars,
               WbTextRule   rule,
               const char  *missing_message)
{
  gboolean multiline = (rule & WB_TEXT_MULTILINE) != 0;
  glong n_chars;

  if (wb_is_blank (text))
    {
      if ((rule & WB_TEXT_REQUIRED) != 0)
        return wb_issue_add (issues, field, missing_message);
      if (text == NULL)
        return TRUE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    return wb_issue_add (issues, field, _("This text contains bytes that are not valid UTF-8."));

  if (!wb_text_is_clean (text, multiline))
    return wb_issue_add (issues, field,
                         multiline
                         ? _("Remove the control characters from this text.")
                         : _("Remove line breaks, tabs and other control characters."));

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > (glong) max_chars)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: the first %u is the limit,
                                               * the second the current length */
                                              "Shorten this to at most %u character; it has %u.",
                                              "Shorten this to at most %u characters; it has %u.",
                                              max_chars),
                                 max_chars, (guint) n_chars);
      return wb_issue_add (issues, field, message);
    }

  return TRUE;
}

gboolean
wb_check_record_id (GPtrArray  *issues,
                    const char *field,
                    const char *id,
                    const char *missing_message)
{
  if (id == NULL || *id == '\0')
    {
      if (missing_message != NULL)
        return wb_issue_add (issues, field, missing_message);
      return TRUE;
    }

  if (!wb_record_id_is_valid (id))
    return wb_issue_add (issues, field, _("This is not a valid record id."));

  return TRUE;
}

gboolean
wb_check_email (GPtrArray  *issues,
                const char *field,
                const char *email)
{
  if (wb_is_blank (email) || wb_email_is_valid (email))
    return TRUE;

  return wb_issue_add (issues, field, _("Enter an e-mail address like name@example.nl."));
}

gboolean
wb_check_phone (GPtrArray  *issues,
                const char *field,
                const char *phone)
{
  if (wb_is_blank (phone) || wb_phone_is_valid (phone))
    return TRUE;

  return wb_issue_add (issues, field,
                       _("Enter a Dutch phone number, like 06 12345678 or +31 6 12345678."));
}
