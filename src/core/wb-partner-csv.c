/* wb-partner-csv.c: importing and exporting the partner directory as CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wb-partner-csv.h"
#include "wb-csv.h"
#include "wb-due.h"
#include "wb-enums.h"
#include "wb-partner.h"
#include "wb-regions.h"
#include "wb-validation.h"

typedef enum
{
  COL_NAME,
  COL_ORGANISATION,
  COL_KIND,
  COL_AREAS,
  COL_LANGUAGES,
  COL_AVAILABILITY,
  COL_PHONE,
  COL_EMAIL,
  COL_NOTES,
  COL_ACTIVE,
  COL_LAST_VERIFIED,
  N_COLS
} Column;

/**
 * wb_partner_csv_columns:
 *
 * The column names in the order the writer uses, %NULL-terminated.
 */
const char * const wb_partner_csv_columns[] = {
  [COL_NAME] = "name",
  [COL_ORGANISATION] = "organisation",
  [COL_KIND] = "kind",
  [COL_AREAS] = "areas",
  [COL_LANGUAGES] = "languages",
  [COL_AVAILABILITY] = "availability",
  [COL_PHONE] = "phone",
  [COL_EMAIL] = "email",
  [COL_NOTES] = "notes",
  [COL_ACTIVE] = "active",
  [COL_LAST_VERIFIED] = "last_verified",
  [N_COLS] = NULL,
};

static const Column required_columns[] = { COL_NAME, COL_KIND, COL_AREAS };

/* Partner properties whose name differs from their column. */
static const struct
{
  const char *property;
  const char *column;
} property_columns[] = {
  { "verified-at", "last_verified" },
  { "id", NULL },
};

typedef struct
{
  int                  index[N_COLS];   /* column → field index, or -1 */
  const char * const  *fields;
  guint                line;
  GPtrArray           *row_errors;
  gboolean             row_ok;
} Row;

static void
row_error (Row        *row,
           Column      column,
           const char *message)
{
  g_ptr_array_add (row->row_errors,
                   wb_csv_row_error_new (row->line, wb_partner_csv_columns[column], message));
  row->row_ok = FALSE;
}

/* A spreadsheet runs a cell starting with one of these as a formula; the
 * writer puts an apostrophe before such a value (which spreadsheets show as
 * text) and the reader takes it off again, so "+31 6…" survives a round trip
 * and "=HYPERLINK(…)" in a partner's name never runs on a colleague's PC. */
#define FORMULA_STARTS "=+-@\t\r"

static char *
guard_formula (const char *value)
{
  if (value != NULL && value[0] != '\0' && strchr (FORMULA_STARTS, value[0]) != NULL)
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

/* Returns the trimmed value of @column, or NULL if it is absent or empty;
 * an apostrophe the writer put before a formula character is removed. */
static char *
get (Row    *row,
     Column  column)
{
  char *value;

  if (row->index[column] < 0)
    return NULL;

  value = g_strdup (row->fields[row->index[column]]);
  if (column != COL_NOTES)
    g_strstrip (value);
  if (value[0] == '\'' && value[1] != '\0' && strchr (FORMULA_STARTS, value[1]) != NULL)
    memmove (value, value + 1, strlen (value));
  if (*value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/* Splits a semicolon-separated list, trimming and dropping empty items. */
static GStrv
get_list (Row    *row,
          Column  column)
{
  g_autofree char *value = get (row, column);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (value == NULL)
    return NULL;

  parts = g_strsplit (value, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "ja", "j", "yes", "y", "true", "waar", "1" };
  static const char * const no[] = { "nee", "n", "no", "false", "onwaar", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *value = FALSE;
        return TRUE;
      }

  return FALSE;
}

/* Parses exactly YYYY-MM-DD into local midnight in Amsterdam. */
static GDateTime *
parse_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new (wb_due_get_time_zone (), year, month, day, 0, 0, 0);
}

static char *
kind_nicks (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (WB_TYPE_PARTNER_KIND);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
column_of_property (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_columns); i++)
    if (strcmp (property_columns[i].property, property) == 0)
      return property_columns[i].column;

  return property;
}

/* Builds a partner from @row; reports every problem as a row error. */
static WbPartner *
parse_row (Row *row)
{
  g_autoptr(WbPartner) partner = wb_partner_new ();
  g_autoptr(GPtrArray) issues = wb_validation_issues_new ();
  g_autofree char *name = get (row, COL_NAME);
  g_autofree char *organisation = get (row, COL_ORGANISATION);
  g_autofree char *kind = get (row, COL_KIND);
  g_autofree char *availability = get (row, COL_AVAILABILITY);
  g_autofree char *phone = get (row, COL_PHONE);
  g_autofree char *email = get (row, COL_EMAIL);
  g_autofree char *notes = get (row, COL_NOTES);
  g_autofree char *active = get (row, COL_ACTIVE);
  g_autofree char *last_verified = get (row, COL_LAST_VERIFIED);
  g_auto(GStrv) areas = get_list (row, COL_AREAS);
  g_auto(GStrv) languages = get_list (row, COL_LANGUAGES);

  row->row_ok = TRUE;

  wb_partner_set_name (partner, name);
  wb_partner_set_organisation (partner, organisation);
  wb_partner_set_availability (partner, availability);
  wb_partner_set_phone (partner, phone);
  wb_partner_set_email (partner, email);
  wb_partner_set_notes (partner, notes);
  wb_partner_set_languages (partner, (const char * const *) languages);

  if (kind == NULL)
    row_error (row, COL_KIND, _("Enter the kind of partner."));
  else
    {
      guint value;
      g_autofree char *lower = g_ascii_strdown (kind, -1);

      if (wb_enum_from_nick (WB_TYPE_PARTNER_KIND, lower, &value))
        wb_partner_set_kind (partner, value);
      else
        {
          g_autofree char *nicks = kind_nicks ();
          g_autofree char *message =
            /* Translators: the first %s is the value in the file, the second
             * a list of the values allowed, which stay in English */
            g_strdup_printf (_("Unknown kind “%s”; use one of: %s."), kind, nicks);

          row_error (row, COL_KIND, message);
        }
    }

  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      char *code = areas[i];

      for (char *p = code; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);

      /* A malformed code is reported by the partner's own validation. */
      if (wb_area_code_is_valid (code) && !wb_regions_check_area (code, &error))
        row_error (row, COL_AREAS, error->message);
    }
  wb_partner_set_areas (partner, (const char * const *) areas);

  if (active != NULL)
    {
      gboolean value;

      if (parse_bool (active, &value))
        wb_partner_set_active (partner, value);
      else
        /* Translators: keep ja and nee as they are, they are what the file must hold */
        row_error (row, COL_ACTIVE, _("Write ja or nee."));
    }

  if (last_verified != NULL)
    {
      g_autoptr(GDateTime) date = parse_date (last_verified);

      if (date != NULL)
        wb_partner_set_verified_at (partner, date);
      else
        /* Translators: keep YYYY-MM-DD, it is the format the file must use */
        row_error (row, COL_LAST_VERIFIED, _("Write the date as YYYY-MM-DD, e.g. 2025-03-31."));
    }

  if (!wb_partner_validate (partner, issues))
    for (guint i = 0; i < issues->len; i++)
      {
        WbValidationIssue *issue = g_ptr_array_index (issues, i);

        g_ptr_array_add (row->row_errors,
                         wb_csv_row_error_new (row->line, column_of_property (issue->field),
                                               issue->message));
        row->row_ok = FALSE;
      }

  return row->row_ok ? g_steal_pointer (&partner) : NULL;
}

static gboolean
map_header (WbCsvReader  *reader,
            Row          *row,
            GError      **error)
{
  const char * const *header = wb_csv_reader_get_header (reader);

  for (guint c = 0; c < N_COLS; c++)
    row->index[c] = -1;

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (header[i], -1);
      gboolean known = FALSE;

      g_strstrip (name);
      for (guint c = 0; c < N_COLS; c++)
        {
          if (strcmp (name, wb_partner_csv_columns[c]) != 0)
            continue;

          if (row->index[c] >= 0)
            {
              g_set_error (error, WB_CSV_ERROR, WB_CSV_ERROR_HEADER,
                           /* Translators: %s is a column name, which stays in English */
                           _("Line 1: the column “%s” appears twice."), name);
              return FALSE;
            }
          row->index[c] = i;
          known = TRUE;
        }

      if (!known)
        {
          g_autofree char *columns = g_strjoinv (", ", (char **) wb_partner_csv_columns);

          g_set_error (error, WB_CSV_ERROR, WB_CSV_ERROR_HEADER,
                       /* Translators: the first %s is a column name in the file, the
                        * second the list of known column names, which stay in English */
                       _("Line 1: unknown column “%s”; the columns are: %s."),
                       header[i], columns);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
    if (row->index[required_columns[i]] < 0)
      {
        g_set_error (error, WB_CSV_ERROR, WB_CSV_ERROR_HEADER,
                     /* Translators: %s is a column name, which stays in English */
                     _("Line 1: the column “%s” is missing."),
                     wb_partner_csv_columns[required_columns[i]]);
        return FALSE;
      }

  return TRUE;
}

/**
 * wb_partner_csv_parse:
 * @data: (array length=len): the file's contents
 * @len: the length of @data in bytes
 * @skip_invalid: whether to import the valid rows when some are invalid
 * @out_partners: (out) (transfer full) (element-type WbPartner): the
 *   partners read, with new ids; empty when %FALSE is returned
 * @out_row_errors: (out) (transfer full) (element-type WbCsvRowError): a
 *   problem per bad value, with its line and column, for every row
 * @error: return location for a #WB_CSV_ERROR
 *
 * Checks every row before anything is returned: without @skip_invalid one
 * bad row means no partners and %WB_CSV_ERROR_INVALID_ROWS; with it the
 * good rows are returned and the bad ones listed. A file that cannot be
 * read as CSV at all (encoding, quotes, length, header) always fails.
 *
 * Returns: whether partners may be imported
 */
gboolean
wb_partner_csv_parse (const char  *data,
                      gsize        len,
                      gboolean     skip_invalid,
                      GPtrArray  **out_partners,
                      GPtrArray  **out_row_errors,
                      GError     **error)
{
  g_autoptr(WbCsvReader) reader = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) row_errors =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wb_csv_row_error_free);
  GError *local_error = NULL;
  guint n_bad_rows = 0;
  Row row = { .row_errors = row_errors };

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (out_partners != NULL, FALSE);
  g_return_val_if_fail (out_row_errors != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_partners = g_ptr_array_new_with_free_func (g_object_unref);
  *out_row_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_csv_row_error_free);

  reader = wb_csv_reader_new (data, len, error);
  if (reader == NULL || !map_header (reader, &row, error))
    return FALSE;

  while (TRUE)
    {
      WbPartner *partner;

      if (!wb_csv_reader_next (reader, &row.fields, &row.line, &local_error))
        {
          if (local_error == NULL)
            break;

          if (!g_error_matches (local_error, WB_CSV_ERROR, WB_CSV_ERROR_COLUMN_COUNT))
            {
              g_ptr_array_extend_and_steal (*out_row_errors, g_steal_pointer (&row_errors));
              g_propagate_error (error, local_error);
              return FALSE;
            }

          {
            g_autofree char *reason =
              wb_csv_describe_column_count (g_strv_length ((char **) row.fields),
                                            wb_csv_reader_get_n_columns (reader));

            g_ptr_array_add (row_errors, wb_csv_row_error_new (row.line, NULL, reason));
          }
          g_clear_error (&local_error);
          n_bad_rows++;
          continue;
        }

      partner = parse_row (&row);
      if (partner != NULL)
        g_ptr_array_add (partners, partner);
      else
        n_bad_rows++;
    }

  g_ptr_array_extend_and_steal (*out_row_errors, g_steal_pointer (&row_errors));

  if (n_bad_rows > 0 && !skip_invalid)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: about importing a file of partners */
                                      "%u row has errors; nothing was imported.",
                                      "%u rows have errors; nothing was imported.",
                                      n_bad_rows),
                         n_bad_rows);

      g_set_error_literal (error, WB_CSV_ERROR, WB_CSV_ERROR_INVALID_ROWS, message);
      return FALSE;
    }

  g_ptr_array_extend_and_steal (*out_partners, g_steal_pointer (&partners));
  return TRUE;
}

static char *
join_or_empty (const char * const *items)
{
  return items != NULL ? g_strjoinv (";", (char **) items) : g_strdup ("");
}

/**
 * wb_partner_csv_write:
 * @partners: (element-type WbPartner): the partners to write
 *
 * Returns: (transfer full): a CSV file that wb_partner_csv_parse() reads
 *   back to the same partners (with new ids)
 */
GBytes *
wb_partner_csv_write (GPtrArray *partners)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GEnumClass) kinds = NULL;

  g_return_val_if_fail (partners != NULL, NULL);

  kinds = g_type_class_ref (WB_TYPE_PARTNER_KIND);
  wb_csv_append_record (out, wb_partner_csv_columns, N_COLS);

  for (guint i = 0; i < partners->len; i++)
    {
      WbPartner *partner = g_ptr_array_index (partners, i);
      g_autofree char *areas = join_or_empty (wb_partner_get_areas (partner));
      g_autofree char *languages = join_or_empty (wb_partner_get_languages (partner));
      g_autofree char *verified = NULL;
      g_autofree char *name = guard_formula (wb_partner_get_name (partner));
      g_autofree char *organisation = guard_formula (wb_partner_get_organisation (partner));
      g_autofree char *availability = guard_formula (wb_partner_get_availability (partner));
      g_autofree char *phone = guard_formula (wb_partner_get_phone (partner));
      g_autofree char *email = guard_formula (wb_partner_get_email (partner));
      g_autofree char *notes = guard_formula (wb_partner_get_notes (partner));
      const char *fields[N_COLS];
      GDateTime *verified_at = wb_partner_get_verified_at (partner);

      if (verified_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (verified_at,
                                                                wb_due_get_time_zone ());
          verified = g_date_time_format (local, "%Y-%m-%d");
        }

      fields[COL_NAME] = name;
      fields[COL_ORGANISATION] = organisation;
      fields[COL_KIND] = g_enum_get_value (kinds, wb_partner_get_kind (partner))->value_nick;
      fields[COL_AREAS] = areas;
      fields[COL_LANGUAGES] = languages;
      fields[COL_AVAILABILITY] = availability;
      fields[COL_PHONE] = phone;
      fields[COL_EMAIL] = email;
      fields[COL_NOTES] = notes;
      fields[COL_ACTIVE] = wb_partner_get_active (partner) ? "ja" : "nee";
      fields[COL_LAST_VERIFIED] = verified;

      wb_csv_append_record (out, fields, N_COLS);
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
