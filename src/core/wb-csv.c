/* wb-csv.c: a strict RFC 4180 CSV reader and writer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wb-csv.h"

/*
 * What the reader accepts: UTF-8 without NUL bytes, an optional byte order
 * mark, CRLF or LF line breaks (mixed is fine), fields separated by commas,
 * quoted fields with "" for a quote and line breaks inside. Lines that are
 * completely empty are skipped, so a trailing blank line does no harm.
 * Everything else is an error, because an import that guesses can put a
 * phone number in the e-mail column.
 */

G_DEFINE_QUARK (wb-csv-error-quark, wb_csv_error)

struct _WbCsvReader
{
  const char  *data;
  gsize        len;
  gsize        pos;
  guint        line;

  char       **header;
  guint        n_columns;

  GPtrArray   *fields;
  GString     *field;
  GError      *fatal;
};

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} State;

static void
set_line_error (GError     **error,
                WbCsvError   code,
                guint        line,
                const char  *reason)
{
  /* Translators: the first placeholder is a line number in an imported file,
   * the second a sentence about what is wrong on that line */
  g_set_error (error, WB_CSV_ERROR, code, _("Line %u: %s"), line, reason);
}

/* A line number for the byte at @offset. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (const char *p = data; (p = memchr (p, '\n', data + offset - p)) != NULL; p++)
    line++;

  return line;
}

static void
end_field (WbCsvReader *self)
{
  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
}

/* Reads one record into self->fields. Returns FALSE at the end without
 * setting @error, or on an error. */
static gboolean
read_record (WbCsvReader  *self,
             guint        *record_line,
             GError      **error)
{
  State state = STATE_FIELD_START;
  gsize record_start;
  guint quote_line = 0;

  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);

  /* Skip empty lines. */
  while (self->pos < self->len)
    {
      if (self->data[self->pos] == '\n')
        self->pos++;
      else if (self->data[self->pos] == '\r'
               && self->pos + 1 < self->len && self->data[self->pos + 1] == '\n')
        self->pos += 2;
      else
        break;
      self->line++;
    }

  if (self->pos >= self->len)
    return FALSE;

  record_start = self->pos;
  *record_line = self->line;

  while (self->pos < self->len)
    {
      char c = self->data[self->pos];
      gboolean line_break = FALSE;
      gsize break_len = 0;

      if (c == '\n')
        line_break = TRUE, break_len = 1;
      else if (c == '\r' && self->pos + 1 < self->len && self->data[self->pos + 1] == '\n')
        line_break = TRUE, break_len = 2;

      switch (state)
        {
        case STATE_FIELD_START:
        case STATE_UNQUOTED:
          if (c == '"' && state == STATE_FIELD_START)
            {
              state = STATE_QUOTED;
              quote_line = self->line;
            }
          else if (c == '"')
            {
              set_line_error (error, WB_CSV_ERROR_QUOTE, self->line,
                              _("a quote appears inside a field that does not start "
                                "with a quote."));
              return FALSE;
            }
          else if (c == ',')
            {
              end_field (self);
              state = STATE_FIELD_START;
            }
          else if (line_break)
            {
              end_field (self);
              self->pos += break_len;
              self->line++;
              return TRUE;
            }
          else if (c == '\r')
            {
              set_line_error (error, WB_CSV_ERROR_QUOTE, self->line,
                              _("a carriage return appears outside quotes without a "
                                "line feed."));
              return FALSE;
            }
          else
            {
              g_string_append_c (self->field, c);
              state = STATE_UNQUOTED;
            }
          break;

        case STATE_QUOTED:
          if (c == '"')
            state = STATE_QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (self->field, c);
            }
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (self->field, '"');
              state = STATE_QUOTED;
            }
          else if (c == ',')
            {
              end_field (self);
              state = STATE_FIELD_START;
            }
          else if (line_break)
            {
              end_field (self);
              self->pos += break_len;
              self->line++;
              return TRUE;
            }
          else
            {
              set_line_error (error, WB_CSV_ERROR_QUOTE, self->line,
                              _("there is text after the closing quote of a field."));
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      /* Checked per byte, so a huge line fails fast and costs no memory. */
      if (self->field->len > WB_CSV_FIELD_MAX_BYTES)
        {
          set_line_error (error, WB_CSV_ERROR_TOO_LONG, self->line,
                          _("a field is longer than 64 KiB."));
          return FALSE;
        }
      if (self->pos - record_start >= WB_CSV_RECORD_MAX_BYTES)
        {
          set_line_error (error, WB_CSV_ERROR_TOO_LONG, self->line,
                          _("the row is longer than 1 MiB."));
          return FALSE;
        }

      self->pos++;
    }

  if (state == STATE_QUOTED)
    {
      set_line_error (error, WB_CSV_ERROR_QUOTE, quote_line,
                      _("a quoted field that starts on this line has no closing quote."));
      return FALSE;
    }

  /* The last record need not end in a line break. */
  end_field (self);
  return TRUE;
}

/**
 * wb_csv_reader_new:
 * @data: (array length=len): CSV text; it must stay alive as long as the reader
 * @len: the length of @data in bytes
 * @error: return location for a #WB_CSV_ERROR
 *
 * Checks the encoding and reads the header line.
 *
 * Returns: (transfer full) (nullable): a reader positioned after the header
 */
WbCsvReader *
wb_csv_reader_new (const char  *data,
                   gsize        len,
                   GError     **error)
{
  g_autoptr(WbCsvReader) self = NULL;
  const char *invalid = NULL;
  guint line = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* g_utf8_validate_len() also refuses NUL bytes. */
  if (len > 0 && !g_utf8_validate_len (data, len, &invalid))
    {
      set_line_error (error, WB_CSV_ERROR_ENCODING, line_at (data, invalid - data),
                      _("the text is not valid UTF-8; save the file as UTF-8 and try "
                        "again."));
      return NULL;
    }

  self = g_new0 (WbCsvReader, 1);
  self->data = data;
  self->len = len;
  self->line = 1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);

  if (!read_record (self, &line, error))
    {
      if (error != NULL && *error == NULL)
        set_line_error (error, WB_CSV_ERROR_EMPTY, 1,
                        _("the file is empty; it needs a header line with the column "
                          "names."));
      return NULL;
    }

  self->n_columns = self->fields->len;
  g_ptr_array_add (self->fields, NULL);
  self->header = g_strdupv ((char **) self->fields->pdata);

  return g_steal_pointer (&self);
}

void
wb_csv_reader_free (WbCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_strfreev (reader->header);
  g_ptr_array_unref (reader->fields);
  g_string_free (reader->field, TRUE);
  g_clear_error (&reader->fatal);
  g_free (reader);
}

/**
 * wb_csv_reader_get_header:
 * @reader: a #WbCsvReader
 *
 * Returns: (transfer none): the column names, %NULL-terminated
 */
const char * const *
wb_csv_reader_get_header (WbCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return (const char * const *) reader->header;
}

guint
wb_csv_reader_get_n_columns (WbCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->n_columns;
}

/**
 * wb_csv_reader_next:
 * @reader: a #WbCsvReader
 * @fields: (out) (transfer none): the fields of the record, %NULL-terminated,
 *   valid until the next call
 * @line: (out) (optional): the line where the record starts
 * @error: return location for a #WB_CSV_ERROR
 *
 * Reads the next record. At the end it returns %FALSE without an error.
 * After %WB_CSV_ERROR_COLUMN_COUNT @fields and @line still describe the row
 * and the caller may read on; after any other error every further call
 * fails with the same error.
 *
 * Returns: whether a record was read
 */
gboolean
wb_csv_reader_next (WbCsvReader         *reader,
                    const char * const **fields,
                    guint               *line,
                    GError             **error)
{
  GError *local_error = NULL;
  guint record_line = 0;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;

  if (reader->fatal != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (reader->fatal);
      return FALSE;
    }

  if (!read_record (reader, &record_line, &local_error))
    {
      if (local_error != NULL)
        {
          reader->fatal = g_error_copy (local_error);
          g_propagate_error (error, local_error);
        }
      return FALSE;
    }

  if (line != NULL)
    *line = record_line;

  if (reader->fields->len != reader->n_columns)
    {
      g_autofree char *reason = wb_csv_describe_column_count (reader->fields->len,
                                                              reader->n_columns);

      set_line_error (error, WB_CSV_ERROR_COLUMN_COUNT, record_line, reason);
      g_ptr_array_add (reader->fields, NULL);
      *fields = (const char * const *) reader->fields->pdata;
      return FALSE;
    }

  g_ptr_array_add (reader->fields, NULL);
  *fields = (const char * const *) reader->fields->pdata;
  return TRUE;
}

/**
 * wb_csv_describe_column_count:
 * @n_fields: the number of fields in a row
 * @n_columns: the number of columns in the header
 *
 * Returns: (transfer full): a translated reason for a row with the wrong
 *   number of fields, without the line number
 */
char *
wb_csv_describe_column_count (guint n_fields,
                              guint n_columns)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the first number is the count of
                                        * fields in a row, the second that of the columns
                                        * in the header */
                                       "the row has %u field but the header has %u columns.",
                                       "the row has %u fields but the header has %u columns.",
                                       n_fields),
                          n_fields, n_columns);
}

static gboolean
needs_quotes (const char *field)
{
  return field[strcspn (field, ",\"\r\n")] != '\0';
}

/**
 * wb_csv_append_record:
 * @out: the string to append to
 * @fields: (array length=n_fields): the fields; %NULL is written as empty
 * @n_fields: the number of fields
 *
 * Appends one record ending in CRLF, quoting the fields that need it.
 */
void
wb_csv_append_record (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');

      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}

G_DEFINE_BOXED_TYPE (WbCsvRowError, wb_csv_row_error, wb_csv_row_error_copy,
                     wb_csv_row_error_free)

WbCsvRowError *
wb_csv_row_error_new (guint       line,
                      const char *column,
                      const char *message)
{
  WbCsvRowError *self = g_new0 (WbCsvRowError, 1);

  self->line = line;
  self->column = g_strdup (column);
  self->message = g_strdup (message);

  return self;
}

WbCsvRowError *
wb_csv_row_error_copy (const WbCsvRowError *row_error)
{
  g_return_val_if_fail (row_error != NULL, NULL);

  return wb_csv_row_error_new (row_error->line, row_error->column, row_error->message);
}

void
wb_csv_row_error_free (WbCsvRowError *row_error)
{
  if (row_error == NULL)
    return;

  g_free (row_error->column);
  g_free (row_error->message);
  g_free (row_error);
}

/**
 * wb_csv_row_error_to_string:
 * @row_error: a #WbCsvRowError
 *
 * Returns: (transfer full): a translated line such as
 *   “Line 4, column email: Enter a valid e-mail address.”
 */
char *
wb_csv_row_error_to_string (const WbCsvRowError *row_error)
{
  g_return_val_if_fail (row_error != NULL, NULL);

  if (row_error->column != NULL)
    /* Translators: a problem in an imported file: line number, column name
     * (as in the file, not translated) and a sentence */
    return g_strdup_printf (_("Line %u, column %s: %s"),
                            row_error->line, row_error->column, row_error->message);

  /* Translators: a problem in an imported file: line number and a sentence */
  return g_strdup_printf (_("Line %u: %s"), row_error->line, row_error->message);
}
