/* wb-timeline-revision.c: an earlier version of the text of a timeline entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wb-timeline-revision.h"

G_DEFINE_BOXED_TYPE (WbTimelineRevision, wb_timeline_revision,
                     wb_timeline_revision_copy, wb_timeline_revision_free)

WbTimelineRevision *
wb_timeline_revision_new (const char *text,
                          GDateTime  *edited_at,
                          const char *editor)
{
  WbTimelineRevision *revision;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (edited_at != NULL, NULL);

  revision = g_new0 (WbTimelineRevision, 1);
  revision->text = g_strdup (text);
  revision->edited_at = g_date_time_ref (edited_at);
  revision->editor = g_strdup (editor);

  return revision;
}

WbTimelineRevision *
wb_timeline_revision_copy (const WbTimelineRevision *revision)
{
  g_return_val_if_fail (revision != NULL, NULL);

  return wb_timeline_revision_new (revision->text, revision->edited_at, revision->editor);
}

void
wb_timeline_revision_free (WbTimelineRevision *revision)
{
  if (revision == NULL)
    return;

  g_free (revision->text);
  g_clear_pointer (&revision->edited_at, g_date_time_unref);
  g_free (revision->editor);
  g_free (revision);
}
