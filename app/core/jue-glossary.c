/* jue-glossary.c — the 项 a report uses, and which its glossary defines
 * (jue-glossary.h). */
#include "config.h"

#include <string.h>

#include "jue-checks.h"
#include "jue-glossary.h"

void
jue_glossary_code_free (JueGlossaryCode *code)
{
  if (code == NULL)
    return;
  g_free (code->code);
  g_free (code->term);
  g_free (code->path);
  g_free (code);
}

static const char *
class_name (GPtrArray  *classification,
            const char *code,
            gsize       digits)
{
  if (code == NULL || strlen (code) < digits)
    return NULL;
  for (guint i = 0; i < classification->len; i++)
    {
      const JueClassEntry *e = classification->pdata[i];
      if (strlen (e->code) == digits && strncmp (e->code, code, digits) == 0)
        return e->name;
    }
  return NULL;
}

static const char *
text_or (const char *a,
         const char *b)
{
  return a && *a ? a : b && *b ? b : "";
}

/* The name without a final 支出 (其他科技交流与合作支出 / 其他科技交流与合作). */
static char *
stem (const char *name)
{
  gsize n = strlen (name);

  if (n > strlen ("支出") && g_str_has_suffix (name, "支出"))
    return g_strndup (name, n - strlen ("支出"));
  return g_strdup (name);
}

/* p starts a level's name in term: at the start, or after the （款） or
 * （类） before it. */
static gboolean
after_level (const char *term,
             const char *p)
{
  gsize n = strlen ("）");

  return p == term || ((gsize) (p - term) >= n && memcmp (p - n, "）", n) == 0);
}

/* Does term name the 项 name?  Where it marks levels, as name（项） after
 * the 款 (not the end of a longer name: 事业单位医疗 is not 行政事业单位医疗). */
static gboolean
names_item (const char *term,
            const char *name)
{
  g_autofree char *s = NULL;
  g_autofree char *marked = NULL;
  const char *p;

  if (name == NULL || *name == '\0')
    return FALSE;
  s = stem (name);
  if (strstr (term, "（项）") == NULL)
    return strstr (term, s) != NULL;
  marked = g_strconcat (s, "（项）", NULL);
  for (p = strstr (term, marked); p; p = strstr (p + 1, marked))
    if (after_level (term, p))
      return TRUE;
  /* the typed name with its 支出 */
  g_free (marked);
  marked = g_strconcat (name, "（项）", NULL);
  for (p = strstr (term, marked); p; p = strstr (p + 1, marked))
    if (after_level (term, p))
      return TRUE;
  return FALSE;
}

typedef struct {
  char *code;
  char *kuan[2];    /* typed, classification's */
  char *xiang[2];
  char *term;
  char *path;
} Used;

static void
used_free (Used *u)
{
  g_free (u->code);
  g_free (u->kuan[0]);
  g_free (u->kuan[1]);
  g_free (u->xiang[0]);
  g_free (u->xiang[1]);
  g_free (u->term);
  g_free (u->path);
  g_free (u);
}

static gboolean
same_item (const Used *u,
           const char *code,
           const char *kuan,
           const char *xiang)
{
  if (*u->code && code && *code)
    return strcmp (u->code, code) == 0;
  return g_strcmp0 (u->kuan[0], kuan) == 0 && g_strcmp0 (u->xiang[0], xiang) == 0;
}

static void
collect (GPtrArray          *used,
         GPtrArray          *rows,
         const char         *list,
         GPtrArray          *classification,
         gboolean            accounts)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const char *code, *cls, *kuan, *xiang;
      Used *u;
      gboolean seen = FALSE;

      if (accounts)
        {
          JueAccountRow *r = rows->pdata[i];
          code = r->code, cls = r->class_name, kuan = r->kuan_name, xiang = r->xiang_name;
        }
      else
        {
          JueFunctionalRow *r = rows->pdata[i];
          code = r->code, cls = r->class_name, kuan = r->kuan_name, xiang = r->xiang_name;
        }
      code = code ? code : "";
      /* a 项 row: a 7-digit code, or a 项 name */
      if (strlen (code) != 7 && (xiang == NULL || *xiang == '\0'))
        continue;
      for (guint k = 0; k < used->len && !seen; k++)
        seen = same_item (used->pdata[k], code, kuan, xiang);
      if (seen)
        continue;
      u = g_new0 (Used, 1);
      u->code = g_strdup (strlen (code) == 7 ? code : "");
      u->kuan[0] = g_strdup (kuan);
      u->kuan[1] = g_strdup (class_name (classification, u->code, 5));
      u->xiang[0] = g_strdup (xiang);
      u->xiang[1] = g_strdup (class_name (classification, u->code, 7));
      u->term = g_strdup_printf ("%s（类）%s（款）%s（项）",
                                 text_or (class_name (classification, u->code, 3), cls),
                                 text_or (u->kuan[1], kuan), text_or (u->xiang[1], xiang));
      u->path = g_strdup_printf ("%s[%u]", list, i);
      g_ptr_array_add (used, u);
    }
}

/* How many 项 used carry this name (as typed or as classified). */
static guint
count_named (GPtrArray  *used,
             const char *name)
{
  guint n = 0;

  for (guint i = 0; name && *name && i < used->len; i++)
    {
      const Used *u = used->pdata[i];
      if (g_strcmp0 (u->xiang[0], name) == 0 || g_strcmp0 (u->xiang[1], name) == 0)
        n++;
    }
  return n;
}

static gboolean
defines (const char *term,
         const Used *u,
         GPtrArray  *used)
{
  if (*u->code && strstr (term, u->code))
    return TRUE;
  for (guint k = 0; k < 2; k++)
    {
      const char *xiang = u->xiang[k];

      if (!names_item (term, xiang))
        continue;
      for (guint j = 0; j < 2; j++)
        if (u->kuan[j] && *u->kuan[j] && strstr (term, u->kuan[j]))
          return TRUE;
      if (count_named (used, xiang) == 1)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
jue_glossary_codes (const JueReport *report,
                    GPtrArray       *classification)
{
  g_autoptr (GPtrArray) used = g_ptr_array_new_with_free_func ((GDestroyNotify) used_free);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) jue_glossary_code_free);

  g_return_val_if_fail (report != NULL, out);
  if (classification == NULL || classification->len == 0)
    classification = jue_classification_builtin ();
  collect (used, report->functional, "functional", classification, FALSE);
  collect (used, report->accounts, "accounts", classification, TRUE);
  for (guint i = 0; i < used->len; i++)
    {
      Used *u = used->pdata[i];
      JueGlossaryCode *c = g_new0 (JueGlossaryCode, 1);

      for (guint k = 0; k < report->glossary->len && !c->defined; k++)
        {
          const JueGlossaryEntry *e = report->glossary->pdata[k];
          c->defined = e->term && *e->term && defines (e->term, u, used);
        }
      c->code = g_strdup (u->code);
      c->term = g_strdup (u->term);
      c->path = g_strdup (u->path);
      g_ptr_array_add (out, c);
    }
  return out;
}
