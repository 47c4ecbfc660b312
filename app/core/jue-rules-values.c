/* jue-rules-values.c — rules on the values themselves, whatever section
 * they are in: a value typed that cannot be read. */
#include "config.h"

#include <string.h>

#include "jue-rules-private.h"

static void
add_unreadable (const char        *path,
                const JueFieldRef *ref,
                gpointer           user_data)
{
  JueCheckRun *run = user_data;
  g_autofree char *message = jue_field_unreadable_message (ref, path);
  const char *reason = message;
  gsize len = strlen (path);

  /* the finding names its field already */
  if (strncmp (message, path, len) == 0 && message[len] == ':')
    reason = message + len + 1 + (message[len + 1] == ' ');
  jue_check_add (run, run->entry->severity, path,
                 _("%s: %s — kept as typed, and unknown until it is corrected"),
                 _(ref->def->label), reason);
}

static void
rule_unreadable (JueCheckRun *run)
{
  jue_report_foreach_unreadable (run->report, add_unreadable, run);
}

static const char * const reads_everything[] = { "*", NULL };

const JueRuleEntry jue_rules_values[] = {
  { "E-UNREADABLE", JUE_SEVERITY_ERROR, JUE_SCOPE_REPORT, reads_everything,
    N_("A typed value can be read (an amount, count, percentage or date)"),
    rule_unreadable, NULL },
};
const guint jue_n_rules_values = G_N_ELEMENTS (jue_rules_values);
