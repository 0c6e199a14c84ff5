/* wb-record-private.h: setters and the GVariant record format shared by the entities.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A record is an a{sv} dictionary holding these two keys and one key per
 * property, named as the property. Unknown keys are ignored on reading, so
 * a newer version may add fields without raising the format version. */
#define WB_RECORD_FORMAT_VERSION 1
#define WB_RECORD_KEY_KIND       "wb-kind"
#define WB_RECORD_KEY_VERSION    "wb-version"

gboolean   wb_set_str                  (char              **ptr,
                                        const char         *value);
gboolean   wb_set_strv                 (char             ***ptr,
                                        const char * const *value);
gboolean   wb_set_date_time            (GDateTime         **ptr,
                                        GDateTime          *value);

GVariant  *wb_date_time_to_variant     (GDateTime          *date_time);
GDateTime *wb_date_time_from_variant   (GVariant           *variant);

void       wb_record_builder_init      (GVariantBuilder    *builder,
                                        const char         *kind);
void       wb_record_builder_add_props (GVariantBuilder    *builder,
                                        GObject            *object,
                                        const char * const *props);
GBytes    *wb_record_builder_end       (GVariantBuilder    *builder);

GVariant  *wb_record_open              (GBytes             *bytes,
                                        const char         *kind,
                                        GError            **error);
gpointer   wb_record_new_object        (GType               type,
                                        GVariant           *record,
                                        const char * const *props,
                                        const char * const *required,
                                        GError            **error);
GVariant  *wb_record_lookup            (GVariant           *record,
                                        const char         *key,
                                        const GVariantType *type,
                                        GError            **error);

G_END_DECLS
