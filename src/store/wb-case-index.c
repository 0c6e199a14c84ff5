/* wb-case-index.c: the in-memory case index for the inbox, built from the vault at unlock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing of it is written to disk. The worker keeps, per case, the ids of
 * the records that point at it, so a change re-reads one case rather than
 * the vault. Strings of a row sit in one block after the struct: one
 * allocation per case, and one sodium_memzero wipes them all.
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wb-case-index.h"
#include "wb-fold.h"
#include "wb-record-fields.h"
#include "wb-record-scan.h"
#include "wb-regions.h"

/* Per case while the index is (re)built: only what its row needs, in
 * exact-size strings (100,000 builders are alive at once). */
typedef struct
{
  gboolean        has_case;
  gboolean        has_reporter;
  WbCaseStatus    status;
  WbUrgency       urgency;
  WbAssociation   association;
  WbPersonRole    reporter_role;
  WbIncidentType  incident_types;
  guint           n_damaged;
  char           *reference;
  char           *assignee;
  char           *reporter_name;
  char           *municipality;
  /* Folded names and descriptions as they come, each after a '\n'. */
  char           *folded;
  gsize           folded_len;
  /* As shown; only in an index with descriptions. */
  char           *description;
  gsize           description_len;
  WbRecordId      reporter_id;
  gint64          created;
  gint64          updated;
  gint64          next_due;
  gint64          last_activity;
} Builder;

typedef struct
{
  WbRecordId  id;                 /* first: the entry is its own hash key */
  WbRecordId *children;           /* person, incident, …; exact size once built */
  guint       n_children;
  guint       n_alloc;
  WbCaseRow  *row;
  Builder    *builder;            /* only while (re)building */
} Entry;

typedef struct
{
  WbRecordId  child;
  WbRecordId  old_case;
  WbRecordId  new_case;
  gboolean    has_old;
  gboolean    has_new;
} Move;

struct _WbCaseIndex
{
  GHashTable *entries;            /* WbRecordId of the case → Entry */
  guint       n_damaged;
  gboolean    with_descriptions;
};

struct _WbCaseIndexChange
{
  GHashTable *affected;           /* WbRecordId of cases, set */
  GArray     *moves;
};

/* Rows */

G_DEFINE_BOXED_TYPE (WbCaseRow, wb_case_row, wb_case_row_ref, wb_case_row_unref)

WbCaseRow *
wb_case_row_ref (WbCaseRow *row)
{
  return g_atomic_rc_box_acquire (row);
}

void
wb_case_row_wipe (WbCaseRow *row)
{
  gsize size = g_atomic_rc_box_get_size (row);

  sodium_memzero ((guint8 *) row + sizeof *row, size - sizeof *row);
}

static void
row_clear (gpointer data)
{
  wb_case_row_wipe (data);
}

void
wb_case_row_unref (WbCaseRow *row)
{
  if (row != NULL)
    g_atomic_rc_box_release_full (row, row_clear);
}

static const char *
put_str (char       **cursor,
         const char  *s)
{
  char *at = *cursor;
  gsize len = s ? strlen (s) : 0;

  if (len)
    memcpy (at, s, len);
  at[len] = '\0';
  *cursor = at + len + 1;
  return at;
}

/* Helpers */

static void
wipe_free (gpointer data)
{
  char *s = data;

  if (s == NULL)
    return;
  sodium_memzero (s, strlen (s));
  g_free (s);
}

/* Most text is ASCII: lowering it in place gives what the full Unicode fold
 * gives, at a fraction of the cost at 100,000 cases. */
static char *
fold (const char *s)
{
  const guchar *p;

  char *out;

  for (p = (const guchar *) s; *p; p++)
    if (*p >= 0x80)
      return wb_fold_for_search (s);
  out = g_ascii_strdown (s, -1);
  for (char *q = out; *q; q++)
    if (*q == '`')
      *q = '\'';
  return out;
}

/* Builder */

static Builder *
builder_new (void)
{
  return g_new0 (Builder, 1);
}

static void
builder_free (Builder *b)
{
  if (b == NULL)
    return;
  wipe_free (b->reference);
  wipe_free (b->assignee);
  wipe_free (b->reporter_name);
  wipe_free (b->municipality);
  wipe_free (b->folded);
  wipe_free (b->description);
  g_free (b);
}

/* Appends @sep and @s to an exact-size string. Copies rather than
 * reallocs, so no unwiped copy is left behind in freed memory. */
static void
append_wiped (char       **buf,
              gsize       *len,
              const char  *sep,
              const char  *s)
{
  gsize sep_len = strlen (sep), s_len = strlen (s);
  char *out = g_malloc (*len + sep_len + s_len + 1);

  if (*len)
    memcpy (out, *buf, *len);
  memcpy (out + *len, sep, sep_len);
  memcpy (out + *len + sep_len, s, s_len + 1);
  wipe_free (*buf);
  *buf = out;
  *len += sep_len + s_len;
}

static void
append_folded (Builder    *b,
               const char *s)
{
  char *folded = fold (s);

  append_wiped (&b->folded, &b->folded_len, "\n", folded);
  wipe_free (folded);
}

static void
builder_add_case (Builder              *b,
                  const WbRecordFields *f)
{
  b->has_case = TRUE;
  wipe_free (b->reference);
  wipe_free (b->assignee);
  b->reference = g_strdup (f->reference);
  b->assignee = g_strdup (f->assignee);
  b->status = f->status;
  b->urgency = f->urgency;
  b->association = f->association;
  b->created = f->created;
  b->updated = f->updated;
  b->last_activity = MAX (b->last_activity, MAX (b->created, b->updated));
}

static void
builder_add_person (Builder              *b,
                    const WbRecordId     *id,
                    const WbRecordFields *f)
{
  gboolean reporter = f->relation == WB_PERSON_RELATION_REPORTER;
  gboolean has_municipality = f->municipality && *f->municipality;

  if (f->name && *f->name)
    append_folded (b, f->name);
  /* The reporter with the lowest id wins, so the row does not depend on
   * the order the records were read in. */
  if (reporter && (!b->has_reporter || memcmp (id->bytes, b->reporter_id.bytes, WB_RECORD_ID_LEN) < 0))
    {
      b->has_reporter = TRUE;
      b->reporter_id = *id;
      wipe_free (b->reporter_name);
      b->reporter_name = g_strdup (f->name);
      b->reporter_role = f->role;
      if (has_municipality)
        {
          wipe_free (b->municipality);
          b->municipality = g_strdup (f->municipality);
        }
    }
  else if (b->municipality == NULL && has_municipality)
    b->municipality = g_strdup (f->municipality);
}

static void
builder_add_incident (Builder              *b,
                      const WbRecordFields *f,
                      gboolean              with_description)
{
  b->incident_types |= f->types;
  if (f->description == NULL || *f->description == '\0')
    return;
  append_folded (b, f->description);
  if (with_description)
    append_wiped (&b->description, &b->description_len, b->description_len ? "\n\n" : "",
                  f->description);
}

static void
builder_add_follow_up (Builder              *b,
                       const WbRecordFields *f)
{
  if ((f->state == WB_FOLLOW_UP_STATE_OPEN || f->state == WB_FOLLOW_UP_STATE_SNOOZED) &&
      f->due != 0 && (b->next_due == 0 || f->due < b->next_due))
    b->next_due = f->due;
}

static void
builder_add_timeline (Builder              *b,
                      const WbRecordFields *f)
{
  b->last_activity = MAX (b->last_activity, MAX (f->time, f->edited_at));
}

/* The search text: folded reference, names and descriptions, municipality
 * code and name. Queries match word by word (wb_fold_matches()), so the
 * order of the parts does not matter. */
static WbCaseRow *
builder_finish (Builder          *b,
                const WbRecordId *case_id)
{
  g_autofree char *id_hex = wb_record_id_to_string (case_id);
  const char *municipality_name = b->municipality ? wb_regions_get_area_name (b->municipality) : NULL;
  char *ref = fold (b->reference ? b->reference : "");
  char *muni = fold (b->municipality ? b->municipality : "");
  char *area = fold (municipality_name ? municipality_name : "");
  gsize search_len = strlen (ref) + b->folded_len + 1 + strlen (muni) + 1 + strlen (area);
  char *cursor, *search;
  WbCaseRow *row;
  gsize size;

#define LEN(s) ((s) ? strlen (s) + 1 : 1)
  size = sizeof (WbCaseRow) + LEN (id_hex) + LEN (b->reference) + LEN (b->assignee) +
         LEN (b->reporter_name) + LEN (b->municipality) + LEN (b->description) + search_len + 1;
#undef LEN
  row = g_atomic_rc_box_alloc0 (size);
  cursor = (char *) row + sizeof *row;
  row->case_id = put_str (&cursor, id_hex);
  row->reference = put_str (&cursor, b->reference);
  row->assignee = put_str (&cursor, b->assignee);
  row->reporter_name = put_str (&cursor, b->reporter_name);
  row->municipality = put_str (&cursor, b->municipality);
  row->description = put_str (&cursor, b->description);
  search = cursor;
  cursor = g_stpcpy (cursor, ref);
  if (b->folded_len)
    cursor = g_stpcpy (cursor, b->folded);
  cursor = g_stpcpy (g_stpcpy (g_stpcpy (g_stpcpy (cursor, "\n"), muni), "\n"), area) + 1;
  row->search_text = search;
  g_assert (cursor == (char *) row + size);
  wipe_free (ref);
  wipe_free (muni);
  wipe_free (area);

  row->status = b->status;
  row->urgency = b->urgency;
  row->association = b->association;
  row->created = b->created;
  row->updated = b->updated;
  row->has_reporter = b->has_reporter;
  row->reporter_role = b->reporter_role;
  row->incident_types = b->incident_types;
  row->next_due = b->next_due;
  row->last_activity = b->last_activity;
  row->n_damaged = b->n_damaged;
  return row;
}

static gboolean
is_case_id_only_kind (const char *kind)
{
  return g_strcmp0 (kind, WB_KIND_NEEDS) == 0 || g_strcmp0 (kind, WB_KIND_CONSENT) == 0;
}

static gboolean
is_child_kind (const char *kind)
{
  return g_strcmp0 (kind, WB_KIND_PERSON) == 0 || g_strcmp0 (kind, WB_KIND_INCIDENT) == 0 ||
         g_strcmp0 (kind, WB_KIND_FOLLOWUP) == 0 || g_strcmp0 (kind, WB_KIND_TIMELINE) == 0 ||
         is_case_id_only_kind (kind);
}

/* The case of a record the inbox does not show: only its case id is read
 * (documented record format, see wb-record-private.h). */
static gboolean
read_case_id_only (const char *kind,
                   GBytes     *plain,
                   WbRecordId *out_case)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT,
                                                                        plain, FALSE));
  const char *record_kind = NULL;
  const char *case_id = NULL;

  return g_variant_lookup (v, "wb-kind", "&s", &record_kind) &&
         g_strcmp0 (record_kind, kind) == 0 &&
         g_variant_lookup (v, "case-id", "&s", &case_id) &&
         wb_record_id_from_string (case_id, out_case);
}

static void
builder_add_child (Builder              *b,
                   const char           *kind,
                   const WbRecordId     *id,
                   const WbRecordFields *f,
                   gboolean              with_description)
{
  if (g_str_equal (kind, WB_KIND_PERSON))
    builder_add_person (b, id, f);
  else if (g_str_equal (kind, WB_KIND_INCIDENT))
    builder_add_incident (b, f, with_description);
  else if (g_str_equal (kind, WB_KIND_FOLLOWUP))
    builder_add_follow_up (b, f);
  else if (!is_case_id_only_kind (kind))
    builder_add_timeline (b, f);
}

/* Gives the builder for a case, or NULL to only learn the case. */
typedef Builder *(*BuilderFor) (const WbRecordId *case_id,
                                gboolean         *with_description,
                                gpointer          data);

/* Parses a child record once: the case it points at, and what it adds to
 * that case's builder. */
static gboolean
read_child_fields (const char       *kind,
                   const WbRecordId *id,
                   GBytes           *plain,
                   WbRecordId       *out_case,
                   BuilderFor        builder_for,
                   gpointer          data)
{
  /* Cleared even when it returns before reading. */
  g_auto(WbRecordFields) f = { 0 };
  gboolean with_description = FALSE;
  Builder *b;

  if (!is_child_kind (kind) || !wb_record_fields_read (&f, kind, plain) || !f.has_case_id)
    return FALSE;
  *out_case = f.case_id;
  if (builder_for == NULL || (b = builder_for (out_case, &with_description, data)) == NULL)
    return TRUE;
  builder_add_child (b, kind, id, &f, with_description);
  return TRUE;
}

static gboolean
read_child (const char       *kind,
            const WbRecordId *id,
            GBytes           *plain,
            WbRecordId       *out_case,
            BuilderFor        builder_for,
            gpointer          data)
{
  if (is_case_id_only_kind (kind))
    return read_case_id_only (kind, plain, out_case);
  return read_child_fields (kind, id, plain, out_case, builder_for, data);
}

/* Entries */

static guint
id_hash (gconstpointer key)
{
  guint h;

  /* Record ids are random: their first bytes are a hash already. */
  memcpy (&h, key, sizeof h);
  return h;
}

static gboolean
id_equal (gconstpointer a,
          gconstpointer b)
{
  return memcmp (a, b, WB_RECORD_ID_LEN) == 0;
}

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->children);
  wb_case_row_unref (e->row);
  builder_free (e->builder);
  g_free (e);
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (id_hash, id_equal, g_free, NULL);
}

static Entry *
entry_get (WbCaseIndex      *index,
           const WbRecordId *case_id)
{
  Entry *e = g_hash_table_lookup (index->entries, case_id);

  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->id = *case_id;
      /* &e->id == e: a set, one pointer per bucket instead of two. */
      g_hash_table_add (index->entries, e);
    }
  return e;
}

static void
entry_remove_child_at (Entry *e,
                       guint  i)
{
  e->children[i] = e->children[--e->n_children];
}

static gboolean
entry_remove_child (Entry            *e,
                    const WbRecordId *child)
{
  for (guint i = 0; i < e->n_children; i++)
    if (id_equal (&e->children[i], child))
      {
        entry_remove_child_at (e, i);
        return TRUE;
      }
  return FALSE;
}

/* Grows by a few ids at a time: a case has about ten. */
static void
entry_append_child (Entry            *e,
                    const WbRecordId *child)
{
  if (e->n_children == e->n_alloc)
    {
      e->n_alloc += 4;
      e->children = g_renew (WbRecordId, e->children, e->n_alloc);
    }
  e->children[e->n_children++] = *child;
}

static void
entry_trim_children (Entry *e)
{
  if (e->n_alloc > e->n_children)
    {
      e->n_alloc = e->n_children;
      e->children = g_renew (WbRecordId, e->children, e->n_alloc);
    }
}

static void
entry_add_child (Entry            *e,
                 const WbRecordId *child)
{
  for (guint i = 0; i < e->n_children; i++)
    if (id_equal (&e->children[i], child))
      return;
  entry_append_child (e, child);
}

/* Build at unlock */

/* On a pool thread (wb-record-scan.c): only parses. */
static gboolean
build_parse_cb (const char     *kind,
                GBytes         *plain,
                WbRecordFields *f)
{
  if (is_case_id_only_kind (kind))
    {
      memset (f, 0, sizeof *f);
      return (f->has_case_id = read_case_id_only (kind, plain, &f->case_id));
    }
  if (!wb_record_fields_read (f, kind, plain))
    return FALSE;
  return g_str_equal (kind, WB_KIND_CASE) || (is_child_kind (kind) && f->has_case_id);
}

static void
build_merge_cb (const char       *kind,
                const WbRecordId *id,
                WbRecordFields   *f,
                gpointer          user_data)
{
  WbCaseIndex *index = user_data;
  Entry *e;

  if (f == NULL)
    {
      index->n_damaged++;
      return;
    }
  e = entry_get (index, g_str_equal (kind, WB_KIND_CASE) ? id : &f->case_id);
  if (e->builder == NULL)
    e->builder = builder_new ();
  if (g_str_equal (kind, WB_KIND_CASE))
    builder_add_case (e->builder, f);
  else
    {
      builder_add_child (e->builder, kind, id, f, index->with_descriptions);
      entry_append_child (e, id);
    }
}

static WbCaseIndex *
build (WbVault   *vault,
       gboolean   with_descriptions,
       GError   **error)
{
  static const char * const kinds[] = {
    WB_KIND_CASE, WB_KIND_PERSON, WB_KIND_INCIDENT, WB_KIND_FOLLOWUP, WB_KIND_TIMELINE,
    WB_KIND_NEEDS, WB_KIND_CONSENT,
  };
  g_autoptr(WbCaseIndex) index = g_new0 (WbCaseIndex, 1);
  GHashTableIter iter;
  Entry *e;

  index->with_descriptions = with_descriptions;
  index->entries = g_hash_table_new_full (id_hash, id_equal, NULL, entry_free);
  if (!wb_record_scan (vault, kinds, G_N_ELEMENTS (kinds), build_parse_cb, build_merge_cb,
                       index, error))
    return NULL;

  g_hash_table_iter_init (&iter, index->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    {
      if (e->builder && e->builder->has_case)
        e->row = builder_finish (e->builder, &e->id);
      g_clear_pointer (&e->builder, builder_free);
      entry_trim_children (e);
    }
  return g_steal_pointer (&index);
}

/**
 * wb_case_index_build:
 * @vault: an unlocked vault
 *
 * Reads every case and what points at it. A record that cannot be opened
 * or parsed is left out and counted (wb_case_index_get_n_damaged()); a
 * damaged case has no row. Rows carry the incidents' descriptions as
 * shown (for `weerbaar-cli cases list`).
 */
WbCaseIndex *
wb_case_index_build (WbVault  *vault,
                     GError  **error)
{
  return build (vault, TRUE, error);
}

/**
 * wb_case_index_build_for_inbox:
 *
 * Like wb_case_index_build(), but a row's description is empty: the inbox
 * does not show it, and it is searched in the folded search text. Keeps
 * an index of 100,000 cases about 15 MB smaller.
 */
WbCaseIndex *
wb_case_index_build_for_inbox (WbVault  *vault,
                               GError  **error)
{
  return build (vault, FALSE, error);
}

void
wb_case_index_free (WbCaseIndex *index)
{
  if (index == NULL)
    return;
  g_clear_pointer (&index->entries, g_hash_table_unref);
  g_free (index);
}

guint
wb_case_index_get_n_rows (WbCaseIndex *index)
{
  GHashTableIter iter;
  Entry *e;
  guint n = 0;

  g_hash_table_iter_init (&iter, index->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    n += e->row != NULL;
  return n;
}

guint
wb_case_index_get_n_damaged (WbCaseIndex *index)
{
  return index->n_damaged;
}

GPtrArray *
wb_case_index_dup_rows (WbCaseIndex *index)
{
  GPtrArray *rows = g_ptr_array_new_full (g_hash_table_size (index->entries),
                                          (GDestroyNotify) wb_case_row_unref);
  GHashTableIter iter;
  Entry *e;

  g_hash_table_iter_init (&iter, index->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    if (e->row)
      g_ptr_array_add (rows, wb_case_row_ref (e->row));
  return rows;
}

/* The ids of the person, incident, needs, consent, follow-up and timeline
 * records that point at a case (for the case page); NULL for an unknown case. */
GArray *
wb_case_index_dup_children (WbCaseIndex      *index,
                            const WbRecordId *case_id)
{
  Entry *e = g_hash_table_lookup (index->entries, case_id);

  if (e == NULL)
    return NULL;
  return g_array_append_vals (g_array_sized_new (FALSE, FALSE, sizeof (WbRecordId), e->n_children),
                              e->children, e->n_children);
}

/* Changes */

WbCaseIndexChange *
wb_case_index_change_new (void)
{
  WbCaseIndexChange *change = g_new0 (WbCaseIndexChange, 1);

  change->affected = id_set_new ();
  change->moves = g_array_new (FALSE, FALSE, sizeof (Move));
  return change;
}

void
wb_case_index_change_free (WbCaseIndexChange *change)
{
  if (change == NULL)
    return;
  g_hash_table_unref (change->affected);
  g_array_unref (change->moves);
  g_free (change);
}

static void
affect (WbCaseIndexChange *change,
        const WbRecordId  *case_id)
{
  g_hash_table_add (change->affected, g_memdup2 (case_id, sizeof *case_id));
}

/* The case a child points at now, from the stored record; a damaged one
 * is looked for in the entries instead. */
static gboolean
stored_case_of (WbCaseIndex      *index,
                WbVault          *vault,
                const WbRecordId *child,
                char            **out_kind,
                WbRecordId       *out_case)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(GBytes) plain = wb_vault_get (vault, child, &kind, &error);
  GHashTableIter iter;
  Entry *e;

  if (plain != NULL)
    {
      if (out_kind)
        *out_kind = g_strdup (kind);
      if (g_str_equal (kind, WB_KIND_CASE))
        return FALSE;
      if (read_child (kind, child, plain, out_case, NULL, NULL))
        return TRUE;
    }
  else if (g_error_matches (error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND))
    return FALSE;

  g_hash_table_iter_init (&iter, index->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &e))
    for (guint i = 0; i < e->n_children; i++)
      if (id_equal (&e->children[i], child))
        {
          *out_case = e->id;
          return TRUE;
        }
  return FALSE;
}

/* Called inside the transaction, before the record is written. */
void
wb_case_index_note_put (WbCaseIndex       *index,
                        WbVault           *vault,
                        WbCaseIndexChange *change,
                        const char        *kind,
                        const WbRecordId  *id,
                        GBytes            *plaintext)
{
  Move m = { 0 };

  if (g_strcmp0 (kind, WB_KIND_CASE) == 0)
    {
      affect (change, id);
      return;
    }
  if (!is_child_kind (kind))
    return;
  m.child = *id;
  m.has_old = stored_case_of (index, vault, id, NULL, &m.old_case);
  m.has_new = read_child (kind, id, plaintext, &m.new_case, NULL, NULL);
  if (m.has_old)
    affect (change, &m.old_case);
  if (m.has_new)
    affect (change, &m.new_case);
  if (m.has_old || m.has_new)
    g_array_append_val (change->moves, m);
}

/* Called inside the transaction, before the record is deleted. */
void
wb_case_index_note_delete (WbCaseIndex       *index,
                           WbVault           *vault,
                           WbCaseIndexChange *change,
                           const WbRecordId  *id)
{
  g_autofree char *kind = NULL;
  Move m = { 0 };

  m.child = *id;
  m.has_old = stored_case_of (index, vault, id, &kind, &m.old_case);
  if (g_strcmp0 (kind, WB_KIND_CASE) == 0 || g_hash_table_contains (index->entries, id))
    affect (change, id);
  if (m.has_old)
    {
      affect (change, &m.old_case);
      g_array_append_val (change->moves, m);
    }
}

typedef struct
{
  const WbRecordId *case_id;
  Builder          *builder;
  gboolean          with_descriptions;
} Rebuild;

static Builder *
rebuild_builder_for (const WbRecordId *case_id,
                     gboolean         *with_description,
                     gpointer          data)
{
  Rebuild *rb = data;

  *with_description = rb->with_descriptions;
  return id_equal (case_id, rb->case_id) ? rb->builder : NULL;
}

static WbCaseRow *
rebuild (WbCaseIndex *index,
         WbVault     *vault,
         Entry       *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *kind = NULL;
  Builder *b = builder_new ();
  WbCaseRow *row = NULL;
  Rebuild rb = { &e->id, b, index->with_descriptions };
  guint i = 0;

  plain = wb_vault_get (vault, &e->id, &kind, &error);
  if (plain != NULL && g_str_equal (kind, WB_KIND_CASE))
    {
      g_auto(WbRecordFields) f;

      if (wb_record_fields_read (&f, WB_KIND_CASE, plain))
        builder_add_case (b, &f);
    }

  while (i < e->n_children)
    {
      const WbRecordId *child = &e->children[i];
      g_autoptr(GError) child_error = NULL;
      g_autoptr(GBytes) child_plain = NULL;
      g_autofree char *child_kind = NULL;
      WbRecordId case_id;

      child_plain = wb_vault_get (vault, child, &child_kind, &child_error);
      if (child_plain == NULL && g_error_matches (child_error, WB_STORE_ERROR, WB_STORE_ERROR_NOT_FOUND))
        {
          entry_remove_child_at (e, i);
          continue;
        }
      if (child_plain == NULL ||
          !read_child (child_kind, child, child_plain, &case_id, rebuild_builder_for, &rb))
        {
          b->n_damaged++;
          i++;
          continue;
        }
      if (!id_equal (&case_id, &e->id))
        {
          entry_remove_child_at (e, i);
          continue;
        }
      i++;
    }

  if (b->has_case)
    row = builder_finish (b, &e->id);
  builder_free (b);
  return row;
}

/**
 * wb_case_index_apply:
 *
 * After the commit: moves children between cases and re-reads every case
 * that was touched.
 *
 * Returns: (transfer container): #WbCaseIndexUpdate items, one per case
 */
GPtrArray *
wb_case_index_apply (WbCaseIndex       *index,
                     WbVault           *vault,
                     WbCaseIndexChange *change)
{
  GPtrArray *updates = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_case_index_update_free);
  GHashTableIter iter;
  WbRecordId *case_id;

  for (guint i = 0; i < change->moves->len; i++)
    {
      Move *m = &g_array_index (change->moves, Move, i);
      Entry *old = m->has_old ? g_hash_table_lookup (index->entries, &m->old_case) : NULL;

      if (old)
        entry_remove_child (old, &m->child);
    }
  for (guint i = 0; i < change->moves->len; i++)
    {
      Move *m = &g_array_index (change->moves, Move, i);

      if (m->has_new)
        entry_add_child (entry_get (index, &m->new_case), &m->child);
    }

  g_hash_table_iter_init (&iter, change->affected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &case_id, NULL))
    {
      Entry *e = entry_get (index, case_id);
      WbCaseIndexUpdate *u = g_new0 (WbCaseIndexUpdate, 1);

      g_clear_pointer (&e->row, wb_case_row_unref);
      e->row = rebuild (index, vault, e);
      u->case_id = wb_record_id_to_string (case_id);
      u->row = e->row ? wb_case_row_ref (e->row) : NULL;
      g_ptr_array_add (updates, u);
      if (e->row == NULL && e->n_children == 0)
        g_hash_table_remove (index->entries, case_id);
    }
  return updates;
}

void
wb_case_index_update_free (WbCaseIndexUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->case_id);
  wb_case_row_unref (update->row);
  g_free (update);
}
