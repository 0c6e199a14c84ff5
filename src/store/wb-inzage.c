/* wb-inzage.c: everything stored about one person, for an inzageverzoek (AVG right of access).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wb-core.h"
#include "wb-inzage.h"
#include "wb-store-private.h"
#include "wb-json.h"

#define INZAGE_FORMAT "weerbaar-inzage-1"

void
wb_inzage_free (WbInzage *inzage)
{
  if (inzage == NULL)
    return;
  g_free (inzage->reference);
  g_clear_pointer (&inzage->people, g_ptr_array_unref);
  g_clear_pointer (&inzage->cases, g_ptr_array_unref);
  g_free (inzage);
}

/* Matching */

static char *
digits_of (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; s && *s; s++)
    if (g_ascii_isdigit (*s))
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *name;     /* folded */
  char *phone;    /* digits, "" if none */
  char *email;    /* lower case, "" if none */
} Who;

static void
who_clear (Who *w)
{
  g_free (w->name);
  g_free (w->phone);
  g_free (w->email);
}

static void
who_init (Who      *w,
          WbPerson *p)
{
  g_autofree char *email = g_strdup (wb_person_get_email (p) ? wb_person_get_email (p) : "");

  w->name = wb_fold_for_search (wb_person_get_name (p) ? wb_person_get_name (p) : "");
  w->phone = digits_of (wb_person_get_phone (p));
  w->email = g_ascii_strdown (g_strstrip (email), -1);
}

static gboolean
same_person (const Who *a,
             const Who *b)
{
  if (*a->name == '\0' || g_strcmp0 (a->name, b->name) != 0)
    return FALSE;
  return (*a->phone != '\0' && g_strcmp0 (a->phone, b->phone) == 0) ||
         (*a->email != '\0' && g_strcmp0 (a->email, b->email) == 0);
}

typedef struct
{
  Who         reporter;
  WbRecordId  reporter_id;
  GPtrArray  *people;       /* WbStoreRecord */
  GHashTable *case_ids;     /* hex → NULL, the cases of those people */
} Collect;

static gboolean
collect_person_cb (const WbRecordId *id,
                   GBytes           *plaintext,
                   const GError     *damage,
                   gpointer          user_data)
{
  Collect *c = user_data;
  g_autoptr(WbPerson) p = NULL;
  Who w = { 0 };
  gboolean match;

  if (plaintext == NULL || (p = wb_person_deserialize (plaintext, NULL)) == NULL)
    return TRUE;
  who_init (&w, p);
  match = memcmp (id, &c->reporter_id, sizeof *id) == 0 || same_person (&c->reporter, &w);
  who_clear (&w);
  if (match && wb_person_get_case_id (p) != NULL)
    {
      g_ptr_array_add (c->people, wb_store_record_new (WB_KIND_PERSON, id, plaintext));
      g_hash_table_add (c->case_ids, g_strdup (wb_person_get_case_id (p)));
    }
  return TRUE;
}

static gboolean
is_listed_person (GPtrArray        *people,
                  const WbRecordId *id)
{
  for (guint i = 0; i < people->len; i++)
    {
      WbStoreRecord *r = g_ptr_array_index (people, i);

      if (memcmp (&r->id, id, sizeof *id) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
kind_rank (const char *kind)
{
  static const char * const order[] = {
    WB_KIND_CASE, WB_KIND_PERSON, WB_KIND_INCIDENT, WB_KIND_NEEDS, WB_KIND_CONSENT,
    WB_KIND_FOLLOWUP, WB_KIND_TIMELINE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (order[i], kind) == 0)
      return (int) i;
  return G_N_ELEMENTS (order);
}

static gint64
record_time (WbStoreRecord *r)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT,
                                                                        r->plaintext, FALSE));
  gint64 t = 0;

  if (!g_variant_lookup (v, "time", "x", &t))
    g_variant_lookup (v, "due", "x", &t);
  return t;
}

/* The case, its reporter, the incident and so on; follow-ups and the
 * timeline in the order they happened. */
static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  WbStoreRecord *x = *(WbStoreRecord * const *) a;
  WbStoreRecord *y = *(WbStoreRecord * const *) b;
  int rx = kind_rank (x->kind), ry = kind_rank (y->kind);
  gint64 tx, ty;

  if (rx != ry)
    return rx < ry ? -1 : 1;
  tx = record_time (x);
  ty = record_time (y);
  if (tx != ty)
    return tx < ty ? -1 : 1;
  return memcmp (&x->id, &y->id, sizeof x->id);
}

static GPtrArray *
case_records (WbVault          *vault,
              WbCaseIndex      *index,
              const WbRecordId *case_id,
              GPtrArray        *people)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  g_autoptr(GArray) children = wb_case_index_dup_children (index, case_id);
  g_autofree char *kind = NULL;
  g_autoptr(GBytes) plain = wb_vault_get (vault, case_id, &kind, NULL);

  if (plain == NULL || g_strcmp0 (kind, WB_KIND_CASE) != 0)
    return NULL;
  g_ptr_array_add (records, wb_store_record_new (kind, case_id, plain));
  for (guint i = 0; children && i < children->len; i++)
    {
      const WbRecordId *id = &g_array_index (children, WbRecordId, i);
      g_autofree char *child_kind = NULL;
      g_autoptr(GBytes) child = wb_vault_get (vault, id, &child_kind, NULL);

      if (child == NULL)
        continue;
      /* Someone else in the case: not theirs to see. */
      if (g_strcmp0 (child_kind, WB_KIND_PERSON) == 0 && !is_listed_person (people, id))
        continue;
      g_ptr_array_add (records, wb_store_record_new (child_kind, id, child));
    }
  g_ptr_array_sort (records, compare_records);
  return g_steal_pointer (&records);
}

static WbPerson *
find_reporter (WbVault          *vault,
               WbCaseIndex      *index,
               const WbRecordId *case_id,
               WbRecordId       *out_id)
{
  g_autoptr(GArray) children = wb_case_index_dup_children (index, case_id);

  for (guint i = 0; children && i < children->len; i++)
    {
      const WbRecordId *id = &g_array_index (children, WbRecordId, i);
      g_autofree char *kind = NULL;
      g_autoptr(GBytes) plain = wb_vault_get (vault, id, &kind, NULL);
      g_autoptr(WbPerson) p = NULL;

      if (plain == NULL || g_strcmp0 (kind, WB_KIND_PERSON) != 0)
        continue;
      p = wb_person_deserialize (plain, NULL);
      if (p != NULL && wb_person_get_relation (p) == WB_PERSON_RELATION_REPORTER)
        {
          *out_id = *id;
          return g_steal_pointer (&p);
        }
    }
  return NULL;
}

static int
compare_cases (gconstpointer a,
               gconstpointer b)
{
  GPtrArray *x = *(GPtrArray * const *) a;
  GPtrArray *y = *(GPtrArray * const *) b;
  WbStoreRecord *cx = g_ptr_array_index (x, 0);
  WbStoreRecord *cy = g_ptr_array_index (y, 0);

  return memcmp (&cx->id, &cy->id, sizeof cx->id);
}

/**
 * wb_vault_collect_inzage:
 * @vault: an unlocked vault
 * @index: (nullable): the case index, or NULL to build one
 * @case_id: the case whose reporter asks
 *
 * Returns: (transfer full): what is stored about the reporter, or NULL
 *   with @error set (an anonymous case has no reporter)
 */
WbInzage *
wb_vault_collect_inzage (WbVault          *vault,
                         WbCaseIndex      *index,
                         const WbRecordId *case_id,
                         GError          **error)
{
  g_autoptr(WbCaseIndex) owned = NULL;
  g_autoptr(WbPerson) reporter = NULL;
  g_autoptr(GBytes) case_plain = NULL;
  g_autoptr(WbCase) kase = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(WbInzage) inzage = NULL;
  Collect c = { 0 };
  GHashTableIter iter;
  const char *hex;
  gboolean ok;

  g_return_val_if_fail (vault != NULL && case_id != NULL, NULL);

  if (index == NULL && (index = owned = wb_case_index_build (vault, error)) == NULL)
    return NULL;
  case_plain = wb_vault_get (vault, case_id, &kind, error);
  if (case_plain == NULL)
    return NULL;
  if (g_strcmp0 (kind, WB_KIND_CASE) != 0 || (kase = wb_case_deserialize (case_plain, NULL)) == NULL)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                           _("This case does not exist."));
      return NULL;
    }
  reporter = find_reporter (vault, index, case_id, &c.reporter_id);
  if (reporter == NULL)
    {
      g_set_error_literal (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND,
                           _("This case has no reporter on record: nothing is stored about a person."));
      return NULL;
    }

  who_init (&c.reporter, reporter);
  c.people = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_store_record_free);
  c.case_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = wb_vault_foreach (vault, WB_KIND_PERSON, collect_person_cb, &c, error);
  who_clear (&c.reporter);

  inzage = g_new0 (WbInzage, 1);
  inzage->reference = g_strdup (wb_case_get_reference (kase));
  inzage->people = g_steal_pointer (&c.people);
  inzage->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, c.case_ids);
  while (ok && g_hash_table_iter_next (&iter, (gpointer *) &hex, NULL))
    {
      WbRecordId id;
      GPtrArray *records;

      if (wb_record_id_from_string (hex, &id)
          && (records = case_records (vault, index, &id, inzage->people)) != NULL)
        g_ptr_array_add (inzage->cases, records);
    }
  g_hash_table_unref (c.case_ids);
  if (!ok)
    return NULL;
  g_ptr_array_sort (inzage->cases, compare_cases);

  detail = g_strdup_printf ("inzage export for case %s", inzage->reference);
  if (!wb_vault_audit (vault, "export", WB_KIND_CASE, case_id, detail, error))
    return NULL;
  return g_steal_pointer (&inzage);
}

/* JSON */

static void
append_time (GString *out,
             gint64   usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, wb_due_get_time_zone ()) : NULL;
  g_autofree char *iso = local ? g_date_time_format_iso8601 (local) : NULL;

  if (iso)
    wb_json_append_string (out, iso);
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, usec);
}

/* Records are a{sv}; 64-bit integers in them are times (wb-record.c). */
static void
append_value (GString  *out,
              GVariant *v)
{
  const GVariantType *type = g_variant_get_type (v);

  if (g_variant_is_of_type (v, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (v);
      append_value (out, inner);
    }
  else if (g_variant_type_is_basic (type))
    {
      switch (g_variant_classify (v))
        {
        case G_VARIANT_CLASS_BOOLEAN:
          g_string_append (out, g_variant_get_boolean (v) ? "true" : "false");
          break;
        case G_VARIANT_CLASS_BYTE:
          g_string_append_printf (out, "%u", g_variant_get_byte (v));
          break;
        case G_VARIANT_CLASS_INT16:
          g_string_append_printf (out, "%d", g_variant_get_int16 (v));
          break;
        case G_VARIANT_CLASS_UINT16:
          g_string_append_printf (out, "%u", g_variant_get_uint16 (v));
          break;
        case G_VARIANT_CLASS_INT32:
          g_string_append_printf (out, "%d", g_variant_get_int32 (v));
          break;
        case G_VARIANT_CLASS_UINT32:
          g_string_append_printf (out, "%u", g_variant_get_uint32 (v));
          break;
        case G_VARIANT_CLASS_INT64:
          append_time (out, g_variant_get_int64 (v));
          break;
        case G_VARIANT_CLASS_UINT64:
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, g_variant_get_uint64 (v));
          break;
        case G_VARIANT_CLASS_DOUBLE:
          g_string_append_printf (out, "%.17g", g_variant_get_double (v));
          break;
        default:
          wb_json_append_string (out, g_variant_get_string (v, NULL));
        }
    }
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_VARDICT))
    {
      GVariantIter iter;
      const char *key;
      GVariant *value;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      g_variant_iter_init (&iter, v);
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          if (!first)
            g_string_append (out, ", ");
          first = FALSE;
          wb_json_append_string (out, key);
          g_string_append (out, ": ");
          append_value (out, value);
        }
      g_string_append_c (out, '}');
    }
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_MAYBE))
    {
      g_autoptr(GVariant) inner = g_variant_get_maybe (v);

      if (inner)
        append_value (out, inner);
      else
        g_string_append (out, "null");
    }
  else if (g_variant_is_container (v))
    {
      gsize n = g_variant_n_children (v);

      g_string_append_c (out, '[');
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (v, i);

          if (i > 0)
            g_string_append (out, ", ");
          append_value (out, child);
        }
      g_string_append_c (out, ']');
    }
  else
    g_string_append (out, "null");
}

static void
append_record (GString       *out,
               WbStoreRecord *r)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT,
                                                                        r->plaintext, FALSE));
  g_autofree char *hex = wb_record_id_to_string (&r->id);

  /* An id and kind first, then every stored field as it is stored. */
  g_string_append (out, "{\"record\": ");
  wb_json_append_string (out, hex);
  g_string_append (out, ", \"kind\": ");
  wb_json_append_string (out, r->kind);
  g_string_append (out, ", \"fields\": ");
  append_value (out, v);
  g_string_append_c (out, '}');
}

/**
 * wb_inzage_to_json:
 *
 * Returns: (transfer full): the export as a JSON document; the caller
 *   wipes it (sodium_memzero) after writing it out
 */
char *
wb_inzage_to_json (WbInzage  *inzage,
                   GDateTime *exported)
{
  GString *out = g_string_new ("{\n  \"format\": \"" INZAGE_FORMAT "\",\n  \"exported\": ");
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (inzage != NULL && exported != NULL, NULL);

  local = g_date_time_to_timezone (exported, wb_due_get_time_zone ());
  iso = g_date_time_format_iso8601 (local);
  wb_json_append_string (out, iso);
  g_string_append (out, ",\n  \"request_case\": ");
  wb_json_append_string (out, inzage->reference);
  g_string_append (out, ",\n  \"person\": [");
  for (guint i = 0; i < inzage->people->len; i++)
    {
      g_string_append (out, i ? ",\n    " : "\n    ");
      append_record (out, g_ptr_array_index (inzage->people, i));
    }
  g_string_append (out, "\n  ],\n  \"cases\": [");
  for (guint i = 0; i < inzage->cases->len; i++)
    {
      GPtrArray *records = g_ptr_array_index (inzage->cases, i);

      g_string_append (out, i ? ",\n    [" : "\n    [");
      for (guint j = 0; j < records->len; j++)
        {
          g_string_append (out, j ? ",\n      " : "\n      ");
          append_record (out, g_ptr_array_index (records, j));
        }
      g_string_append (out, "\n    ]");
    }
  g_string_append (out, "\n  ]\n}\n");
  return g_string_free (out, FALSE);
}

/**
 * wb_inzage_write_file:
 *
 * Writes @contents to @path readable by the owner only (0600, also when
 * the file existed), synced to disk; does not follow a symlink.
 */
gboolean
wb_inzage_write_file (const char  *path,
                      const char  *contents,
                      gsize        length,
                      GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  gsize done = 0;
  int saved;

  if (fd < 0 || fchmod (fd, 0600) != 0)
    goto fail;
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += (gsize) n;
    }
  if (fsync (fd) != 0)
    goto fail;
  return g_close (fd, error);

fail:
  saved = errno;
  if (fd >= 0)
    close (fd);
  /* Translators: %s is the error message of the operating system */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Could not write the export: %s"), g_strerror (saved));
  return FALSE;
}

/* Worker job */

static void
do_collect (WbStore    *self,
            WbStoreJob *job)
{
  GError *error = NULL;
  WbInzage *inzage;

  if (!wb_store_need_vault (self, job))
    return;
  inzage = wb_vault_collect_inzage (self->vault, self->index, &job->id, &error);
  wb_store_return_pointer (job, inzage, (GDestroyNotify) wb_inzage_free, error);
}

void
wb_store_collect_inzage_async (WbStore             *self,
                               const char          *case_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WbStoreJob *job;

  g_return_if_fail (WB_IS_STORE (self));
  g_return_if_fail (case_id != NULL);

  job = wb_store_case_job_new (self, case_id, do_collect, wb_store_collect_inzage_async,
                               cancellable, callback, user_data);
  if (job != NULL)
    wb_store_job_push (self, job);
}

/**
 * wb_store_collect_inzage_finish:
 *
 * Returns: (transfer full): the collected records
 */
WB_STORE_FINISH_POINTER (WbInzage, wb_store_collect_inzage_finish)
