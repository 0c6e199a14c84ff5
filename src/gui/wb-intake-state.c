/* wb-intake-state.c: the wizard's fields as a sealed draft: saved before a lock or close, resumed from the inbox.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft keeps the fields as typed (not trimmed, not validated), the step
 * and which fields were touched, so a resumed intake looks exactly as it
 * was left. It is only ever written through the store, sealed; nothing of
 * it goes to a file or to GSettings.
 */
#include "config.h"

#include "wb-intake-page-private.h"
#include "wb-store-drafts.h"

/* Capturing */

static void
add_string (GVariantBuilder *b,
            const char      *key,
            const char      *value)
{
  g_variant_builder_add (b, "{sv}", key, g_variant_new_string (value ? value : ""));
}

static void
add_entry (GVariantBuilder *b,
           const char      *key,
           GtkEntry        *entry)
{
  add_string (b, key, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
add_text (GVariantBuilder *b,
          const char      *key,
          GtkTextView     *view)
{
  g_autofree char *text = wb_text_view_dup_text (view);

  add_string (b, key, text);
}

static void
add_bool (GVariantBuilder *b,
          const char      *key,
          GtkCheckButton  *check)
{
  g_variant_builder_add (b, "{sv}", key, g_variant_new_boolean (gtk_check_button_get_active (check)));
}

static void
add_uint (GVariantBuilder *b,
          const char      *key,
          guint            value)
{
  g_variant_builder_add (b, "{sv}", key, g_variant_new_uint32 (value));
}

static guint
flags_of (GPtrArray *checks)
{
  guint flags = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      flags |= GPOINTER_TO_UINT (g_object_get_data (g_ptr_array_index (checks, i), "wb-flag"));
  return flags;
}

/* Returns: (transfer full): the fields of the wizard as an a{sv} */
GVariant *
wb_intake_form_capture (WbIntakePage *self)
{
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  GVariantBuilder b;
  GHashTableIter iter;
  gpointer key;
  const char *contact = wb_intake_form_contact_id (self);

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  add_bool (&b, "acute", self->acute);
  add_entry (&b, "name", self->name);
  add_uint (&b, "role", gtk_drop_down_get_selected (self->role));
  if (self->municipality != NULL)
    add_string (&b, "municipality", self->municipality);
  add_uint (&b, "association", gtk_drop_down_get_selected (self->association));
  add_entry (&b, "party", self->party);
  add_entry (&b, "phone", self->phone);
  add_entry (&b, "email", self->email);
  add_entry (&b, "callback-times", self->callback_times);
  add_uint (&b, "callback-channel", gtk_drop_down_get_selected (self->callback_channel));
  add_uint (&b, "referred-by", gtk_drop_down_get_selected (self->referred_by));
  add_uint (&b, "types", flags_of (self->type_checks));
  add_uint (&b, "channels", flags_of (self->channel_checks));
  add_uint (&b, "targets", flags_of (self->target_checks));
  add_entry (&b, "date", self->date);
  add_entry (&b, "end-date", self->end_date);
  add_bool (&b, "ongoing", self->ongoing);
  add_text (&b, "description", self->description);
  add_bool (&b, "perpetrator-known", self->perpetrator_known);
  add_bool (&b, "family-involved", self->family_involved);
  add_bool (&b, "police-informed", self->police_informed);
  add_uint (&b, "police-report", gtk_drop_down_get_selected (self->police_report));
  add_text (&b, "measures", self->measures);
  add_uint (&b, "urgency", gtk_drop_down_get_selected (self->urgency));
  g_variant_builder_add (&b, "{sv}", "urgency-chosen", g_variant_new_boolean (self->urgency_chosen));
  add_entry (&b, "override-reason", self->override_reason);
  add_uint (&b, "needs", flags_of (self->need_checks));
  add_text (&b, "details", self->details);
  add_bool (&b, "consent-store", self->consent_store);
  add_bool (&b, "consent-share", self->consent_share);
  add_uint (&b, "retention", gtk_spin_button_get_value_as_int (self->retention));
  if (contact != NULL)
    add_string (&b, "contact", contact);
  add_uint (&b, "plan", gtk_drop_down_get_selected (self->plan));
  g_variant_builder_add (&b, "{sv}", "follow-ups", wb_intake_followups_capture (self));

  g_hash_table_iter_init (&iter, self->chosen_partners);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (touched, key);
  g_ptr_array_add (touched, NULL);
  g_variant_builder_add (&b, "{sv}", "partners",
                         g_variant_new_strv ((const char * const *) touched->pdata, -1));
  g_ptr_array_set_size (touched, 0);

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (touched, key);
  g_ptr_array_add (touched, NULL);
  g_variant_builder_add (&b, "{sv}", "touched",
                         g_variant_new_strv ((const char * const *) touched->pdata, -1));
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

/* Restoring */

static void
set_entry (GVariant   *fields,
           const char *key,
           GtkEntry   *entry)
{
  const char *text = "";

  g_variant_lookup (fields, key, "&s", &text);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
set_text (GVariant    *fields,
          const char  *key,
          GtkTextView *view)
{
  const char *text = "";

  g_variant_lookup (fields, key, "&s", &text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
set_bool (GVariant       *fields,
          const char     *key,
          GtkCheckButton *check)
{
  gboolean value;

  if (g_variant_lookup (fields, key, "b", &value))
    gtk_check_button_set_active (check, value);
}

/* A stored choice past the end of the list (from another version) is
 * left at its default. */
static void
set_choice (GVariant    *fields,
            const char  *key,
            GtkDropDown *drop_down)
{
  guint32 value;

  if (g_variant_lookup (fields, key, "u", &value)
      && value < g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)))
    gtk_drop_down_set_selected (drop_down, value);
}

static void
set_flags (GVariant   *fields,
           const char *key,
           GPtrArray  *checks)
{
  guint32 flags = 0;

  g_variant_lookup (fields, key, "u", &flags);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      guint flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "wb-flag"));

      gtk_check_button_set_active (check, (flags & flag) != 0);
    }
}

/* Selects the contact person by account id, once the accounts are known. */
void
wb_intake_form_select_contact (WbIntakePage *self)
{
  char **ids = g_object_get_data (G_OBJECT (self->contact), "wb-ids");

  if (self->pending_contact == NULL || ids == NULL)
    return;
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], self->pending_contact))
      {
        self->updating++;
        gtk_drop_down_set_selected (self->contact, i + 1);
        self->updating--;
        g_clear_pointer (&self->pending_contact, g_free);
        return;
      }
}

/* Fills the (cleared) wizard from @fields, as it was captured. */
void
wb_intake_form_restore (WbIntakePage *self,
                        GVariant     *fields)
{
  const char *municipality = NULL;
  const char *contact = NULL;
  g_autofree const char **touched = NULL;
  g_autofree const char **partners = NULL;
  guint32 retention;
  gboolean chosen = FALSE;

  self->updating++;
  set_bool (fields, "acute", self->acute);
  set_entry (fields, "name", self->name);
  set_choice (fields, "role", self->role);
  /* The role sets the association: restore that after it. */
  set_choice (fields, "association", self->association);
  if (g_variant_lookup (fields, "municipality", "&s", &municipality)
      && wb_regions_lookup (municipality) != NULL)
    {
      g_free (self->municipality);
      self->municipality = g_strdup (municipality);
    }
  wb_intake_form_show_municipality (self);
  set_entry (fields, "party", self->party);
  set_entry (fields, "phone", self->phone);
  set_entry (fields, "email", self->email);
  set_entry (fields, "callback-times", self->callback_times);
  set_choice (fields, "callback-channel", self->callback_channel);
  set_choice (fields, "referred-by", self->referred_by);
  set_flags (fields, "types", self->type_checks);
  set_flags (fields, "channels", self->channel_checks);
  set_flags (fields, "targets", self->target_checks);
  set_entry (fields, "date", self->date);
  set_entry (fields, "end-date", self->end_date);
  set_bool (fields, "ongoing", self->ongoing);
  set_text (fields, "description", self->description);
  set_bool (fields, "perpetrator-known", self->perpetrator_known);
  set_bool (fields, "family-involved", self->family_involved);
  set_bool (fields, "police-informed", self->police_informed);
  set_choice (fields, "police-report", self->police_report);
  set_text (fields, "measures", self->measures);
  g_variant_lookup (fields, "urgency-chosen", "b", &chosen);
  self->urgency_chosen = chosen;
  set_choice (fields, "urgency", self->urgency);
  set_entry (fields, "override-reason", self->override_reason);
  set_flags (fields, "needs", self->need_checks);
  set_text (fields, "details", self->details);
  set_bool (fields, "consent-store", self->consent_store);
  set_bool (fields, "consent-share", self->consent_share);
  if (g_variant_lookup (fields, "retention", "u", &retention))
    gtk_spin_button_set_value (self->retention, retention);
  set_choice (fields, "plan", self->plan);
  {
    g_autoptr(GVariant) rows = g_variant_lookup_value (fields, "follow-ups", G_VARIANT_TYPE ("a(ss)"));

    if (rows != NULL)
      wb_intake_followups_restore (self, rows);
  }
  g_clear_pointer (&self->pending_contact, g_free);
  if (g_variant_lookup (fields, "contact", "&s", &contact))
    self->pending_contact = g_strdup (contact);
  wb_intake_form_select_contact (self);

  g_hash_table_remove_all (self->chosen_partners);
  if (g_variant_lookup (fields, "partners", "^a&s", &partners))
    for (guint i = 0; partners[i] != NULL; i++)
      g_hash_table_add (self->chosen_partners, g_strdup (partners[i]));
  g_clear_pointer (&self->partners_key, g_free);

  g_hash_table_remove_all (self->touched);
  if (g_variant_lookup (fields, "touched", "^a&s", &touched))
    for (guint i = 0; touched[i] != NULL; i++)
      g_hash_table_add (self->touched, g_strdup (touched[i]));
  self->updating--;
}

/* Saving and deleting */

static void
draft_put_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Only a lock racing the put can fail it; the message names no content. */
  if (!wb_store_put_draft_finish (WB_STORE (object), result, &error))
    g_debug ("The intake draft was not saved: %s", error->message);
}

/**
 * wb_intake_page_save_draft:
 *
 * Writes the wizard, when it holds anything, as a sealed draft: queued on
 * the store's worker, so it is written before a lock queued after it.
 *
 * Returns: whether a draft was queued
 */
gboolean
wb_intake_page_save_draft (WbIntakePage *self)
{
  g_autoptr(GVariant) fields = NULL;

  g_return_val_if_fail (WB_IS_INTAKE_PAGE (self), FALSE);

  /* Also while saving: should the save fail, a lock queued behind it
   * must not take the only copy of the form with it. */
  if (self->store == NULL || wb_store_get_locked (self->store) || wb_intake_page_is_pristine (self))
    return FALSE;
  if (self->draft == NULL)
    self->draft = wb_intake_draft_new ();
  fields = wb_intake_form_capture (self);
  wb_intake_draft_set_fields (self->draft, fields);
  self->draft->step = wb_intake_page_get_step (self);
  wb_intake_draft_touch (self->draft);
  self->draft_dirty = FALSE;
  wb_store_put_draft_async (self->store, self->draft, NULL, draft_put_cb, NULL);
  return TRUE;
}

static void
draft_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!wb_store_delete_draft_finish (WB_STORE (object), result, &error))
    g_debug ("The intake draft was not deleted: %s", error->message);
}

/* Forgets the draft of the wizard; @delete also removes it from the vault
 * (after a save or a discard, not on a lock). */
void
wb_intake_page_drop_draft (WbIntakePage *self,
                           gboolean      delete)
{
  if (delete && self->draft != NULL && self->store != NULL && !wb_store_get_locked (self->store))
    wb_store_delete_draft_async (self->store, self->draft->id, NULL, draft_deleted_cb, NULL);
  g_clear_pointer (&self->draft, wb_intake_draft_free);
  self->draft_dirty = FALSE;
}

/* Resuming */

typedef struct
{
  WbIntakePage *self;
  char         *id;
} Resume;

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Resume *r = user_data;
  g_autoptr(WbIntakePage) self = r->self;
  g_autofree char *id = r->id;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  g_free (r);
  drafts = wb_store_list_drafts_finish (WB_STORE (object), result, &error);
  if (drafts == NULL || wb_store_get_locked (self->store))
    return;
  for (guint i = 0; i < drafts->len; i++)
    {
      WbIntakeDraft *draft = g_ptr_array_index (drafts, i);

      if (g_str_equal (draft->id, id))
        {
          wb_intake_page_load_draft (self, g_ptr_array_steal_index (drafts, i));
          return;
        }
    }
}

/**
 * wb_intake_page_resume_draft:
 * @draft_id: the draft's record id
 *
 * Keeps what the wizard holds as a draft of its own, then opens the draft.
 */
void
wb_intake_page_resume_draft (WbIntakePage *self,
                             const char   *draft_id)
{
  Resume *r;

  g_return_if_fail (WB_IS_INTAKE_PAGE (self));
  g_return_if_fail (draft_id != NULL);

  if (self->store == NULL || wb_store_get_locked (self->store) || self->saving)
    return;
  if (self->draft == NULL || !g_str_equal (self->draft->id, draft_id))
    wb_intake_page_save_draft (self);
  r = g_new0 (Resume, 1);
  r->self = g_object_ref (self);
  r->id = g_strdup (draft_id);
  wb_store_list_drafts_async (self->store, self->cancellable, drafts_listed_cb, r);
}

/* Window actions, so the lock paths and the inbox reach the wizard */

static void
save_draft_activated_cb (GSimpleAction *action,
                         GVariant      *param,
                         WbIntakePage  *self)
{
  wb_intake_page_save_draft (self);
}

static void
resume_draft_activated_cb (GSimpleAction *action,
                           GVariant      *param,
                           WbIntakePage  *self)
{
  wb_intake_page_resume_draft (self, g_variant_get_string (param, NULL));
}

/* "win.save-draft" (before a lock or close) and "win.resume-draft" (s: the
 * draft id), in the window's action map. */
void
wb_intake_page_add_window_actions (WbIntakePage *self,
                                   GActionMap   *map)
{
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save-draft", NULL);
  g_autoptr(GSimpleAction) resume = g_simple_action_new ("resume-draft", G_VARIANT_TYPE_STRING);

  g_signal_connect_object (save, "activate", G_CALLBACK (save_draft_activated_cb), self, 0);
  g_signal_connect_object (resume, "activate", G_CALLBACK (resume_draft_activated_cb), self, 0);
  g_action_map_add_action (map, G_ACTION (save));
  g_action_map_add_action (map, G_ACTION (resume));
}
