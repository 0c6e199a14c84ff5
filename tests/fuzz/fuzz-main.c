/* fuzz-main.c: replays a fuzz corpus through a harness without libFuzzer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-<name> DIR|FILE…  Runs every file once (a directory's files
 * in name order), so the normal build and `make check` keep every input a
 * fuzzer ever crashed on as a regression test. A crash or sanitizer report
 * ends the process and fails the test.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wb-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  return 1;
}

static guint
run_path (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return run_file (path);

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      fprintf (stderr, "%s: cannot open the corpus\n", path);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      n += run_path (file);
    }
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    n += run_path (argv[i]);
  if (n == 0)
    {
      fprintf (stderr, "no corpus inputs found\n");
      return 1;
    }
  printf ("1..1\nok 1 - replayed %u corpus inputs\n", n);
  return 0;
}
