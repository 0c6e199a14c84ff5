/* wb-cli-output.h: JSON strings and table fields for weerbaar-cli's output.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void wb_cli_append_json_string (GString    *out,
                                const char *text);
void wb_cli_append_tsv_field   (GString    *out,
                                const char *text);
void wb_cli_write_stdout       (GString    *out);

G_END_DECLS
