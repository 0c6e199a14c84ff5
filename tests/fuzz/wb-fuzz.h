/* wb-fuzz.h: the libFuzzer entry points every harness defines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each harness is built twice: with clang and -fsanitize=fuzzer for
 * `make fuzz`, and with the normal compiler against fuzz-main.c, a plain
 * driver that replays the corpus, as a test in the `fuzz` suite.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Makes criticals and warnings abort: bad input must be refused with a
 * GError, never reach a g_return_if_fail or a g_warning. */
void wb_fuzz_init_logging   (void);

/* A NUL-terminated copy of the input, freed with g_free(). */
char *wb_fuzz_strndup       (const uint8_t  *data,
                             size_t          size);

G_END_DECLS

/* Shared with gen-corpus.c, which makes the seed inputs. */
#define WB_FUZZ_BACKUP_PASSPHRASE "fuzz backup passphrase 1"
#define WB_FUZZ_RECORD_KEY_BYTE 0x42
#define WB_FUZZ_VAULT_ID_BYTE 0x17
#define WB_FUZZ_KEY_ID 1
