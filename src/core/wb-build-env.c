/* wb-build-env.c: find translations, schemas and data in the build tree when run from it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wb-build-env.h"

/* A binary that lives below the build root is running uninstalled: it then
 * takes its translations and compiled schemas from the build tree, so that
 * `make run` and the tests show the real Dutch UI without `meson install`. */
gboolean
wb_build_env_is_uninstalled (void)
{
  static gsize once = 0;
  static gboolean uninstalled = FALSE;

  if (g_once_init_enter (&once))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *root = g_canonicalize_filename (WB_BUILD_ROOT, NULL);
      g_autofree char *prefix = g_strconcat (root, G_DIR_SEPARATOR_S, NULL);

      uninstalled = exe != NULL && g_str_has_prefix (exe, prefix);
      g_once_init_leave (&once, 1);
    }

  return uninstalled;
}

const char *
wb_build_env_locale_dir (void)
{
  if (wb_build_env_is_uninstalled ())
    return WB_BUILD_ROOT "/po";
  return LOCALEDIR;
}

void
wb_build_env_init (void)
{
  if (!wb_build_env_is_uninstalled ())
    return;

  /* Keep a schema dir the caller chose (the tests set one). */
  g_setenv ("GSETTINGS_SCHEMA_DIR", WB_BUILD_ROOT "/data", FALSE);
}

void
wb_build_env_init_i18n (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, wb_build_env_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
