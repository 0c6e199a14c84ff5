/* wb-person.h: someone in a case: the reporter, a partner or a family member.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wb-enums.h"

G_BEGIN_DECLS

#define WB_TYPE_PERSON (wb_person_get_type ())

G_DECLARE_FINAL_TYPE (WbPerson, wb_person, WB, PERSON, GObject)

WbPerson          *wb_person_new                  (void);
const char        *wb_person_get_id               (WbPerson *self);
const char        *wb_person_get_case_id          (WbPerson *self);
void               wb_person_set_case_id          (WbPerson   *self,
                                                   const char *case_id);
WbPersonRelation   wb_person_get_relation         (WbPerson *self);
void               wb_person_set_relation         (WbPerson         *self,
                                                   WbPersonRelation  relation);
const char        *wb_person_get_name             (WbPerson *self);
void               wb_person_set_name             (WbPerson   *self,
                                                   const char *name);
WbPersonRole       wb_person_get_role             (WbPerson *self);
void               wb_person_set_role             (WbPerson     *self,
                                                   WbPersonRole  role);
const char        *wb_person_get_municipality     (WbPerson *self);
void               wb_person_set_municipality     (WbPerson   *self,
                                                   const char *municipality);
const char        *wb_person_get_party            (WbPerson *self);
void               wb_person_set_party            (WbPerson   *self,
                                                   const char *party);
const char        *wb_person_get_phone            (WbPerson *self);
void               wb_person_set_phone            (WbPerson   *self,
                                                   const char *phone);
const char        *wb_person_get_email            (WbPerson *self);
void               wb_person_set_email            (WbPerson   *self,
                                                   const char *email);
const char        *wb_person_get_callback_times   (WbPerson *self);
void               wb_person_set_callback_times   (WbPerson   *self,
                                                   const char *callback_times);
WbCallbackChannel  wb_person_get_callback_channel (WbPerson *self);
void               wb_person_set_callback_channel (WbPerson          *self,
                                                   WbCallbackChannel  callback_channel);
GBytes            *wb_person_serialize            (WbPerson *self);
WbPerson          *wb_person_deserialize          (GBytes  *bytes,
                                                   GError **error);
gboolean           wb_person_validate             (WbPerson  *self,
                                                   GPtrArray *issues);
gboolean           wb_person_check                (WbPerson  *self,
                                                   GError   **error);

G_END_DECLS
