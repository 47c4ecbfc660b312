/* jue-phrases.h — the sentences of the generated document, as data
 * (resources/phrases/<family>.ini in the core GResource; docs/phrases.md).
 *
 * A phrase is a template in Chinese: "{year}年度收入、支出总计均为{total}万元。"
 * {name} is replaced by a variable the program supplies or, when there is
 * none of that name, by the key name of the same group (else of [common]),
 * expanded in turn.  A key may have variants "key.CASE": the first case of
 * the caller's list that has a variant is used, in the group, then in
 * [common]; only then the plain key.  So a province's phrasing, and how it
 * words an increase, a decrease or a zero base, is a change to a data file.
 *
 * Phrase texts are the published document's Chinese on every locale: they
 * are not user-interface text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JuePhrases JuePhrases;

/* Parses a phrase file.  Errors name the origin, the group and the key. */
JuePhrases *jue_phrases_parse     (const char  *data,
                                   gsize        len,
                                   const char  *origin,
                                   GError     **error);
void        jue_phrases_free      (JuePhrases *phrases);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JuePhrases, jue_phrases_free)

/* A built-in phrase family by id ("sichuan", "national"); NULL or "" or an
 * unknown id gives the national one.  Owned by the library. */
const JuePhrases *jue_phrases_get (const char *id);
/* The ids of the built-in families, NULL-terminated. */
const char * const *jue_phrases_ids (void);

const char *jue_phrases_id        (const JuePhrases *phrases);

/* The raw text of group/key (with the case rules above), or NULL. */
const char *jue_phrases_lookup    (const JuePhrases   *phrases,
                                   const char         *group,
                                   const char         *key,
                                   const char * const *cases);
/* A list-valued key ("a;b;c"), NULL-terminated (free with g_strfreev);
 * NULL when the key is absent. */
char      **jue_phrases_list      (const JuePhrases *phrases,
                                   const char       *group,
                                   const char       *key);
/* An option of [phrases] ("percent_whole"), or NULL. */
const char *jue_phrases_option    (const JuePhrases *phrases,
                                   const char       *key);

/* Expands group/key with vars (name → text; may be NULL).  Returns NULL
 * when the key is absent.  A placeholder that names neither a variable nor
 * a key is an error of the data (it is kept as "{name}" in the output and
 * reported through g_warning once, so a test sees it). */
char       *jue_phrases_expand    (const JuePhrases   *phrases,
                                   const char         *group,
                                   const char         *key,
                                   GHashTable         *vars,
                                   const char * const *cases);
/* Expands a template text as if it were group's key. */
char       *jue_phrases_expand_text (const JuePhrases   *phrases,
                                     const char         *group,
                                     const char         *text,
                                     GHashTable         *vars,
                                     const char * const *cases);

/* Every placeholder of every phrase that names no key: (group, name)
 * pairs as "group:name", for the caller to check against the variables it
 * supplies.  Free with g_strfreev. */
char      **jue_phrases_free_names (const JuePhrases *phrases);

G_END_DECLS
