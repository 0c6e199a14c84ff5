/* wb-fuzz.c: helpers shared by the fuzz harnesses.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "wb-fuzz.h"

/* abort() rather than GLib's breakpoint trap, so libFuzzer keeps the input. */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  abort ();
}

void
wb_fuzz_init_logging (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (fatal_writer, NULL, NULL);
}

char *
wb_fuzz_strndup (const uint8_t *data,
                 size_t         size)
{
  char *s = g_malloc (size + 1);

  if (size > 0)
    memcpy (s, data, size);
  s[size] = '\0';
  return s;
}
