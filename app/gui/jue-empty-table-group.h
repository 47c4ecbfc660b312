/* jue-empty-table-group.h — “the table is empty” (本表为空表) on a section's
 * form: a switch that marks the published table empty (jue-empty.h) and the
 * reason it prints. */
#pragma once

#include <adwaita.h>

#include "jue-session.h"

G_BEGIN_DECLS

#define JUE_TYPE_EMPTY_TABLE_GROUP (jue_empty_table_group_get_type ())
G_DECLARE_FINAL_TYPE (JueEmptyTableGroup, jue_empty_table_group, JUE, EMPTY_TABLE_GROUP,
                      AdwPreferencesGroup)

/* key: the template tables' key ("gov_fund", "state_capital", "three_public"). */
GtkWidget *jue_empty_table_group_new (JueSession *session,
                                      const char *key);

G_END_DECLS
