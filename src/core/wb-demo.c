/* wb-demo.c: a deterministic generator of fictional demo cases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from one GRand seeded by the caller, so a seed gives the
 * same cases every time (only the random record ids differ). Names are
 * composed from invented surname parts so that no real person is meant.
 * The fragments are Dutch on purpose: they are sample data of a Dutch team,
 * not text of the program, so they are not translated.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wb-aftercare-plan.h"
#include "wb-case-reference.h"
#include "wb-core-error.h"
#include "wb-demo.h"
#include "wb-due.h"
#include "wb-regions.h"

#define DAY  (G_GINT64_CONSTANT (86400))
#define YEAR (G_GINT64_CONSTANT (31557600))  /* 365.25 days */

struct _WbDemo
{
  GRand      *rand;
  guint       n_cases;
  guint       n_made;
  gint64      now;                /* seconds since the epoch */
  gint64      start;
  double      slot;               /* seconds between two cases */
  GTimeZone  *tz;
  GStrv       accounts;
  char       *fallback_author;
  GPtrArray  *municipalities;     /* const WbArea * */
  GHashTable *last_sequence;      /* year → highest sequence used */
};

/* Name parts */

static const char * const first_names[] = {
  "Anouk", "Bram", "Carlijn", "Daan", "Eline", "Floor", "Gijs", "Hanneke", "Iris", "Joost",
  "Karin", "Lars", "Maaike", "Niels", "Olga", "Pieter", "Quirine", "Ruben", "Saskia", "Thijs",
  "Ursula", "Vincent", "Wendy", "Youssef", "Zeynep", "Fatima", "Mohamed", "Sanne", "Jeroen",
  "Marieke", "Koen", "Linda", "Hatice", "Dewi", "Rik", "Esther", "Arjen", "Nadia", "Sven",
  "Mirjam",
};

static const char * const infixes[] = { "van", "de", "van der", "ter", "van den", "van de" };

/* Invented stems and endings: together they sound Dutch without being the
 * name of anyone known. */
static const char * const surname_stems[] = {
  "Vlier", "Ruig", "Kolder", "Brem", "Zwin", "Hassel", "Ploeg", "Tjal", "Wier", "Drog",
  "Klaver", "Moer", "Zeg", "Heul", "Lom", "Sprok", "Gaal", "Rets", "Dorn", "Welp",
};

static const char * const surname_endings[] = {
  "stra", "hoven", "ink", "ema", "kamp", "dijk", "meer", "beek", "horst", "gaard", "sma",
  "veld",
};

static const char * const parties[] = {
  "Gemeentebelangen", "Dorpslijst", "Lokaal Sterk", "Samen Verder", "Burgerlijst",
  "Groen Lokaal", "Stadspartij", "Kernenlijst",
};

static const char * const callback_times[] = {
  "Werkdagen na 17:00", "Liefst 's ochtends", "Tussen de middag", "Altijd bereikbaar",
};

/* Description fragments */

typedef struct
{
  WbIncidentType  type;
  const char     *sentence;
} Opener;

static const Opener openers[] = {
  { WB_INCIDENT_TYPE_VERBAL_AGGRESSION,
    "Tijdens het inloopspreekuur werd betrokkene door een bezoeker uitgescholden en bedreigend toegesproken." },
  { WB_INCIDENT_TYPE_VERBAL_AGGRESSION,
    "Na afloop van een informatieavond werd betrokkene luidruchtig aangesproken en beledigd." },
  { WB_INCIDENT_TYPE_INTIMIDATION,
    "Er stond 's avonds herhaaldelijk een auto met draaiende motor voor de woning." },
  { WB_INCIDENT_TYPE_INTIMIDATION,
    "Een groep mensen wachtte betrokkene op bij het gemeentehuis en maakte foto's." },
  { WB_INCIDENT_TYPE_THREAT,
    "Betrokkene ontving een anonieme brief met een doodsbedreiging." },
  { WB_INCIDENT_TYPE_THREAT,
    "Via een privébericht werd gedreigd de woning van betrokkene in brand te steken." },
  { WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE,
    "Bij een buurtbijeenkomst werd betrokkene geduwd en tegen een muur gezet." },
  { WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE,
    "Een inwoner gooide tijdens een openbaar debat een glas naar betrokkene." },
  { WB_INCIDENT_TYPE_STALKING,
    "Dezelfde persoon volgt betrokkene al weken naar afspraken en belt dagelijks." },
  { WB_INCIDENT_TYPE_DOXING,
    "Het woonadres en het kenteken van betrokkene zijn op een openbaar forum gezet." },
  { WB_INCIDENT_TYPE_ONLINE_HATE,
    "Op sociale media verschenen tientallen haatberichten na een uitspraak in de raad." },
  { WB_INCIDENT_TYPE_OTHER,
    "Bij de voordeur werd een pakket met een dreigende tekst achtergelaten." },
};

/* Each is said around the name of the municipality. */
static const struct
{
  const char *before;
  const char *after;
} contexts[] = {
  { "De aanleiding lijkt het besluit over de opvanglocatie in ", "." },
  { "De spanning liep op na de discussie over windmolens in ", "." },
  { "Het volgt op een omstreden raadsvergadering over woningbouw in ", "." },
  { "Het speelt sinds de sluiting van het zwembad in ", "." },
  { "De onrust begon na een bericht in de lokale krant van ", "." },
};

static const char * const impacts[] = {
  "Betrokkene slaapt slecht en twijfelt over het vervolg van het ambt.",
  "De partner maakt zich zorgen over de veiligheid van de kinderen.",
  "Betrokkene wil vooral weten welke beveiligingsmaatregelen mogelijk zijn.",
  "Er is behoefte aan een gesprek met een collega die iets vergelijkbaars meemaakte.",
  "Betrokkene overweegt aangifte te doen maar ziet op tegen de procedure.",
};

static const char * const need_details[] = {
  "Graag contact buiten kantoortijden.",
  "Betrokkene wil eerst met de partner overleggen.",
  "Advies over het afschermen van adresgegevens gewenst.",
};

static const char * const intake_notes[] = {
  "Melding telefonisch aangenomen en vastgelegd.",
  "Melding via het contactformulier ontvangen; teruggebeld en vastgelegd.",
  "Melding aangenomen na doorverwijzing door de griffie.",
};

typedef struct
{
  WbTimelineKind    kind;
  WbContactChannel  channel;
  const char       *text;
} Entry;

static const Entry entries[] = {
  { WB_TIMELINE_KIND_NOTE, WB_CONTACT_CHANNEL_NONE, "Casus besproken in het teamoverleg." },
  { WB_TIMELINE_KIND_NOTE, WB_CONTACT_CHANNEL_NONE, "Veiligheidsadvies van de politie ontvangen." },
  { WB_TIMELINE_KIND_CONTACT, WB_CONTACT_CHANNEL_PHONE, "Gebeld met betrokkene; de situatie is stabiel." },
  { WB_TIMELINE_KIND_CONTACT, WB_CONTACT_CHANNEL_MEETING, "Gesprek gevoerd over de gewenste ondersteuning." },
  { WB_TIMELINE_KIND_CONTACT, WB_CONTACT_CHANNEL_EMAIL, "Per e-mail de afspraken van het gesprek bevestigd." },
  { WB_TIMELINE_KIND_ADVICE, WB_CONTACT_CHANNEL_NONE, "Advies gegeven over het doen van aangifte." },
  { WB_TIMELINE_KIND_ADVICE, WB_CONTACT_CHANNEL_NONE, "Tips gedeeld om persoonsgegevens online af te schermen." },
  { WB_TIMELINE_KIND_REFERRAL, WB_CONTACT_CHANNEL_NONE, "Doorverwezen naar een juridisch adviseur." },
  { WB_TIMELINE_KIND_REFERRAL, WB_CONTACT_CHANNEL_NONE, "In contact gebracht met een ervaringsdeskundige voor een gesprek." },
};

static const char * const follow_up_notes[] = {
  "Nagaan hoe het nu gaat.",
  "Vragen of de maatregelen naar wens werken.",
  "Bespreken of verdere ondersteuning nodig is.",
};

static const char * const outcomes[] = {
  "Gesproken; geen nieuwe incidenten.",
  "Betrokkene heeft geen verdere ondersteuning nodig.",
  "Het gaat beter; over een maand opnieuw contact.",
};

/* Random helpers */

static guint
pick (WbDemo *demo,
      guint   n)
{
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

#define PICK(demo, array) ((array)[pick ((demo), G_N_ELEMENTS (array))])

static gboolean
chance (WbDemo *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

/* Picks an index by weights that add up to 100. */
static guint
weighted (WbDemo      *demo,
          const guint *weights,
          guint        n)
{
  guint r = pick (demo, 100);

  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static GDateTime *
at (WbDemo *demo,
    gint64  seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_to_timezone (utc, demo->tz);
}

static char *
random_hex_id (WbDemo *demo)
{
  GString *s = g_string_sized_new (32);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (s, "%08x", g_rand_int (demo->rand));
  return g_string_free (s, FALSE);
}

/* Life cycle */

/**
 * wb_demo_new:
 * @seed: the seed; the same seed and arguments give the same cases
 * @n_cases: how many cases wb_demo_next() makes, 1 to %WB_DEMO_MAX_CASES
 * @now: the moment the cases lead up to: all are created before it,
 *   some follow-ups are due after it
 * @account_ids: (nullable) (array zero-terminated=1): ids of the accounts
 *   that may be contact person and author of timeline entries
 * @existing_references: (nullable) (array zero-terminated=1): references in
 *   use; new ones continue after the highest of each year
 *
 * Cases are spread evenly over the last two years, or over more years when
 * @n_cases needs more references than two years have.
 *
 * Returns: (transfer full): the generator
 */
WbDemo *
wb_demo_new (guint32             seed,
             guint               n_cases,
             GDateTime          *now,
             const char * const *account_ids,
             const char * const *existing_references)
{
  WbDemo *demo;
  guint years;

  g_return_val_if_fail (n_cases >= 1 && n_cases <= WB_DEMO_MAX_CASES, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  demo = g_new0 (WbDemo, 1);
  demo->rand = g_rand_new_with_seed (seed);
  demo->n_cases = n_cases;
  demo->now = g_date_time_to_unix (now);
  demo->tz = g_time_zone_ref (wb_due_get_time_zone ());
  demo->accounts = g_strdupv ((char **) account_ids);
  if (demo->accounts == NULL)
    demo->accounts = g_new0 (char *, 1);
  demo->fallback_author = random_hex_id (demo);
  demo->municipalities = wb_regions_list (WB_AREA_KIND_MUNICIPALITY);
  demo->last_sequence = g_hash_table_new (NULL, NULL);

  years = MAX (2, (n_cases + WB_DEMO_CASES_PER_YEAR - 1) / WB_DEMO_CASES_PER_YEAR);
  /* The newest case is an hour old, so its intake note lies in the past. */
  demo->start = demo->now - years * YEAR;
  demo->slot = (double) (years * YEAR - 3600) / n_cases;

  for (guint i = 0; existing_references != NULL && existing_references[i] != NULL; i++)
    {
      guint year, sequence;

      if (wb_case_reference_parse (existing_references[i], &year, &sequence) &&
          sequence > GPOINTER_TO_UINT (g_hash_table_lookup (demo->last_sequence,
                                                            GUINT_TO_POINTER (year))))
        g_hash_table_insert (demo->last_sequence, GUINT_TO_POINTER (year),
                             GUINT_TO_POINTER (sequence));
    }

  return demo;
}

void
wb_demo_free (WbDemo *demo)
{
  if (demo == NULL)
    return;
  g_rand_free (demo->rand);
  g_time_zone_unref (demo->tz);
  g_strfreev (demo->accounts);
  g_free (demo->fallback_author);
  g_ptr_array_unref (demo->municipalities);
  g_hash_table_unref (demo->last_sequence);
  g_free (demo);
}

guint
wb_demo_get_n_made (WbDemo *demo)
{
  g_return_val_if_fail (demo != NULL, 0);

  return demo->n_made;
}

void
wb_demo_case_free (WbDemoCase *demo_case)
{
  if (demo_case == NULL)
    return;
  g_clear_object (&demo_case->case_);
  g_clear_pointer (&demo_case->people, g_ptr_array_unref);
  g_clear_object (&demo_case->incident);
  g_clear_object (&demo_case->needs);
  g_clear_object (&demo_case->consent);
  g_clear_pointer (&demo_case->timeline, g_ptr_array_unref);
  g_clear_pointer (&demo_case->follow_ups, g_ptr_array_unref);
  g_free (demo_case);
}

/* Parts of a case */

static WbCaseStatus
status_for_age (WbDemo *demo,
                gint64  age)
{
  static const guint fresh[] = { 45, 45, 10, 0, 0 };
  static const guint weeks[] = { 5, 45, 25, 25, 0 };
  static const guint months[] = { 0, 15, 15, 40, 30 };
  static const guint old[] = { 0, 5, 0, 10, 85 };
  const guint *w = age < 14 * DAY ? fresh : age < 90 * DAY ? weeks : age < YEAR ? months : old;

  return (WbCaseStatus) weighted (demo, w, 5);
}

static WbPersonRole
random_role (WbDemo *demo)
{
  static const guint w[] = { 15, 25, 45, 4, 4, 5, 0, 2 };

  return (WbPersonRole) weighted (demo, w, G_N_ELEMENTS (w));
}

static WbAssociation
association_for_role (WbDemo       *demo,
                      WbPersonRole  role)
{
  /* Now and then a report reaches another association first. */
  if (chance (demo, 0.1))
    return (WbAssociation) (1 + pick (demo, 3));
  switch (role)
    {
    case WB_PERSON_ROLE_MAYOR:
    case WB_PERSON_ROLE_FORMER_MAYOR:
      return WB_ASSOCIATION_NGB;
    case WB_PERSON_ROLE_ALDERMAN:
    case WB_PERSON_ROLE_FORMER_ALDERMAN:
      return WB_ASSOCIATION_WETHOUDERS;
    default:
      return WB_ASSOCIATION_NVVR;
    }
}

typedef struct
{
  const char *first;
  const char *infix;              /* NULL without one */
  char       *surname;
} Name;

static void
random_name (WbDemo *demo,
             Name   *name)
{
  name->first = PICK (demo, first_names);
  name->infix = chance (demo, 0.25) ? PICK (demo, infixes) : NULL;
  name->surname = g_strconcat (PICK (demo, surname_stems), PICK (demo, surname_endings), NULL);
}

static char *
name_to_string (const Name *name)
{
  if (name->infix)
    return g_strdup_printf ("%s %s %s", name->first, name->infix, name->surname);
  return g_strdup_printf ("%s %s", name->first, name->surname);
}

static char *
name_to_email (const Name *name)
{
  g_autofree char *infix = name->infix ? g_strdelimit (g_strdup (name->infix), " ", '-') : NULL;
  g_autofree char *local = g_strdup_printf ("%s.%s%s%s", name->first, infix ? infix : "",
                                            infix ? "-" : "", name->surname);
  g_autofree char *lower = g_ascii_strdown (local, -1);

  return g_strdup_printf ("%s@example.nl", lower);
}

static char *
random_phone (WbDemo *demo)
{
  return g_strdup_printf ("06-%08u", 10000000 + pick (demo, 90000000));
}

static WbPerson *
make_reporter (WbDemo       *demo,
               const char   *case_id,
               WbPersonRole  role,
               const char   *municipality,
               Name         *name)
{
  WbPerson *p = wb_person_new ();
  g_autofree char *full = name_to_string (name);
  g_autofree char *phone = random_phone (demo);

  wb_person_set_case_id (p, case_id);
  wb_person_set_relation (p, WB_PERSON_RELATION_REPORTER);
  wb_person_set_name (p, full);
  wb_person_set_role (p, role);
  wb_person_set_municipality (p, municipality);
  if (role == WB_PERSON_ROLE_COUNCILLOR || role == WB_PERSON_ROLE_ALDERMAN ||
      role == WB_PERSON_ROLE_FORMER_COUNCILLOR)
    wb_person_set_party (p, PICK (demo, parties));
  wb_person_set_phone (p, phone);
  if (chance (demo, 0.7))
    {
      g_autofree char *email = name_to_email (name);
      wb_person_set_email (p, email);
    }
  if (chance (demo, 0.5))
    wb_person_set_callback_times (p, PICK (demo, callback_times));
  if (wb_person_get_email (p) != NULL && chance (demo, 0.2))
    wb_person_set_callback_channel (p, WB_CALLBACK_CHANNEL_EMAIL);
  else if (chance (demo, 0.15))
    wb_person_set_callback_channel (p, WB_CALLBACK_CHANNEL_TEXT_MESSAGE);
  else
    wb_person_set_callback_channel (p, WB_CALLBACK_CHANNEL_PHONE);
  return p;
}

static WbPerson *
make_relative (WbDemo           *demo,
               const char       *case_id,
               WbPersonRelation  relation,
               const Name       *reporter)
{
  WbPerson *p = wb_person_new ();
  Name name = { 0 };
  g_autofree char *full = NULL;

  random_name (demo, &name);
  /* A partner or child often shares the reporter's surname. */
  if (chance (demo, 0.5))
    {
      g_free (name.surname);
      name.surname = g_strdup (reporter->surname);
      name.infix = reporter->infix;
    }
  full = name_to_string (&name);
  wb_person_set_case_id (p, case_id);
  wb_person_set_relation (p, relation);
  wb_person_set_name (p, full);
  wb_person_set_role (p, WB_PERSON_ROLE_RELATIVE);
  if (chance (demo, 0.5))
    {
      g_autofree char *phone = random_phone (demo);
      wb_person_set_phone (p, phone);
    }
  g_free (name.surname);
  return p;
}

static WbIncidentType
random_types (WbDemo      *demo,
              const char **opener)
{
  const Opener *o = &PICK (demo, openers);
  WbIncidentType types = o->type;

  *opener = o->sentence;
  if (chance (demo, 0.35))
    types |= 1u << pick (demo, 7);
  return types;
}

static WbIncidentChannel
channels_for (WbDemo         *demo,
              WbIncidentType  types)
{
  WbIncidentChannel channels = 0;

  if (types & (WB_INCIDENT_TYPE_ONLINE_HATE | WB_INCIDENT_TYPE_DOXING))
    channels |= WB_INCIDENT_CHANNEL_ONLINE;
  if (types & (WB_INCIDENT_TYPE_PHYSICAL_VIOLENCE | WB_INCIDENT_TYPE_VERBAL_AGGRESSION))
    channels |= chance (demo, 0.5) ? WB_INCIDENT_CHANNEL_DURING_MEETING
                                   : WB_INCIDENT_CHANNEL_PUBLIC_SPACE;
  if (types & (WB_INCIDENT_TYPE_INTIMIDATION | WB_INCIDENT_TYPE_STALKING))
    channels |= WB_INCIDENT_CHANNEL_AT_HOME;
  if (types & WB_INCIDENT_TYPE_THREAT)
    channels |= chance (demo, 0.5) ? WB_INCIDENT_CHANNEL_MAIL : WB_INCIDENT_CHANNEL_ONLINE;
  if (channels == 0 || chance (demo, 0.15))
    channels |= 1u << pick (demo, 6);
  return channels;
}

static WbIncident *
make_incident (WbDemo     *demo,
               const char *case_id,
               gint64      created,
               const char *municipality_name)
{
  WbIncident *incident = wb_incident_new ();
  const char *opener = NULL;
  WbIncidentType types = random_types (demo, &opener);
  g_autoptr(GString) text = g_string_new (opener);
  gint64 start = created - pick (demo, 21) * DAY - pick (demo, 12 * 3600);
  g_autoptr(GDateTime) start_dt = at (demo, start);
  WbIncidentTarget targets = WB_INCIDENT_TARGET_PERSON;
  gboolean ongoing = (types & (WB_INCIDENT_TYPE_STALKING | WB_INCIDENT_TYPE_ONLINE_HATE)) != 0 &&
                     chance (demo, 0.6);

  if (chance (demo, 0.6))
    {
      guint c = pick (demo, G_N_ELEMENTS (contexts));

      g_string_append_printf (text, " %s%s%s", contexts[c].before, municipality_name,
                              contexts[c].after);
    }
  if (chance (demo, 0.5))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, PICK (demo, impacts));
    }

  if (chance (demo, 0.25))
    targets |= WB_INCIDENT_TARGET_RELATIVES;
  if (chance (demo, 0.2))
    targets |= WB_INCIDENT_TARGET_OFFICE;

  wb_incident_set_case_id (incident, case_id);
  wb_incident_set_types (incident, types);
  wb_incident_set_channels (incident, channels_for (demo, types));
  wb_incident_set_targets (incident, targets);
  wb_incident_set_start (incident, start_dt);
  wb_incident_set_ongoing (incident, ongoing);
  if (!ongoing && chance (demo, 0.3))
    {
      g_autoptr(GDateTime) end = at (demo, start + 3600 + pick (demo, 6 * 3600));
      wb_incident_set_end (incident, end);
    }
  wb_incident_set_description (incident, text->str);
  wb_incident_set_perpetrator_known (incident, chance (demo, 0.4));
  wb_incident_set_police_informed (incident, chance (demo, 0.55));
  wb_incident_set_police_report (incident,
                                 wb_incident_get_police_informed (incident)
                                 ? (WbPoliceReport) pick (demo, 3) : WB_POLICE_REPORT_NONE);
  wb_incident_set_family_involved (incident, (targets & WB_INCIDENT_TARGET_RELATIVES) != 0);
  return incident;
}

static WbNeeds *
make_needs (WbDemo     *demo,
            const char *case_id,
            gboolean    family)
{
  WbNeeds *needs = wb_needs_new ();
  WbNeed flags = 0;
  guint n = 1 + pick (demo, 3);

  /* Everything but "other", which would need its own explanation. */
  for (guint i = 0; i < n; i++)
    flags |= 1u << pick (demo, 7);
  if (family)
    flags |= WB_NEED_AFTERCARE_FAMILY;
  wb_needs_set_case_id (needs, case_id);
  wb_needs_set_needs (needs, flags);
  if (chance (demo, 0.3))
    wb_needs_set_details (needs, PICK (demo, need_details));
  return needs;
}

static WbConsent *
make_consent (WbDemo     *demo,
              const char *case_id,
              GDateTime  *given)
{
  static const guint months[] = { 12, 24, 24, 24, 36, 60 };
  WbConsent *consent = wb_consent_new ();

  wb_consent_set_case_id (consent, case_id);
  wb_consent_set_store (consent, TRUE);
  wb_consent_set_share (consent, chance (demo, 0.55));
  wb_consent_set_given_at (consent, given);
  wb_consent_set_retention_months (consent, PICK (demo, months));
  return consent;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static const char *
random_author (WbDemo     *demo,
               const char *assignee)
{
  guint n = g_strv_length (demo->accounts);

  if (assignee != NULL && chance (demo, 0.8))
    return assignee;
  return n > 0 ? demo->accounts[pick (demo, n)] : demo->fallback_author;
}

/* Entries between the intake and now (or two months after it); returns the
 * time of the last one. */
static gint64
add_timeline (WbDemo       *demo,
              WbDemoCase   *dc,
              gint64        created,
              const char   *assignee,
              WbCaseStatus  status)
{
  const char *case_id = wb_case_get_id (dc->case_);
  guint n = status == WB_CASE_STATUS_NEW ? 1 + pick (demo, 2) : 1 + pick (demo, 4);
  gint64 limit = MIN (demo->now - 60, created + 60 * DAY);
  gint64 times[4];

  times[0] = MIN (created + 300 + pick (demo, 3000), limit);
  for (guint i = 1; i < n; i++)
    times[i] = times[0] + (gint64) (g_rand_double (demo->rand) * (double) (limit - times[0]));
  qsort (times + 1, n - 1, sizeof (gint64), compare_gint64);

  for (guint i = 0; i < n; i++)
    {
      WbTimelineEntry *e = wb_timeline_entry_new ();
      g_autoptr(GDateTime) when = at (demo, times[i]);

      wb_timeline_entry_set_case_id (e, case_id);
      wb_timeline_entry_set_time (e, when);
      wb_timeline_entry_set_author (e, random_author (demo, assignee));
      if (i == 0)
        {
          wb_timeline_entry_set_kind (e, WB_TIMELINE_KIND_NOTE);
          wb_timeline_entry_set_text (e, PICK (demo, intake_notes));
        }
      else
        {
          const Entry *entry = &PICK (demo, entries);

          /* A referred case has at least its referral. */
          if (status == WB_CASE_STATUS_REFERRED && i == n - 1)
            entry = &entries[G_N_ELEMENTS (entries) - 1 - pick (demo, 2)];
          wb_timeline_entry_set_kind (e, entry->kind);
          wb_timeline_entry_set_contact_channel (e, entry->channel);
          wb_timeline_entry_set_text (e, entry->text);
        }
      g_ptr_array_add (dc->timeline, e);
    }
  return times[n - 1];
}

static WbFollowUpState
state_for (WbDemo       *demo,
           gint64        due,
           WbCaseStatus  status)
{
  if (status == WB_CASE_STATUS_CLOSED)
    return due < demo->now && chance (demo, 0.9) ? WB_FOLLOW_UP_STATE_DONE
                                                 : WB_FOLLOW_UP_STATE_CANCELLED;
  if (due >= demo->now)
    return chance (demo, 0.05) ? WB_FOLLOW_UP_STATE_SNOOZED : WB_FOLLOW_UP_STATE_OPEN;
  /* Recent ones are often still open (overdue), old ones rarely. */
  if (chance (demo, due > demo->now - 21 * DAY ? 0.4 : 0.05))
    return WB_FOLLOW_UP_STATE_OPEN;
  return WB_FOLLOW_UP_STATE_DONE;
}

static void
add_follow_ups (WbDemo       *demo,
                WbDemoCase   *dc,
                GDateTime    *created,
                const char   *assignee,
                WbCaseStatus  status,
                gboolean      has_relative)
{
  const char *case_id = wb_case_get_id (dc->case_);
  const WbAftercarePlan *plan;
  g_autoptr(GPtrArray) planned = NULL;

  if (status == WB_CASE_STATUS_NEW && chance (demo, 0.7))
    return;
  plan = wb_aftercare_plan_lookup (chance (demo, 0.6) ? WB_AFTERCARE_PLAN_STANDARD
                                                     : WB_AFTERCARE_PLAN_SHORT);
  planned = wb_aftercare_plan_apply (plan, case_id, created, demo->tz);
  if (status == WB_CASE_STATUS_NEW)
    g_ptr_array_set_size (planned, 1);

  for (guint i = 0; i < planned->len; i++)
    {
      WbFollowUp *f = g_object_ref (g_ptr_array_index (planned, i));
      gint64 due = g_date_time_to_unix (wb_follow_up_get_due (f));
      WbFollowUpState state = state_for (demo, due, status);

      wb_follow_up_set_assignee (f, assignee);
      wb_follow_up_set_state (f, state);
      if (has_relative && i == 1 && chance (demo, 0.5))
        {
          wb_follow_up_set_kind (f, WB_FOLLOW_UP_KIND_CHECK_IN_RELATIVES);
          wb_follow_up_set_target (f, WB_FOLLOW_UP_TARGET_FAMILY);
        }
      if (chance (demo, 0.4))
        wb_follow_up_set_note (f, PICK (demo, follow_up_notes));
      if (state == WB_FOLLOW_UP_STATE_DONE)
        wb_follow_up_set_outcome (f, PICK (demo, outcomes));
      g_ptr_array_add (dc->follow_ups, f);
    }
}

static char *
next_reference (WbDemo     *demo,
                GDateTime  *created,
                GError    **error)
{
  guint year = g_date_time_get_year (created);
  guint last = GPOINTER_TO_UINT (g_hash_table_lookup (demo->last_sequence,
                                                      GUINT_TO_POINTER (year)));

  if (last >= WB_CASE_REFERENCE_MAX_SEQUENCE)
    {
      g_set_error (error, WB_CORE_ERROR, WB_CORE_ERROR_INVALID,
                   /* Translators: %u is a year */
                   _("All case references of %u are in use."), year);
      return NULL;
    }
  g_hash_table_insert (demo->last_sequence, GUINT_TO_POINTER (year),
                       GUINT_TO_POINTER (last + 1));
  return wb_case_reference_new (year, last + 1);
}

/**
 * wb_demo_next:
 * @demo: the generator
 * @error: set when no reference is left in the year of the case
 *
 * Cases come oldest first, with rising references.
 *
 * Returns: (transfer full) (nullable): the next case, or %NULL (without
 *   @error) after the last one
 */
WbDemoCase *
wb_demo_next (WbDemo  *demo,
              GError **error)
{
  g_autoptr(WbDemoCase) dc = NULL;
  guint n_accounts;
  gint64 created_s, last;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) retain = NULL;
  g_autofree char *reference = NULL;
  const char *case_id, *assignee = NULL;
  const WbArea *area;
  WbPersonRole role;
  WbCaseStatus status;
  WbPerson *reporter;
  Name name = { 0 };
  gboolean relative;

  g_return_val_if_fail (demo != NULL, NULL);

  if (demo->n_made >= demo->n_cases)
    return NULL;

  created_s = demo->start +
              (gint64) ((demo->n_made + 0.05 + 0.9 * g_rand_double (demo->rand)) * demo->slot);
  created = at (demo, created_s);
  reference = next_reference (demo, created, error);
  if (reference == NULL)
    return NULL;
  demo->n_made++;

  dc = g_new0 (WbDemoCase, 1);
  dc->case_ = wb_case_new ();
  dc->people = g_ptr_array_new_with_free_func (g_object_unref);
  dc->timeline = g_ptr_array_new_with_free_func (g_object_unref);
  dc->follow_ups = g_ptr_array_new_with_free_func (g_object_unref);
  case_id = wb_case_get_id (dc->case_);

  status = status_for_age (demo, demo->now - created_s);
  n_accounts = g_strv_length (demo->accounts);
  if (n_accounts > 0 && (status != WB_CASE_STATUS_NEW || chance (demo, 0.5)))
    assignee = demo->accounts[pick (demo, n_accounts)];

  role = random_role (demo);
  area = g_ptr_array_index (demo->municipalities, pick (demo, demo->municipalities->len));
  random_name (demo, &name);
  reporter = make_reporter (demo, case_id, role, wb_area_get_code (area), &name);
  g_ptr_array_add (dc->people, reporter);
  relative = chance (demo, 0.4);
  if (relative)
    g_ptr_array_add (dc->people,
                     make_relative (demo, case_id,
                                    chance (demo, 0.75) ? WB_PERSON_RELATION_PARTNER
                                                        : WB_PERSON_RELATION_FAMILY,
                                    &name));
  g_free (name.surname);

  dc->incident = make_incident (demo, case_id, created_s, wb_area_get_name (area));
  dc->needs = make_needs (demo, case_id, wb_incident_get_family_involved (dc->incident));
  dc->consent = make_consent (demo, case_id, created);

  last = add_timeline (demo, dc, created_s, assignee, status);
  add_follow_ups (demo, dc, created, assignee, status, relative);

  updated = at (demo, MAX (last, created_s));
  retain = g_date_time_add_months (created, wb_consent_get_retention_months (dc->consent));
  wb_case_set_reference (dc->case_, reference);
  wb_case_set_status (dc->case_, status);
  wb_case_set_urgency (dc->case_, (WbUrgency) weighted (demo, (const guint[]) { 65, 27, 8 }, 3));
  wb_case_set_association (dc->case_, association_for_role (demo, role));
  wb_case_set_assignee (dc->case_, assignee);
  wb_case_set_created (dc->case_, created);
  wb_case_set_updated (dc->case_, updated);
  wb_case_set_retain_until (dc->case_, retain);

  return g_steal_pointer (&dc);
}

/**
 * wb_demo_case_check:
 * @demo_case: a generated case
 * @error: a %WB_CORE_ERROR_INVALID error naming the first broken rule
 *
 * Returns: whether every object of @demo_case passes its validation
 */
gboolean
wb_demo_case_check (WbDemoCase  *demo_case,
                    GError     **error)
{
  g_return_val_if_fail (demo_case != NULL, FALSE);

  if (!wb_case_check (demo_case->case_, error) ||
      !wb_incident_check (demo_case->incident, error) ||
      !wb_needs_check (demo_case->needs, error) ||
      !wb_consent_check (demo_case->consent, error))
    return FALSE;
  for (guint i = 0; i < demo_case->people->len; i++)
    if (!wb_person_check (g_ptr_array_index (demo_case->people, i), error))
      return FALSE;
  for (guint i = 0; i < demo_case->timeline->len; i++)
    if (!wb_timeline_entry_check (g_ptr_array_index (demo_case->timeline, i), error))
      return FALSE;
  for (guint i = 0; i < demo_case->follow_ups->len; i++)
    if (!wb_follow_up_check (g_ptr_array_index (demo_case->follow_ups, i), error))
      return FALSE;
  return TRUE;
}
