/* fuzz-records.c: every core entity's _deserialize() and the store's fast
 * record reader for the case index (wb-record-fields.c) on the same bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: one byte choosing the record type, then the serialized GVariant.
 * A record that deserializes must serialize again and read back, and the
 * case index's reader must accept it too.
 */
#include "config.h"

#include "wb-account.h"
#include "wb-case-index.h"
#include "wb-case.h"
#include "wb-consent.h"
#include "wb-follow-up.h"
#include "wb-fuzz.h"
#include "wb-incident.h"
#include "wb-needs.h"
#include "wb-partner.h"
#include "wb-person.h"
#include "wb-record-fields.h"
#include "wb-timeline-entry.h"

typedef GObject *(*DeserializeFunc) (GBytes *bytes, GError **error);
typedef GBytes  *(*SerializeFunc)   (gpointer object);
typedef gboolean (*ValidateFunc)    (gpointer object, GPtrArray *issues);

static const struct
{
  const char      *index_kind;   /* for wb_record_fields_read(), or NULL */
  DeserializeFunc  deserialize;
  SerializeFunc    serialize;
  ValidateFunc     validate;
} types[] = {
  { WB_KIND_CASE, (DeserializeFunc) wb_case_deserialize, (SerializeFunc) wb_case_serialize,
    (ValidateFunc) wb_case_validate },
  { WB_KIND_PERSON, (DeserializeFunc) wb_person_deserialize, (SerializeFunc) wb_person_serialize,
    (ValidateFunc) wb_person_validate },
  { WB_KIND_INCIDENT, (DeserializeFunc) wb_incident_deserialize, (SerializeFunc) wb_incident_serialize,
    (ValidateFunc) wb_incident_validate },
  { WB_KIND_FOLLOWUP, (DeserializeFunc) wb_follow_up_deserialize, (SerializeFunc) wb_follow_up_serialize,
    (ValidateFunc) wb_follow_up_validate },
  { WB_KIND_TIMELINE, (DeserializeFunc) wb_timeline_entry_deserialize,
    (SerializeFunc) wb_timeline_entry_serialize, (ValidateFunc) wb_timeline_entry_validate },
  { NULL, (DeserializeFunc) wb_needs_deserialize, (SerializeFunc) wb_needs_serialize,
    (ValidateFunc) wb_needs_validate },
  { NULL, (DeserializeFunc) wb_consent_deserialize, (SerializeFunc) wb_consent_serialize,
    (ValidateFunc) wb_consent_validate },
  { NULL, (DeserializeFunc) wb_partner_deserialize, (SerializeFunc) wb_partner_serialize,
    (ValidateFunc) wb_partner_validate },
  { NULL, (DeserializeFunc) wb_account_deserialize, (SerializeFunc) wb_account_serialize,
    (ValidateFunc) wb_account_validate },
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  wb_fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) error = NULL;
  guint t;

  if (size < 1)
    return 0;
  t = data[0] % G_N_ELEMENTS (types);
  bytes = g_bytes_new (data + 1, size - 1);
  object = types[t].deserialize (bytes, &error);
  g_assert ((object == NULL) != (error == NULL));

  /* The index reads only the fields it shows and leaves anything it does
   * not understand to core, so it may list a record that core then refuses
   * to open (as damaged); it must never hide one that core can open. */
  if (types[t].index_kind != NULL)
    {
      g_auto(WbRecordFields) fields = { 0 };
      gboolean indexed = wb_record_fields_read (&fields, types[t].index_kind, bytes);

      if (object != NULL && !indexed)
        g_error ("the case index refuses a %s record that core accepts", types[t].index_kind);
    }

  if (object != NULL)
    {
      g_autoptr(GBytes) again = types[t].serialize (object);
      g_autoptr(GObject) reread = types[t].deserialize (again, &error);

      g_assert (reread != NULL);
      types[t].validate (object, NULL);
    }
  return 0;
}
