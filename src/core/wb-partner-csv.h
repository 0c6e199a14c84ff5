/* wb-partner-csv.h: importing and exporting the partner directory as CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The file has one header line naming the columns, in any order and case:
 *
 *   name           required; the partner's name
 *   organisation   optional
 *   kind           required; a kind nick: peer-mayor, peer-alderman,
 *                  peer-councillor, experience-expert, security-expert, legal,
 *                  aftercare, police, communication, other
 *   areas          required; area codes separated by semicolons:
 *                  NL; PV20–PV31; VR01–VR25; GM and a CBS code, e.g. "GM0363;VR13"
 *   languages      optional; separated by semicolons, e.g. "nl;en"
 *   availability   optional; free text, e.g. "Ma–vr 9–17"
 *   phone          phone or email required
 *   email          phone or email required
 *   notes          optional; may hold line breaks (quoted)
 *   active         optional; ja/nee, yes/no, true/false or 1/0; empty is ja
 *   last_verified  optional; YYYY-MM-DD, a date in Amsterdam
 *
 * Values are trimmed, except notes. The writer writes all columns in this
 * order, active as ja/nee, CRLF line breaks and no byte order mark. A text
 * value starting with = + - @, a tab or a carriage return gets an apostrophe
 * before it, so a spreadsheet does not run it as a formula; the reader drops
 * an apostrophe before such a character.
 */

extern const char * const wb_partner_csv_columns[];

gboolean  wb_partner_csv_parse (const char  *data,
                                gsize        len,
                                gboolean     skip_invalid,
                                GPtrArray  **out_partners,
                                GPtrArray  **out_row_errors,
                                GError     **error);
GBytes   *wb_partner_csv_write (GPtrArray   *partners);

G_END_DECLS
