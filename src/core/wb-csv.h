/* wb-csv.h: a strict RFC 4180 CSV reader and writer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WB_CSV_ERROR (wb_csv_error_quark ())

/**
 * WbCsvError:
 * @WB_CSV_ERROR_EMPTY: the data has no header line
 * @WB_CSV_ERROR_ENCODING: the data is not valid UTF-8 or holds a NUL byte
 * @WB_CSV_ERROR_QUOTE: a quote is missing, misplaced or followed by garbage
 * @WB_CSV_ERROR_TOO_LONG: a field or record is longer than the limits
 * @WB_CSV_ERROR_COLUMN_COUNT: a record has more or fewer fields than the
 *   header; the only error after which the reader can go on
 * @WB_CSV_ERROR_HEADER: the header lacks, repeats or has unknown columns
 * @WB_CSV_ERROR_INVALID_ROWS: some rows hold invalid values, see the row errors
 *
 * Every message starts with the line number it is about.
 */
typedef enum
{
  WB_CSV_ERROR_EMPTY,
  WB_CSV_ERROR_ENCODING,
  WB_CSV_ERROR_QUOTE,
  WB_CSV_ERROR_TOO_LONG,
  WB_CSV_ERROR_COLUMN_COUNT,
  WB_CSV_ERROR_HEADER,
  WB_CSV_ERROR_INVALID_ROWS,
} WbCsvError;

/* Limits in bytes; past them the reader stops without reading further. */
#define WB_CSV_FIELD_MAX_BYTES  (64 * 1024)
#define WB_CSV_RECORD_MAX_BYTES (1024 * 1024)

GQuark wb_csv_error_quark (void);

/**
 * WbCsvRowError:
 * @line: the line (1-based) where the row starts
 * @column: (nullable): the column name the problem is in, if one
 * @message: a translated sentence, without the line number
 *
 * A problem with one row, for lists of import problems.
 */
typedef struct
{
  guint  line;
  char  *column;
  char  *message;
} WbCsvRowError;

#define WB_TYPE_CSV_ROW_ERROR (wb_csv_row_error_get_type ())

GType          wb_csv_row_error_get_type  (void) G_GNUC_CONST;
WbCsvRowError *wb_csv_row_error_new       (guint                line,
                                           const char          *column,
                                           const char          *message);
WbCsvRowError *wb_csv_row_error_copy      (const WbCsvRowError *row_error);
void           wb_csv_row_error_free      (WbCsvRowError       *row_error);
char          *wb_csv_row_error_to_string (const WbCsvRowError *row_error);

typedef struct _WbCsvReader WbCsvReader;

WbCsvReader        *wb_csv_reader_new           (const char    *data,
                                                 gsize          len,
                                                 GError       **error);
void                wb_csv_reader_free          (WbCsvReader   *reader);
const char * const *wb_csv_reader_get_header    (WbCsvReader   *reader);
guint               wb_csv_reader_get_n_columns (WbCsvReader   *reader);
gboolean            wb_csv_reader_next          (WbCsvReader   *reader,
                                                 const char * const **fields,
                                                 guint         *line,
                                                 GError       **error);

char               *wb_csv_describe_column_count (guint          n_fields,
                                                 guint          n_columns);

void                wb_csv_append_record        (GString            *out,
                                                 const char * const *fields,
                                                 guint               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCsvReader, wb_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WbCsvRowError, wb_csv_row_error_free)

G_END_DECLS
