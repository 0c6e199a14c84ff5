/* wb-build-env.h: find translations, schemas and data in the build tree when run from it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     wb_build_env_is_uninstalled (void);
const char  *wb_build_env_locale_dir     (void);
void         wb_build_env_init           (void);
void         wb_build_env_init_i18n      (void);

G_END_DECLS
