/* wb-timeline-entry.c: one entry in the timeline of a case, with its edit history.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-timeline-entry.h"
#include "wb-core-error.h"
#include "wb-record-id.h"
#include "wb-record-private.h"
#include "wb-validation-private.h"

#define RECORD_KIND "timeline-entry"

struct _WbTimelineEntry
{
  GObject parent_instance;

  char              *id;
  char              *case_id;
  WbTimelineKind     kind;
  WbContactChannel   contact_channel;
  char              *author;
  GDateTime         *time;
  char              *text;
  char              *editor;
  GDateTime         *edited_at;

  /* Earlier versions of the text, oldest first. */
  GPtrArray *history;
};

G_DEFINE_FINAL_TYPE (WbTimelineEntry, wb_timeline_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_KIND,
  PROP_CONTACT_CHANNEL,
  PROP_AUTHOR,
  PROP_TIME,
  PROP_TEXT,
  PROP_EDITOR,
  PROP_EDITED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is written to storage, and what a stored record must have. */
static const char * const record_properties[] = {
  "id",
  "case-id",
  "kind",
  "contact-channel",
  "author",
  "time",
  "text",
  "editor",
  "edited-at",
  NULL
};
static const char * const required_properties[] = {
  "id",
  "time",
  NULL
};

static void
wb_timeline_entry_constructed (GObject *object)
{
  WbTimelineEntry *self = (WbTimelineEntry *) object;

  if (self->id == NULL || *self->id == '\0')
    {
      g_free (self->id);
      self->id = wb_record_id_new ();
    }

  G_OBJECT_CLASS (wb_timeline_entry_parent_class)->constructed (object);
}

static void
wb_timeline_entry_finalize (GObject *object)
{
  WbTimelineEntry *self = (WbTimelineEntry *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->author);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->text);
  g_free (self->editor);
  g_clear_pointer (&self->edited_at, g_date_time_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (wb_timeline_entry_parent_class)->finalize (object);
}

static void
wb_timeline_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WbTimelineEntry *self = WB_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CONTACT_CHANNEL:
      g_value_set_enum (value, self->contact_channel);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_EDITOR:
      g_value_set_string (value, self->editor);
      break;

    case PROP_EDITED_AT:
      g_value_set_boxed (value, self->edited_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_timeline_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WbTimelineEntry *self = WB_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_CASE_ID:
      wb_timeline_entry_set_case_id (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      wb_timeline_entry_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CONTACT_CHANNEL:
      wb_timeline_entry_set_contact_channel (self, g_value_get_enum (value));
      break;

    case PROP_AUTHOR:
      wb_timeline_entry_set_author (self, g_value_get_string (value));
      break;

    case PROP_TIME:
      wb_timeline_entry_set_time (self, g_value_get_boxed (value));
      break;

    case PROP_TEXT:
      wb_timeline_entry_set_text (self, g_value_get_string (value));
      break;

    case PROP_EDITOR:
      wb_timeline_entry_set_editor (self, g_value_get_string (value));
      break;

    case PROP_EDITED_AT:
      wb_timeline_entry_set_edited_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wb_timeline_entry_class_init (WbTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wb_timeline_entry_constructed;
  object_class->finalize = wb_timeline_entry_finalize;
  object_class->get_property = wb_timeline_entry_get_property;
  object_class->set_property = wb_timeline_entry_set_property;

  /* Random and fixed: given at construction, or made then. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       WB_TYPE_TIMELINE_KIND,
                       WB_TIMELINE_KIND_NOTE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTACT_CHANNEL] =
    g_param_spec_enum ("contact-channel", NULL, NULL,
                       WB_TYPE_CONTACT_CHANNEL,
                       WB_CONTACT_CHANNEL_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* The account id of who wrote the entry. */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* When it happened. */
  properties[PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The account id of who last changed the text, or NULL if never edited. */
  properties[PROP_EDITOR] =
    g_param_spec_string ("editor", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* When the text was last changed, or NULL if never edited. */
  properties[PROP_EDITED_AT] =
    g_param_spec_boxed ("edited-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wb_timeline_entry_init (WbTimelineEntry *self)
{
  self->kind = WB_TIMELINE_KIND_NOTE;
  self->contact_channel = WB_CONTACT_CHANNEL_NONE;
  self->time = g_date_time_new_now_utc ();
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) wb_timeline_revision_free);
}

WbTimelineEntry *
wb_timeline_entry_new (void)
{
  return g_object_new (WB_TYPE_TIMELINE_ENTRY, NULL);
}

const char *
wb_timeline_entry_get_id (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->id;
}

const char *
wb_timeline_entry_get_case_id (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->case_id;
}

void
wb_timeline_entry_set_case_id (WbTimelineEntry *self,
                               const char      *case_id)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (wb_set_str (&self->case_id, case_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

WbTimelineKind
wb_timeline_entry_get_kind (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), 0);

  return self->kind;
}

void
wb_timeline_entry_set_kind (WbTimelineEntry *self,
                            WbTimelineKind   kind)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

WbContactChannel
wb_timeline_entry_get_contact_channel (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), 0);

  return self->contact_channel;
}

void
wb_timeline_entry_set_contact_channel (WbTimelineEntry  *self,
                                       WbContactChannel  contact_channel)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (self->contact_channel == contact_channel)
    return;

  self->contact_channel = contact_channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_CHANNEL]);
}

const char *
wb_timeline_entry_get_author (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->author;
}

void
wb_timeline_entry_set_author (WbTimelineEntry *self,
                              const char      *author)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (wb_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

GDateTime *
wb_timeline_entry_get_time (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->time;
}

void
wb_timeline_entry_set_time (WbTimelineEntry *self,
                            GDateTime       *time)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (wb_set_date_time (&self->time, time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

const char *
wb_timeline_entry_get_text (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->text;
}

void
wb_timeline_entry_set_text (WbTimelineEntry *self,
                            const char      *text)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (wb_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
wb_timeline_entry_get_editor (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->editor;
}

void
wb_timeline_entry_set_editor (WbTimelineEntry *self,
                              const char      *editor)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (wb_set_str (&self->editor, editor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
}

GDateTime *
wb_timeline_entry_get_edited_at (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->edited_at;
}

void
wb_timeline_entry_set_edited_at (WbTimelineEntry *self,
                                 GDateTime       *edited_at)
{
  g_return_if_fail (WB_IS_TIMELINE_ENTRY (self));

  if (wb_set_date_time (&self->edited_at, edited_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED_AT]);
}

/**
 * wb_timeline_entry_get_history:
 * @self: a #WbTimelineEntry
 *
 * Returns: (transfer none) (element-type WbTimelineRevision): the earlier
 *   versions of the text, oldest first; each holds who wrote that version
 *   and when
 */
GPtrArray *
wb_timeline_entry_get_history (WbTimelineEntry *self)
{
  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  return self->history;
}

/**
 * wb_timeline_entry_edit:
 * @self: a #WbTimelineEntry
 * @text: the new text
 * @editor: (nullable): the account id of who changes it
 * @when: (nullable): when, or %NULL for now
 *
 * Changes the text of a saved entry, keeping the current version in the
 * history. Use this rather than wb_timeline_entry_set_text() once an entry
 * has been saved.
 *
 * Returns: whether the text changed
 */
gboolean
wb_timeline_entry_edit (WbTimelineEntry *self,
                        const char      *text,
                        const char      *editor,
                        GDateTime       *when)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *written_at;
  const char *written_by;

  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_strcmp0 (self->text, text) == 0)
    return FALSE;

  if (when == NULL)
    when = now = g_date_time_new_now_utc ();

  /* The version being replaced was written by the last editor, or else by
   * the author when the entry was made. */
  written_at = self->edited_at != NULL ? self->edited_at : self->time;
  if (written_at == NULL)
    written_at = when;
  written_by = self->edited_at != NULL ? self->editor : self->author;

  g_ptr_array_add (self->history,
                   wb_timeline_revision_new (self->text != NULL ? self->text : "",
                                             written_at, written_by));

  g_object_freeze_notify (G_OBJECT (self));
  wb_timeline_entry_set_text (self, text);
  wb_timeline_entry_set_editor (self, editor);
  wb_timeline_entry_set_edited_at (self, when);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/**
 * wb_timeline_entry_serialize:
 * @self: a #WbTimelineEntry
 *
 * Returns: (transfer full): the timeline entry as an a{sv} GVariant, for the store to seal
 */
GBytes *
wb_timeline_entry_serialize (WbTimelineEntry *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), NULL);

  wb_record_builder_init (&builder, RECORD_KIND);
  wb_record_builder_add_props (&builder, G_OBJECT (self), record_properties);

  {
    GVariantBuilder history;

    g_variant_builder_init (&history, G_VARIANT_TYPE ("a(sxs)"));
    for (guint i = 0; i < self->history->len; i++)
      {
        WbTimelineRevision *revision = g_ptr_array_index (self->history, i);
        g_autoptr(GVariant) at = g_variant_ref_sink (wb_date_time_to_variant (revision->edited_at));

        g_variant_builder_add (&history, "(sxs)",
                               revision->text,
                               g_variant_get_int64 (at),
                               revision->editor != NULL ? revision->editor : "");
      }
    g_variant_builder_add (&builder, "{sv}", "history", g_variant_builder_end (&history));
  }

  return wb_record_builder_end (&builder);
}

/**
 * wb_timeline_entry_deserialize:
 * @bytes: bytes from wb_timeline_entry_serialize()
 * @error: return location for a %WB_CORE_ERROR_FORMAT or
 *   %WB_CORE_ERROR_UNSUPPORTED_VERSION error
 *
 * Unknown fields are ignored; a missing required field, a field of the wrong
 * type or an unknown enumeration value is an error.
 *
 * Returns: (transfer full) (nullable): the timeline entry
 */
WbTimelineEntry *
wb_timeline_entry_deserialize (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(GVariant) record = NULL;
  g_autoptr(WbTimelineEntry) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = wb_record_open (bytes, RECORD_KIND, error);
  if (record == NULL)
    return NULL;

  self = wb_record_new_object (WB_TYPE_TIMELINE_ENTRY, record,
                               record_properties, required_properties, error);
  if (self == NULL)
    return NULL;


  {
    g_autoptr(GVariant) history = NULL;
    g_autoptr(GError) local_error = NULL;
    GVariantIter iter;
    const char *text;
    const char *editor;
    gint64 usec;

    history = wb_record_lookup (record, "history", G_VARIANT_TYPE ("a(sxs)"), &local_error);
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }

    if (history != NULL)
      {
        g_variant_iter_init (&iter, history);
        while (g_variant_iter_next (&iter, "(&sx&s)", &text, &usec, &editor))
          {
            g_autoptr(GVariant) at_v = g_variant_ref_sink (g_variant_new_int64 (usec));
            g_autoptr(GDateTime) at = wb_date_time_from_variant (at_v);

            if (at == NULL)
              {
                g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_FORMAT,
                             _("The stored record has an impossible date in “%s”."),
                             "history");
                return NULL;
              }
            g_ptr_array_add (self->history,
                             wb_timeline_revision_new (text, at, *editor != '\0' ? editor : NULL));
          }
      }
  }

  return g_steal_pointer (&self);
}

/**
 * wb_timeline_entry_validate:
 * @self: a #WbTimelineEntry
 * @issues: (nullable) (element-type WbValidationIssue): an array from
 *   wb_validation_issues_new() to add an issue to for each broken rule
 *
 * Returns: whether the timeline entry may be saved
 */
gboolean
wb_timeline_entry_validate (WbTimelineEntry *self,
                            GPtrArray       *issues)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), FALSE);

  ok &= wb_check_record_id (issues, "id", self->id, _("The record has no id."));

  ok &= wb_check_record_id (issues, "case-id", self->case_id, NULL);

  if (self->kind == WB_TIMELINE_KIND_CONTACT && self->contact_channel == WB_CONTACT_CHANNEL_NONE)
    ok = wb_issue_add (issues, "contact-channel", _("Choose how the contact took place."));

  ok &= wb_check_record_id (issues, "author", self->author, _("The entry has no author."));
  ok &= wb_check_record_id (issues, "editor", self->editor, NULL);

  if (self->time == NULL)
    ok = wb_issue_add (issues, "time", _("Enter when this happened."));

  ok &= wb_check_text (issues, "text", self->text, WB_TEXT_MAX_CHARS,
                       WB_TEXT_REQUIRED | WB_TEXT_MULTILINE, _("Enter the text of the entry."));

  return ok;
}

/**
 * wb_timeline_entry_check:
 * @self: a #WbTimelineEntry
 * @error: return location for a %WB_CORE_ERROR_INVALID error holding the
 *   messages of all issues
 *
 * Returns: whether the timeline entry may be saved
 */
gboolean
wb_timeline_entry_check (WbTimelineEntry  *self,
                         GError          **error)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (WB_IS_TIMELINE_ENTRY (self), FALSE);

  issues = wb_validation_issues_new ();
  wb_timeline_entry_validate (self, issues);

  return wb_validation_issues_to_error (issues, error);
}
