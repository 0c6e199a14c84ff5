/* wb-record-scan.h: read every record of some kinds, parsing them on a few threads.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wb-record-fields.h"
#include "wb-vault.h"

G_BEGIN_DECLS

/* Runs on a pool thread; @fields is cleared afterwards whatever it returns. */
typedef gboolean (*WbRecordParseFunc) (const char     *kind,
                                       GBytes         *plaintext,
                                       WbRecordFields *fields);

/* Runs on the calling thread, in the order the vault gave the records;
 * @fields is NULL for a record that could not be opened or parsed. */
typedef void     (*WbRecordMergeFunc) (const char       *kind,
                                       const WbRecordId *id,
                                       WbRecordFields   *fields,
                                       gpointer          user_data);

gboolean wb_record_scan (WbVault            *vault,
                         const char * const *kinds,
                         guint               n_kinds,
                         WbRecordParseFunc   parse,
                         WbRecordMergeFunc   merge,
                         gpointer            user_data,
                         GError            **error);

G_END_DECLS
