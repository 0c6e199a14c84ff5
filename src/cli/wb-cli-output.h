/* wb-cli-output.h: table fields and output for weerbaar-cli (JSON strings: wb-json.h).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wb-json.h"

G_BEGIN_DECLS

void wb_cli_append_tsv_field   (GString    *out,
                                const char *text);
void wb_cli_write_stdout       (GString    *out);

G_END_DECLS
