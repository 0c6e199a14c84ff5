/* wb-case-page.c: one case: header, sections, timeline, and the actions on it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page keeps the case's objects after loading them once (one audited
 * view); a change is applied to these objects, written in one transaction,
 * and shown again, so writing does not read nor audit the case anew.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wb-a11y.h"
#include "wb-case-page-private.h"
#include "wb-store-case.h"

G_DEFINE_FINAL_TYPE (WbCasePage, wb_case_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

char *
wb_case_page_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (time);
  /* Translators: date and time in the case page, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y %H:%M"));
}

static char *
format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (time);
  /* Translators: a date in the case page, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static char *
flags_label (GType        type,
             guint        value,
             const char *(*to_label) (int))
{
  GString *s = g_string_new (NULL);

  for (guint bit = 1; bit != 0 && bit <= value; bit <<= 1)
    if (value & bit)
      {
        const char *label = to_label (bit);

        if (label == NULL)
          continue;
        if (s->len)
          g_string_append (s, ", ");
        g_string_append (s, label);
      }
  if (s->len == 0)
    g_string_append (s, "—");
  return g_string_free (s, FALSE);
}

char *
wb_case_page_dup_actor_id (WbCasePage *self)
{
  const WbVaultAccount *actor = self->store ? wb_store_get_actor (self->store) : NULL;

  return actor ? wb_record_id_to_string (&actor->id) : NULL;
}

const char *
wb_case_page_account_name (WbCasePage *self,
                           const char *account_id)
{
  if (account_id == NULL || *account_id == '\0')
    return _("Nobody");
  for (guint i = 0; self->accounts && i < self->accounts->len; i++)
    {
      const WbVaultAccount *a = g_ptr_array_index (self->accounts, i);
      g_autofree char *id = wb_record_id_to_string (&a->id);

      if (g_str_equal (id, account_id))
        return a->display_name;
    }
  return _("Former account");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : "—");
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Case text is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static void
join (GString    *s,
      const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (s->len)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

/* Rendering */

static void
render_header (WbCasePage *self)
{
  WbCase *c = self->kase;
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autofree char *contact = NULL;
  gboolean closed = wb_case_get_status (c) == WB_CASE_STATUS_CLOSED;

  gtk_label_set_text (self->title_label, wb_case_get_reference (c));
  join (sub, wb_case_status_to_label (wb_case_get_status (c)));
  join (sub, wb_urgency_to_label (wb_case_get_urgency (c)));
  /* Translators: %s is the name of the contact person of a case */
  contact = g_strdup_printf (_("Contact person: %s"),
                             wb_case_page_account_name (self, wb_case_get_assignee (c)));
  join (sub, contact);
  if (wb_case_get_association (c) != WB_ASSOCIATION_NONE)
    join (sub, wb_association_to_label (wb_case_get_association (c)));
  gtk_label_set_text (self->subtitle_label, sub->str);
  gtk_widget_set_visible (self->close_button, !closed);
  gtk_widget_set_visible (self->reopen_button, closed);
}

static void
render_people (WbCasePage *self)
{
  clear_list (self->people_list);
  for (guint i = 0; i < self->people->len; i++)
    {
      WbPerson *p = g_ptr_array_index (self->people, i);
      g_autoptr(GString) sub = g_string_new (NULL);
      const char *municipality = wb_person_get_municipality (p);

      join (sub, wb_person_relation_to_label (wb_person_get_relation (p)));
      join (sub, wb_person_role_to_label (wb_person_get_role (p)));
      if (municipality && *municipality)
        join (sub, wb_regions_get_area_name (municipality));
      join (sub, wb_person_get_party (p));
      join (sub, wb_person_get_phone (p));
      join (sub, wb_person_get_email (p));
      add_row (self->people_list, wb_person_get_name (p), sub->str);
    }
  if (self->people->len == 0)
    add_row (self->people_list, _("No people recorded"), NULL);
}

static void
render_incidents (WbCasePage *self)
{
  clear_list (self->incident_list);
  for (guint i = 0; i < self->incidents->len; i++)
    {
      WbIncident *inc = g_ptr_array_index (self->incidents, i);
      g_autofree char *types = flags_label (WB_TYPE_INCIDENT_TYPE, wb_incident_get_types (inc),
                                            (const char *(*) (int)) wb_incident_type_to_label);
      g_autofree char *channels = flags_label (WB_TYPE_INCIDENT_CHANNEL,
                                               wb_incident_get_channels (inc),
                                               (const char *(*) (int)) wb_incident_channel_to_label);
      g_autofree char *start = format_date (wb_incident_get_start (inc));
      g_autoptr(GString) sub = g_string_new (NULL);
      g_autofree char *since = NULL;

      /* Translators: %s is the date an incident started */
      since = g_strdup_printf (wb_incident_get_ongoing (inc) ? _("Since %s, ongoing") : _("On %s"),
                               start);
      join (sub, since);
      join (sub, channels);
      join (sub, wb_police_report_to_label (wb_incident_get_police_report (inc)));
      add_row (self->incident_list, types, sub->str);
      add_row (self->incident_list, wb_incident_get_description (inc), _("Description"));
    }
  if (self->incidents->len == 0)
    add_row (self->incident_list, _("No incident recorded"), NULL);
}

static void
render_needs (WbCasePage *self)
{
  clear_list (self->needs_list);
  if (self->needs)
    {
      g_autofree char *needs = flags_label (WB_TYPE_NEED, wb_needs_get_needs (self->needs),
                                            (const char *(*) (int)) wb_need_to_label);

      add_row (self->needs_list, needs, _("Needs"));
      if (wb_needs_get_details (self->needs) && *wb_needs_get_details (self->needs))
        add_row (self->needs_list, wb_needs_get_details (self->needs), _("Details"));
    }
  else
    add_row (self->needs_list, _("No needs recorded"), NULL);

  if (self->consent)
    {
      const char * const *partners = wb_consent_get_partner_ids (self->consent);
      guint n = partners ? g_strv_length ((char **) partners) : 0;
      g_autofree char *given = format_date (wb_consent_get_given_at (self->consent));
      g_autofree char *share = NULL;
      g_autofree char *stored = NULL;

      /* Translators: %s is the date consent was given */
      stored = g_strdup_printf (wb_consent_get_store (self->consent)
                                ? _("Consent to keep the data, given %s")
                                : _("No consent to keep the data (%s)"), given);
      add_row (self->needs_list, stored, _("Consent"));
      if (!wb_consent_get_share (self->consent))
        share = g_strdup (_("Data may not be shared"));
      else if (n == 0)
        share = g_strdup (_("Data may be shared; no partner chosen yet"));
      else
        share = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %u is a number of partners */
                                              "Data may be shared with %u partner",
                                              "Data may be shared with %u partners", n), n);
      add_row (self->needs_list, share, _("Sharing"));
    }
  else
    add_row (self->needs_list, _("No consent recorded"), _("Consent"));
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  GDateTime *da = wb_follow_up_get_due (*(WbFollowUp **) a);
  GDateTime *db = wb_follow_up_get_due (*(WbFollowUp **) b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_date_time_compare (da, db);
}

static void
render_followups (WbCasePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  clear_list (self->followups_list);
  g_ptr_array_sort (self->followups, compare_due);
  for (guint i = 0; i < self->followups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (self->followups, i);
      WbFollowUpState state = wb_follow_up_get_state (f);
      GDateTime *due = wb_follow_up_get_due (f);
      g_autofree char *when = wb_case_page_format_time (due);
      g_autoptr(GString) title = g_string_new (wb_follow_up_kind_to_label (wb_follow_up_get_kind (f)));
      g_autoptr(GString) sub = g_string_new (NULL);

      if (wb_follow_up_get_note (f) && *wb_follow_up_get_note (f))
        g_string_append_printf (title, ": %s", wb_follow_up_get_note (f));
      join (sub, when);
      join (sub, wb_follow_up_state_to_label (state));
      if ((state == WB_FOLLOW_UP_STATE_OPEN || state == WB_FOLLOW_UP_STATE_SNOOZED) &&
          due && g_date_time_compare (due, now) < 0)
        join (sub, _("Overdue"));
      add_row (self->followups_list, title->str, sub->str);
    }
  if (self->followups->len == 0)
    add_row (self->followups_list, _("No follow-ups"), NULL);
}

/* Partners engaged for the case: its referrals, oldest first (the timeline
 * keeps the full story, this is the overview). */
static void
render_partners (WbCasePage *self)
{
  guint n = 0;

  clear_list (self->partners_list);
  for (guint i = self->timeline->len; i > 0; i--)
    {
      WbTimelineEntry *e = g_ptr_array_index (self->timeline, i - 1);
      g_autofree char *when = NULL;
      g_autoptr(GString) sub = g_string_new (NULL);

      if (wb_timeline_entry_get_kind (e) != WB_TIMELINE_KIND_REFERRAL)
        continue;
      when = wb_case_page_format_time (wb_timeline_entry_get_time (e));
      join (sub, when);
      join (sub, wb_case_page_account_name (self, wb_timeline_entry_get_author (e)));
      add_row (self->partners_list, wb_timeline_entry_get_text (e), sub->str);
      n++;
    }
  if (n == 0)
    add_row (self->partners_list, _("No partners engaged yet"), NULL);
}

static GtkWidget *
timeline_row (WbCasePage      *self,
              WbTimelineEntry *e)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *meta, *text;
  g_autoptr(GString) m = g_string_new (NULL);
  g_autofree char *when = wb_case_page_format_time (wb_timeline_entry_get_time (e));
  GPtrArray *history = wb_timeline_entry_get_history (e);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  join (m, wb_timeline_kind_to_label (wb_timeline_entry_get_kind (e)));
  if (wb_timeline_entry_get_contact_channel (e) != WB_CONTACT_CHANNEL_NONE)
    join (m, wb_contact_channel_to_label (wb_timeline_entry_get_contact_channel (e)));
  join (m, wb_case_page_account_name (self, wb_timeline_entry_get_author (e)));
  join (m, when);
  meta = gtk_label_new (m->str);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_set_hexpand (meta, TRUE);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (top), meta);

  if (wb_timeline_entry_get_kind (e) == WB_TIMELINE_KIND_NOTE ||
      wb_timeline_entry_get_kind (e) == WB_TIMELINE_KIND_CONTACT ||
      wb_timeline_entry_get_kind (e) == WB_TIMELINE_KIND_ADVICE)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_valign (edit, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (edit, _("Edit Entry"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit Entry"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "case.edit-entry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", wb_timeline_entry_get_id (e));
      gtk_box_append (GTK_BOX (top), edit);
    }
  gtk_box_append (GTK_BOX (box), top);

  text = gtk_label_new (wb_timeline_entry_get_text (e));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), text);

  if (history && history->len > 0)
    {
      g_autofree char *edited_at = wb_case_page_format_time (wb_timeline_entry_get_edited_at (e));
      g_autofree char *edited = NULL;
      GtkWidget *label, *expander, *versions;

      /* Translators: first %s is a date and time, second %s a person's name */
      edited = g_strdup_printf (_("Edited %s by %s"), edited_at,
                                wb_case_page_account_name (self, wb_timeline_entry_get_editor (e)));
      label = gtk_label_new (edited);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);

      expander = gtk_expander_new (g_dngettext (GETTEXT_PACKAGE, "Earlier version",
                                                "Earlier versions", history->len));
      versions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_start (versions, 12);
      for (guint i = history->len; i-- > 0;)
        {
          const WbTimelineRevision *rev = g_ptr_array_index (history, i);
          g_autofree char *at = wb_case_page_format_time (rev->edited_at);
          g_autofree char *line = g_strdup_printf ("%s · %s", at,
                                                   wb_case_page_account_name (self, rev->editor));
          GtkWidget *who = gtk_label_new (line);
          GtkWidget *old = gtk_label_new (rev->text);

          gtk_label_set_xalign (GTK_LABEL (who), 0);
          gtk_widget_add_css_class (who, "dim-label");
          gtk_widget_add_css_class (who, "caption");
          gtk_label_set_xalign (GTK_LABEL (old), 0);
          gtk_label_set_wrap (GTK_LABEL (old), TRUE);
          gtk_label_set_selectable (GTK_LABEL (old), TRUE);
          gtk_box_append (GTK_BOX (versions), who);
          gtk_box_append (GTK_BOX (versions), old);
        }
      gtk_expander_set_child (GTK_EXPANDER (expander), versions);
      gtk_box_append (GTK_BOX (box), expander);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GDateTime *
entry_sort_time (WbTimelineEntry *e)
{
  return wb_timeline_entry_get_time (e);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GDateTime *ta = entry_sort_time (*(WbTimelineEntry **) a);
  GDateTime *tb = entry_sort_time (*(WbTimelineEntry **) b);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (tb, ta);
}

static void
render_timeline (WbCasePage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  clear_list (self->timeline_list);
  for (guint i = 0; i < self->timeline->len; i++)
    g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (self->timeline, i)));
  /* A finished follow-up reads as an entry of its own. */
  for (guint i = 0; i < self->followups->len; i++)
    {
      WbFollowUp *f = g_ptr_array_index (self->followups, i);
      WbTimelineEntry *e;
      g_autoptr(GString) text = NULL;

      if (wb_follow_up_get_state (f) != WB_FOLLOW_UP_STATE_DONE)
        continue;
      text = g_string_new (wb_follow_up_kind_to_label (wb_follow_up_get_kind (f)));
      if (wb_follow_up_get_outcome (f) && *wb_follow_up_get_outcome (f))
        g_string_append_printf (text, ": %s", wb_follow_up_get_outcome (f));
      e = wb_timeline_entry_new ();
      wb_timeline_entry_set_kind (e, WB_TIMELINE_KIND_FOLLOW_UP_DONE);
      wb_timeline_entry_set_time (e, wb_follow_up_get_due (f));
      wb_timeline_entry_set_author (e, wb_follow_up_get_assignee (f));
      wb_timeline_entry_set_text (e, text->str);
      g_ptr_array_add (shown, e);
    }
  g_ptr_array_sort (shown, compare_newest_first);
  for (guint i = 0; i < shown->len; i++)
    gtk_list_box_append (self->timeline_list, timeline_row (self, g_ptr_array_index (shown, i)));
  if (shown->len == 0)
    add_row (self->timeline_list, _("Nothing in the timeline yet"), NULL);
}

void
wb_case_page_render (WbCasePage *self)
{
  if (self->kase == NULL)
    return;
  g_ptr_array_sort (self->timeline, compare_newest_first);
  render_header (self);
  render_people (self);
  render_incidents (self);
  render_needs (self);
  render_followups (self);
  render_timeline (self);
  render_partners (self);
}

/* Loading */

static void
forget (WbCasePage *self)
{
  g_clear_object (&self->kase);
  g_clear_object (&self->needs);
  g_clear_object (&self->consent);
  g_ptr_array_set_size (self->people, 0);
  g_ptr_array_set_size (self->incidents, 0);
  g_ptr_array_set_size (self->followups, 0);
  g_ptr_array_set_size (self->timeline, 0);
}

static void
take_record (WbCasePage    *self,
             WbStoreRecord *r)
{
  const char *kind = r->kind;
  GBytes *b = r->plaintext;
  GObject *o = NULL;

  /* A record that does not parse is skipped; the store counts it as damaged. */
  if (g_str_equal (kind, "case"))
    {
      if (self->kase == NULL)
        self->kase = wb_case_deserialize (b, NULL);
      return;
    }
  if (g_str_equal (kind, "person") && (o = G_OBJECT (wb_person_deserialize (b, NULL))))
    g_ptr_array_add (self->people, o);
  else if (g_str_equal (kind, "incident") && (o = G_OBJECT (wb_incident_deserialize (b, NULL))))
    g_ptr_array_add (self->incidents, o);
  else if (g_str_equal (kind, "followup") && (o = G_OBJECT (wb_follow_up_deserialize (b, NULL))))
    g_ptr_array_add (self->followups, o);
  else if (g_str_equal (kind, "timeline") &&
           (o = G_OBJECT (wb_timeline_entry_deserialize (b, NULL))))
    g_ptr_array_add (self->timeline, o);
  else if (g_str_equal (kind, "needs") && self->needs == NULL)
    self->needs = wb_needs_deserialize (b, NULL);
  else if (g_str_equal (kind, "consent") && self->consent == NULL)
    self->consent = wb_consent_deserialize (b, NULL);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return (int) wb_person_get_relation (*(WbPerson **) a) -
         (int) wb_person_get_relation (*(WbPerson **) b);
}

static void
show_error (WbCasePage *self,
            const char *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

/* The store finishes a job it started even when it was cancelled, so a
 * result is checked against the page's current load. */
typedef struct
{
  WbCasePage *self;
  guint       serial;
} Load;

static Load *
load_new (WbCasePage *self)
{
  Load *l = g_new0 (Load, 1);

  l->self = g_object_ref (self);
  l->serial = self->serial;
  return l;
}

static WbCasePage *
load_free (Load *l)
{
  WbCasePage *self = l->self;
  gboolean current = l->serial == self->serial;

  g_free (l);
  g_object_unref (self);
  return current ? self : NULL;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  WbCasePage *self = load_free (user_data);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = wb_store_load_case_finish (WB_STORE (object), result, &error);
  if (self == NULL)
    return;
  if (records == NULL)
    {
      show_error (self, error->message);
      return;
    }

  forget (self);
  for (guint i = 0; i < records->len; i++)
    take_record (self, g_ptr_array_index (records, i));
  if (self->kase == NULL)
    {
      show_error (self, _("The case record could not be read."));
      return;
    }
  g_ptr_array_sort (self->people, compare_people);
  wb_case_page_render (self);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "case");
}

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  WbCasePage *self;

  self = load_free (user_data);
  accounts = wb_store_list_accounts_finish (WB_STORE (object), result, &error);
  if (accounts == NULL || self == NULL)
    return;
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = g_steal_pointer (&accounts);
  wb_case_page_render (self);
}

/* Writing */

typedef struct
{
  WbCasePage *self;
  char       *case_id;
} WriteData;

void
wb_case_page_tell (WbCasePage *self,
                   const char *heading,
                   const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  wb_a11y_fix_mnemonic_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteData *d = user_data;
  WbCasePage *self = d->self;
  g_autoptr(GError) error = NULL;

  if (!wb_store_put_many_finish (WB_STORE (object), result, &error))
    {
      wb_case_page_tell (self, _("The Change Was Not Saved"), error->message);
      /* The page showed the change already: read what is really stored. */
      if (g_strcmp0 (self->case_id, d->case_id) == 0)
        wb_case_page_load (self, d->case_id);
    }
  self->n_writes--;
  g_free (d->case_id);
  g_object_unref (self);
  g_free (d);
}

void
wb_case_page_add_record (GPtrArray  *records,
                         const char *kind,
                         const char *id,
                         GBytes     *bytes)
{
  WbRecordId rid;

  if (!wb_record_id_from_string (id, &rid))
    g_return_if_reached ();
  g_ptr_array_add (records, wb_store_record_new (kind, &rid, bytes));
  g_bytes_unref (bytes);
}

void
wb_case_page_write (WbCasePage *self,
                    GPtrArray  *records)
{
  WriteData *d = g_new0 (WriteData, 1);

  d->self = g_object_ref (self);
  d->case_id = g_strdup (self->case_id);
  self->n_writes++;
  wb_case_page_render (self);
  wb_store_put_many_async (self->store, records, NULL, written_cb, d);
}

WbTimelineEntry *
wb_case_page_new_entry (WbCasePage     *self,
                        WbTimelineKind  kind,
                        const char     *text)
{
  WbTimelineEntry *e = wb_timeline_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *actor = wb_case_page_dup_actor_id (self);

  wb_timeline_entry_set_case_id (e, self->case_id);
  wb_timeline_entry_set_kind (e, kind);
  wb_timeline_entry_set_time (e, now);
  wb_timeline_entry_set_author (e, actor);
  wb_timeline_entry_set_text (e, text);
  return e;
}

/* GObject */

static void
wb_case_page_dispose (GObject *object)
{
  WbCasePage *self = WB_CASE_PAGE (object);
  GtkWidget *child;

  self->serial++;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WB_TYPE_CASE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  forget (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (wb_case_page_parent_class)->dispose (object);
}

static void
wb_case_page_finalize (GObject *object)
{
  WbCasePage *self = WB_CASE_PAGE (object);

  g_free (self->case_id);
  g_ptr_array_unref (self->people);
  g_ptr_array_unref (self->incidents);
  g_ptr_array_unref (self->followups);
  g_ptr_array_unref (self->timeline);

  G_OBJECT_CLASS (wb_case_page_parent_class)->finalize (object);
}

static void
wb_case_page_class_init (WbCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wb_case_page_dispose;
  object_class->finalize = wb_case_page_finalize;

  /* The user asked to go back to the list. */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/weerbaarbestuur/Weerbaar/wb-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, close_button);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, people_list);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, incident_list);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, needs_list);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, followups_list);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, partners_list);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, entry_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, entry_date_label);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, entry_date);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, entry_text);
  gtk_widget_class_bind_template_child (widget_class, WbCasePage, entry_error);
  wb_case_page_class_init_actions (widget_class);
  wb_case_page_class_init_export (widget_class);
  wb_case_page_class_init_engage (widget_class);
  wb_case_page_class_init_plan (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wb_case_page_init (WbCasePage *self)
{
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->incidents = g_ptr_array_new_with_free_func (g_object_unref);
  self->followups = g_ptr_array_new_with_free_func (g_object_unref);
  self->timeline = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  wb_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  wb_case_page_init_entry_form (self);
}

/* Public API */

void
wb_case_page_set_store (WbCasePage *self,
                        WbStore    *store)
{
  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (WB_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
wb_case_page_clear (WbCasePage *self)
{
  g_return_if_fail (WB_IS_CASE_PAGE (self));

  self->serial++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->case_id, g_free);
  forget (self);
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->subtitle_label, "");
  clear_list (self->people_list);
  clear_list (self->incident_list);
  clear_list (self->needs_list);
  clear_list (self->followups_list);
  clear_list (self->timeline_list);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entry_text), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry_date), "");
  gtk_label_set_text (self->entry_error, "");
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
}

void
wb_case_page_load (WbCasePage *self,
                   const char *case_id)
{
  g_return_if_fail (WB_IS_CASE_PAGE (self));
  g_return_if_fail (case_id != NULL);
  g_return_if_fail (self->store != NULL);

  if (g_strcmp0 (self->case_id, case_id) != 0)
    {
      g_autofree char *id = g_strdup (case_id);

      wb_case_page_clear (self);
      self->case_id = g_steal_pointer (&id);
    }
  else
    g_cancellable_cancel (self->cancellable);
  self->serial++;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  if (self->kase == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  wb_store_list_accounts_async (self->store, self->cancellable, accounts_listed_cb,
                                load_new (self));
  wb_store_load_case_async (self->store, case_id, self->cancellable, loaded_cb, load_new (self));
}

const char *
wb_case_page_get_case_id (WbCasePage *self)
{
  g_return_val_if_fail (WB_IS_CASE_PAGE (self), NULL);
  return self->case_id;
}

const char *
wb_case_page_get_state (WbCasePage *self)
{
  g_return_val_if_fail (WB_IS_CASE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

gboolean
wb_case_page_get_busy (WbCasePage *self)
{
  g_return_val_if_fail (WB_IS_CASE_PAGE (self), FALSE);
  return self->n_writes > 0;
}

WbCase *
wb_case_page_get_case (WbCasePage *self)
{
  g_return_val_if_fail (WB_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

GPtrArray *
wb_case_page_get_timeline (WbCasePage *self)
{
  g_return_val_if_fail (WB_IS_CASE_PAGE (self), NULL);
  return self->timeline;
}

void
wb_case_page_emit_closed (WbCasePage *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}
