/* jue-finding-item.h — one finding of the checks as a GObject, for the
 * findings list (a GListModel).  Not a widget. */
#pragma once

#include <glib-object.h>

#include "jue-checks.h"

G_BEGIN_DECLS

#define JUE_TYPE_FINDING_ITEM (jue_finding_item_get_type ())
G_DECLARE_FINAL_TYPE (JueFindingItem, jue_finding_item, JUE, FINDING_ITEM, GObject)

JueFindingItem *jue_finding_item_new            (const JueFinding *finding);
const JueFinding *jue_finding_item_get_finding  (JueFindingItem *self);
/* TRUE when other is the same finding (rule, path, severity, message). */
gboolean        jue_finding_item_same           (JueFindingItem   *self,
                                                 const JueFinding *other);
/* Takes the explanation of other; notifies "explanation" when it differs. */
void            jue_finding_item_set_explanation (JueFindingItem *self,
                                                  const char     *explanation);

G_END_DECLS
