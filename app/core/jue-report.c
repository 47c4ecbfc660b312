/* jue-report.c — descriptor tables for the report model and the generic
 * operations on them: create, free, copy, compare, field paths, lists.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "jue-report.h"

/* ---- choices ---------------------------------------------------------- */

static const char * const unit_level_values[] = {
  "一级预算单位", "二级预算单位", "三级预算单位", "基层预算单位", NULL };
static const char * const level1_values[] = {
  "产出指标", "效益指标", "满意度指标", "成本指标", NULL };
static const char * const level2_values[] = {
  "数量指标", "质量指标", "时效指标", "成本指标",
  "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
  "服务对象满意度指标",
  "经济成本指标", "社会成本指标", "生态环境成本指标", NULL };
static const char * const nature_values[] = { "≥", "≤", "=", "定性", NULL };
static const char * const allocation_values[] = {
  "因素法", "项目法", "据实据效", "因素法与项目法相结合", NULL };

const JueChoiceSet jue_choices_unit_level = { unit_level_values, FALSE, FALSE };
const JueChoiceSet jue_choices_level1 = { level1_values, FALSE, FALSE };
const JueChoiceSet jue_choices_level2 = { level2_values, TRUE, FALSE };
const JueChoiceSet jue_choices_nature = { nature_values, FALSE, FALSE };
const JueChoiceSet jue_choices_allocation = { allocation_values, FALSE, TRUE };
static const char * const blank_cells_values[] = { "0.00", "空白", NULL };
const JueChoiceSet jue_choices_blank_cells = { blank_cells_values, FALSE, FALSE };
static const char * const template_values[] = { "sichuan", "national", NULL };
const JueChoiceSet jue_choices_template = { template_values, TRUE, FALSE };

/* ---- descriptor tables ------------------------------------------------ */

#define JUE_DESC(T, kind, name, label, extra, flags) \
  { #name, JUE_KIND_##kind, offsetof (T, name), label, extra, flags },
#define JUE_DESC_RECORD(T, kind, name, label, extra, flags) \
  { #name, JUE_KIND_RECORD, offsetof (T, name), label, &extra##_def, flags },

#define JUE_DEFINE_RECORD(Type, FIELDS) \
  static const JueFieldDef Type##_fields[] = { FIELDS (JUE_DESC, JUE_DESC_RECORD, Type) }; \
  const JueRecordDef Type##_def = { #Type, sizeof (Type), Type##_fields, \
                                    G_N_ELEMENTS (Type##_fields), \
                                    offsetof (Type, unreadable_), \
                                    offsetof (Type, carried_) };

JUE_DEFINE_RECORD (JueOffice, JUE_OFFICE_FIELDS)
JUE_DEFINE_RECORD (JueStaff, JUE_STAFF_FIELDS)
JUE_DEFINE_RECORD (JueProfile, JUE_PROFILE_FIELDS)
JUE_DEFINE_RECORD (JueIncome, JUE_INCOME_FIELDS)
JUE_DEFINE_RECORD (JueExpenditure, JUE_EXPENDITURE_FIELDS)
JUE_DEFINE_RECORD (JueOverview, JUE_OVERVIEW_FIELDS)
JUE_DEFINE_RECORD (JueAppropriation, JUE_APPROPRIATION_FIELDS)
JUE_DEFINE_RECORD (JueFunctionalRow, JUE_FUNCTIONAL_ROW_FIELDS)
JUE_DEFINE_RECORD (JueAccountRow, JUE_ACCOUNT_ROW_FIELDS)
JUE_DEFINE_RECORD (JueEconomicRow, JUE_ECONOMIC_ROW_FIELDS)
JUE_DEFINE_RECORD (JueBasic, JUE_BASIC_FIELDS)
JUE_DEFINE_RECORD (JueAbroad, JUE_ABROAD_FIELDS)
JUE_DEFINE_RECORD (JueVehiclePurchase, JUE_VEHICLE_PURCHASE_FIELDS)
JUE_DEFINE_RECORD (JueVehicleOperation, JUE_VEHICLE_OPERATION_FIELDS)
JUE_DEFINE_RECORD (JueVehicle, JUE_VEHICLE_FIELDS)
JUE_DEFINE_RECORD (JueReceptionPart, JUE_RECEPTION_PART_FIELDS)
JUE_DEFINE_RECORD (JueReception, JUE_RECEPTION_FIELDS)
JUE_DEFINE_RECORD (JueThreePublic, JUE_THREE_PUBLIC_FIELDS)
JUE_DEFINE_RECORD (JueFundRow, JUE_FUND_ROW_FIELDS)
JUE_DEFINE_RECORD (JueFund, JUE_FUND_FIELDS)
JUE_DEFINE_RECORD (JueProcurement, JUE_PROCUREMENT_FIELDS)
JUE_DEFINE_RECORD (JueAssets, JUE_ASSETS_FIELDS)
JUE_DEFINE_RECORD (JueOther, JUE_OTHER_FIELDS)
JUE_DEFINE_RECORD (JueGlossaryEntry, JUE_GLOSSARY_ENTRY_FIELDS)
JUE_DEFINE_RECORD (JueTask, JUE_TASK_FIELDS)
JUE_DEFINE_RECORD (JueIndicator, JUE_INDICATOR_FIELDS)
JUE_DEFINE_RECORD (JueTextSection, JUE_TEXT_SECTION_FIELDS)
JUE_DEFINE_RECORD (JueDeptEval, JUE_DEPT_EVAL_FIELDS)
JUE_DEFINE_RECORD (JueSpecialFund, JUE_SPECIAL_FUND_FIELDS)
JUE_DEFINE_RECORD (JueEmptyTable, JUE_EMPTY_TABLE_FIELDS)
JUE_DEFINE_RECORD (JueReport, JUE_REPORT_FIELDS)

#define SLOT(rec, f) ((gpointer) ((guint8 *) (rec) + (f)->offset))
#define UNREADABLE(def, rec) ((GHashTable **) ((guint8 *) (rec) + (def)->unreadable_offset))
#define CARRIED(def, rec) ((GHashTable **) ((guint8 *) (rec) + (def)->carried_offset))

/* field name (static, from the descriptor), a set */
static GHashTable *
carried_copy (GHashTable *from)
{
  GHashTable *to;
  GHashTableIter it;
  gpointer k;

  if (from == NULL || g_hash_table_size (from) == 0)
    return NULL;
  to = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&it, from);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_hash_table_add (to, k);
  return to;
}

static gboolean
carried_equal (GHashTable *a,
               GHashTable *b)
{
  guint na = a ? g_hash_table_size (a) : 0, nb = b ? g_hash_table_size (b) : 0;
  GHashTableIter it;
  gpointer k;

  if (na != nb)
    return FALSE;
  if (na == 0)
    return TRUE;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (!g_hash_table_contains (b, k))
      return FALSE;
  return TRUE;
}

/* field name (static, from the descriptor) → typed text */
static GHashTable *
unreadable_copy (GHashTable *from)
{
  GHashTable *to;
  GHashTableIter it;
  gpointer k, v;

  if (from == NULL || g_hash_table_size (from) == 0)
    return NULL;
  to = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_iter_init (&it, from);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (to, k, g_strdup (v));
  return to;
}

static gboolean
unreadable_equal (GHashTable *a,
                  GHashTable *b)
{
  guint na = a ? g_hash_table_size (a) : 0, nb = b ? g_hash_table_size (b) : 0;
  GHashTableIter it;
  gpointer k, v;

  if (na != nb)
    return FALSE;
  if (na == 0)
    return TRUE;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (g_strcmp0 (v, g_hash_table_lookup (b, k)) != 0)
      return FALSE;
  return TRUE;
}

/* ---- construction ----------------------------------------------------- */

static void
record_init (const JueRecordDef *def,
             gpointer            rec)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];

      if (f->kind == JUE_KIND_RECORD)
        record_init (f->extra, SLOT (rec, f));
      else if (f->kind == JUE_KIND_LIST)
        *(GPtrArray **) SLOT (rec, f) = g_ptr_array_new ();
    }
}

static void
record_clear (const JueRecordDef *def,
              gpointer            rec)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      gpointer slot = SLOT (rec, f);

      switch (f->kind)
        {
        case JUE_KIND_TEXT:
        case JUE_KIND_CHOICE:
        case JUE_KIND_DATE:
          g_clear_pointer ((char **) slot, g_free);
          break;
        case JUE_KIND_RECORD:
          record_clear (f->extra, slot);
          break;
        case JUE_KIND_LIST:
          {
            GPtrArray *items = *(GPtrArray **) slot;
            if (items)
              {
                for (guint k = 0; k < items->len; k++)
                  jue_record_free (f->extra, items->pdata[k]);
                g_ptr_array_unref (items);
                *(GPtrArray **) slot = NULL;
              }
          }
          break;
        default:
          break;
        }
    }
  g_clear_pointer (UNREADABLE (def, rec), g_hash_table_unref);
  g_clear_pointer (CARRIED (def, rec), g_hash_table_unref);
}

gpointer
jue_record_new (const JueRecordDef *def)
{
  gpointer rec = g_malloc0 (def->size);
  record_init (def, rec);
  return rec;
}

void
jue_record_free (const JueRecordDef *def,
                 gpointer            record)
{
  if (record == NULL)
    return;
  record_clear (def, record);
  g_free (record);
}

static void
record_copy_into (const JueRecordDef *def,
                  gpointer            dst,
                  gconstpointer       src)
{
  memcpy (dst, src, def->size);
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      gpointer d = SLOT (dst, f);
      gconstpointer s = SLOT (src, f);

      switch (f->kind)
        {
        case JUE_KIND_TEXT:
        case JUE_KIND_CHOICE:
        case JUE_KIND_DATE:
          *(char **) d = g_strdup (*(char * const *) s);
          break;
        case JUE_KIND_RECORD:
          record_copy_into (f->extra, d, s);
          break;
        case JUE_KIND_LIST:
          {
            GPtrArray *from = *(GPtrArray * const *) s;
            GPtrArray *to = g_ptr_array_sized_new (from->len);
            for (guint k = 0; k < from->len; k++)
              g_ptr_array_add (to, jue_record_copy (f->extra, from->pdata[k]));
            *(GPtrArray **) d = to;
          }
          break;
        default:
          break;
        }
    }
  *UNREADABLE (def, dst) = unreadable_copy (*UNREADABLE (def, (gpointer) src));
  *CARRIED (def, dst) = carried_copy (*CARRIED (def, (gpointer) src));
}

gpointer
jue_record_copy (const JueRecordDef *def,
                 gconstpointer       record)
{
  gpointer rec = g_malloc0 (def->size);
  record_copy_into (def, rec, record);
  return rec;
}

static gboolean
record_equal (const JueRecordDef *def,
              gconstpointer       a,
              gconstpointer       b)
{
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];
      gconstpointer x = SLOT (a, f), y = SLOT (b, f);

      switch (f->kind)
        {
        case JUE_KIND_TEXT:
        case JUE_KIND_CHOICE:
        case JUE_KIND_DATE:
          if (g_strcmp0 (*(char * const *) x, *(char * const *) y) != 0)
            return FALSE;
          break;
        case JUE_KIND_AMOUNT:
          {
            const JueAmount *p = x, *q = y;
            if (p->set != q->set || (p->set && p->fen != q->fen))
              return FALSE;
          }
          break;
        case JUE_KIND_INTEGER:
          {
            const JueInteger *p = x, *q = y;
            if (p->set != q->set || (p->set && p->value != q->value))
              return FALSE;
          }
          break;
        case JUE_KIND_PERCENT:
          {
            const JuePercent *p = x, *q = y;
            if (p->set != q->set || (p->set && p->centi != q->centi))
              return FALSE;
          }
          break;
        case JUE_KIND_RECORD:
          if (!record_equal (f->extra, x, y))
            return FALSE;
          break;
        case JUE_KIND_LIST:
          {
            GPtrArray *l = *(GPtrArray * const *) x, *m = *(GPtrArray * const *) y;
            if (l->len != m->len)
              return FALSE;
            for (guint k = 0; k < l->len; k++)
              if (!record_equal (f->extra, l->pdata[k], m->pdata[k]))
                return FALSE;
          }
          break;
        }
    }
  return unreadable_equal (*UNREADABLE (def, (gpointer) a), *UNREADABLE (def, (gpointer) b)) &&
         carried_equal (*CARRIED (def, (gpointer) a), *CARRIED (def, (gpointer) b));
}

JueReport *
jue_report_new (void)
{
  return jue_record_new (&JueReport_def);
}

void
jue_report_free (JueReport *report)
{
  jue_record_free (&JueReport_def, report);
}

JueReport *
jue_report_copy (const JueReport *report)
{
  return jue_record_copy (&JueReport_def, report);
}

gboolean
jue_report_equal (const JueReport *a,
                  const JueReport *b)
{
  return record_equal (&JueReport_def, a, b);
}

/* ---- field paths ------------------------------------------------------ */

static const JueFieldDef *
find_field (const JueRecordDef *def,
            const char         *name,
            gsize               len)
{
  /* every stored value resolves its path when a file is loaded: no strlen
   * of every name on the way (n[len] is read only when n has len chars) */
  for (guint i = 0; i < def->n_fields; i++)
    {
      const char *n = def->fields[i].name;
      if (n[0] == name[0] && strncmp (n, name, len) == 0 && n[len] == '\0')
        return &def->fields[i];
    }
  return NULL;
}

static gboolean
unknown_path (GError    **error,
              const char *path,
              const char *why)
{
  g_set_error (error, JUE_ERROR, JUE_ERROR_UNKNOWN_PATH,
               /* TRANSLATORS: %s is a field path such as functional[3].budget */
               _("Unknown field path “%s”: %s"), path, why);
  return FALSE;
}

gboolean
jue_report_resolve (JueReport   *report,
                    const char  *path,
                    JueFieldRef *out,
                    GError     **error)
{
  const JueRecordDef *def = &JueReport_def;
  gpointer rec = report;
  const char *p = path;

  if (path == NULL || *path == '\0')
    return unknown_path (error, "", _("the path is empty"));

  for (;;)
    {
      const char *end = p;
      const JueFieldDef *f;
      gint index = -1;

      while (*end && *end != '.' && *end != '[')
        end++;
      f = find_field (def, p, (gsize) (end - p));
      if (f == NULL)
        {
          g_autofree char *seg = g_strndup (p, (gsize) (end - p));
          g_autofree char *why = g_strdup_printf (_("“%s” is not a field here"), seg);
          return unknown_path (error, path, why);
        }

      if (*end == '[')
        {
          char *close;
          guint64 v;

          if (f->kind != JUE_KIND_LIST)
            return unknown_path (error, path, _("only lists take an index"));
          if (!g_ascii_isdigit (end[1]))
            return unknown_path (error, path, _("the index must be a number"));
          v = g_ascii_strtoull (end + 1, &close, 10);
          if (*close != ']' || v > G_MAXINT)
            return unknown_path (error, path, _("the index must be a number"));
          {
            GPtrArray *items = *(GPtrArray **) SLOT (rec, f);
            if (v >= items->len)
              {
                g_autofree char *why = g_strdup_printf (
                  g_dngettext (GETTEXT_PACKAGE,
                               "the list has %u row (indices start at 0)",
                               "the list has %u rows (indices start at 0)",
                               items->len), items->len);
                return unknown_path (error, path, why);
              }
            index = (gint) v;
            end = close + 1;
            if (*end == '\0')
              {
                out->def = f;
                out->ptr = items->pdata[index];
                out->index = index;
                out->owner = def;
                return TRUE;
              }
            if (*end != '.')
              return unknown_path (error, path, _("expected “.” after “]”"));
            def = f->extra;
            rec = items->pdata[index];
            p = end + 1;
            continue;
          }
        }

      if (*end == '\0')
        {
          out->def = f;
          out->ptr = SLOT (rec, f);
          out->index = -1;
          out->owner = def;
          return TRUE;
        }

      /* *end == '.' */
      if (f->kind == JUE_KIND_RECORD)
        {
          def = f->extra;
          rec = SLOT (rec, f);
          p = end + 1;
        }
      else if (f->kind == JUE_KIND_LIST)
        return unknown_path (error, path, _("a list needs an index such as [0]"));
      else
        return unknown_path (error, path, _("this field has no parts"));
    }
}

void
jue_resolve_cache_init (JueResolveCache *cache)
{
  cache->container = g_string_new (NULL);
  cache->def = NULL;
  cache->record = NULL;
}

void
jue_resolve_cache_clear (JueResolveCache *cache)
{
  if (cache->container)
    g_string_free (cache->container, TRUE);
  cache->container = NULL;
  cache->def = NULL;
  cache->record = NULL;
}

gboolean
jue_resolve_cache_holds (JueResolveCache *cache,
                         const char      *path)
{
  const char *dot = strrchr (path, '.');
  gsize n = dot ? (gsize) (dot - path) : 0;

  return cache->def != NULL && cache->container->len == n &&
         memcmp (cache->container->str, path, n) == 0;
}

gboolean
jue_report_resolve_cached (JueReport       *report,
                           JueResolveCache *cache,
                           const char      *path,
                           JueFieldRef     *out,
                           GError         **error)
{
  const char *dot = strrchr (path, '.');
  const char *leaf = dot ? dot + 1 : path;

  if (jue_resolve_cache_holds (cache, path) && !strchr (leaf, '['))
    {
      const JueFieldDef *f = find_field (cache->def, leaf, strlen (leaf));
      if (f)
        {
          out->def = f;
          out->ptr = SLOT (cache->record, f);
          out->index = -1;
          out->owner = cache->def;
          return TRUE;
        }
    }
  if (!jue_report_resolve (report, path, out, error))
    return FALSE;
  /* a field of a record (not a row of a list): remember the record */
  if (out->index < 0 && out->owner && !strchr (leaf, '['))
    {
      g_string_assign (cache->container, "");
      g_string_append_len (cache->container, path, dot ? (gssize) (dot - path) : 0);
      cache->def = out->owner;
      cache->record = (guint8 *) out->ptr - out->def->offset;
    }
  return TRUE;
}

const char *
jue_kind_type_name (JueKind kind)
{
  switch (kind)
    {
    case JUE_KIND_TEXT: return "text";
    case JUE_KIND_AMOUNT: return "amount";
    case JUE_KIND_INTEGER: return "integer";
    case JUE_KIND_PERCENT: return "percent";
    case JUE_KIND_CHOICE: return "choice";
    case JUE_KIND_DATE: return "date";
    case JUE_KIND_RECORD: return "record";
    case JUE_KIND_LIST: return "list";
    default: return "?";
    }
}

static gboolean
is_scalar (const JueFieldRef *ref)
{
  return ref->index < 0 && ref->def->kind != JUE_KIND_RECORD &&
         ref->def->kind != JUE_KIND_LIST;
}

/* The record a scalar field belongs to. */
/* NULL for a scratch value outside any record (owner NULL). */
static GHashTable **
unreadable_slot (const JueFieldRef *ref)
{
  gpointer rec = (guint8 *) ref->ptr - ref->def->offset;
  return ref->owner ? UNREADABLE (ref->owner, rec) : NULL;
}

const char *
jue_field_get_unreadable (const JueFieldRef *ref)
{
  GHashTable *map;

  g_return_val_if_fail (is_scalar (ref), NULL);
  if (ref->owner == NULL)
    return NULL;
  map = *unreadable_slot (ref);
  return map ? g_hash_table_lookup (map, ref->def->name) : NULL;
}

static void
value_set_unreadable (const JueFieldRef *ref,
                      gboolean           unreadable)
{
  switch (ref->def->kind)
    {
    case JUE_KIND_AMOUNT:
      ((JueAmount *) ref->ptr)->unreadable = unreadable;
      break;
    case JUE_KIND_INTEGER:
      ((JueInteger *) ref->ptr)->unreadable = unreadable;
      break;
    case JUE_KIND_PERCENT:
      ((JuePercent *) ref->ptr)->unreadable = unreadable;
      break;
    default:
      break;
    }
}

/* text NULL: the value reads (forget any typed text). */
static void
keep_unreadable (const JueFieldRef *ref,
                 const char        *text)
{
  GHashTable **map = unreadable_slot (ref);

  value_set_unreadable (ref, text != NULL);
  if (map == NULL)
    return;
  if (text == NULL)
    {
      if (*map)
        {
          g_hash_table_remove (*map, ref->def->name);
          if (g_hash_table_size (*map) == 0)
            g_clear_pointer (map, g_hash_table_unref);
        }
      return;
    }
  if (*map == NULL)
    *map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (*map, (gpointer) ref->def->name, g_strdup (text));
}

char *
jue_field_get_text (const JueFieldRef *ref)
{
  const char *typed;

  g_return_val_if_fail (is_scalar (ref), NULL);

  typed = jue_field_get_unreadable (ref);
  if (typed)
    return g_strdup (typed);
  switch (ref->def->kind)
    {
    case JUE_KIND_TEXT:
    case JUE_KIND_CHOICE:
    case JUE_KIND_DATE:
      return g_strdup (*(char **) ref->ptr ? *(char **) ref->ptr : "");
    case JUE_KIND_AMOUNT:
      return jue_amount_canonical (*(JueAmount *) ref->ptr);
    case JUE_KIND_INTEGER:
      return jue_integer_canonical (*(JueInteger *) ref->ptr);
    case JUE_KIND_PERCENT:
      return jue_percent_canonical (*(JuePercent *) ref->ptr);
    default:
      return NULL;
    }
}

gboolean
jue_field_is_blank (const JueFieldRef *ref)
{
  if (is_scalar (ref) && jue_field_get_unreadable (ref))
    return FALSE;
  switch (ref->def->kind)
    {
    case JUE_KIND_TEXT:
    case JUE_KIND_CHOICE:
    case JUE_KIND_DATE:
      return *(char **) ref->ptr == NULL || **(char **) ref->ptr == '\0';
    case JUE_KIND_AMOUNT:
      return !((JueAmount *) ref->ptr)->set;
    case JUE_KIND_INTEGER:
      return !((JueInteger *) ref->ptr)->set;
    case JUE_KIND_PERCENT:
      return !((JuePercent *) ref->ptr)->set;
    default:
      return FALSE;
    }
}

static const char *
choice_alias (const char *s)
{
  static const struct { const char *from, *to; } aliases[] = {
    { ">=", "≥" }, { "<=", "≤" }, { "≧", "≥" }, { "≦", "≤" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (s, aliases[i].from) == 0)
      return aliases[i].to;
  return s;
}

static gboolean
choice_valid (const JueChoiceSet *set,
              const char         *value)
{
  if (set->open)
    return TRUE;
  for (guint i = 0; set->values[i]; i++)
    if (strcmp (set->values[i], value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_choice (const JueFieldDef *f,
              const char        *path,
              const char        *text,
              char             **out,
              GError           **error)
{
  const JueChoiceSet *set = f->extra;
  g_autofree char *s = jue_normalize_input (text);
  g_auto (GStrv) parts = NULL;
  g_autoptr (GString) joined = g_string_new (NULL);

  if (*s == '\0')
    {
      *out = NULL;
      return TRUE;
    }

  if (set->multi)
    {
      g_autofree char *unified = g_strdup (s);
      /* accept 、 ， , ; as separators */
      GString *u = g_string_new (unified);
      g_string_replace (u, "、", ",", 0);
      g_string_replace (u, "，", ",", 0);
      g_string_replace (u, ";", ",", 0);
      parts = g_strsplit (u->str, ",", -1);
      g_string_free (u, TRUE);
    }
  else
    {
      parts = g_new0 (char *, 2);
      parts[0] = g_strdup (s);
    }

  for (guint i = 0; parts[i]; i++)
    {
      const char *v = choice_alias (g_strstrip (parts[i]));
      if (*v == '\0')
        continue;
      if (!choice_valid (set, v))
        {
          g_autofree char *allowed = g_strjoinv ("、", (char **) set->values);
          g_autofree char *shown = jue_input_excerpt (v);
          g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                       _("%s: “%s” is not one of %s"), path, shown, allowed);
          return FALSE;
        }
      if (joined->len)
        g_string_append (joined, "、");
      g_string_append (joined, v);
    }
  *out = joined->len ? g_strdup (joined->str) : NULL;
  return TRUE;
}

static gboolean
prefix_error (GError    **error,
              GError     *inner,
              const char *path)
{
  g_set_error (error, inner->domain, inner->code, "%s: %s", path, inner->message);
  g_error_free (inner);
  return FALSE;
}

static gboolean
parse_into (const JueFieldRef *ref,
            const char        *path,
            const char        *text,
            GError           **error)
{
  GError *inner = NULL;

  if (!is_scalar (ref))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s is a record or list, not a value"), path);
      return FALSE;
    }
  if (text == NULL)
    text = "";

  switch (ref->def->kind)
    {
    case JUE_KIND_TEXT:
      {
        char **slot = ref->ptr;
        if (!g_utf8_validate (text, -1, NULL))
          {
            g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                         _("%s: the text is not valid UTF-8"), path);
            return FALSE;
          }
        g_free (*slot);
        *slot = *text ? g_strdup (text) : NULL;
        return TRUE;
      }
    case JUE_KIND_CHOICE:
      {
        char *v = NULL;
        if (!parse_choice (ref->def, path, text, &v, error))
          return FALSE;
        g_free (*(char **) ref->ptr);
        *(char **) ref->ptr = v;
        return TRUE;
      }
    case JUE_KIND_DATE:
      {
        char *v = NULL;
        if (!jue_date_parse (text, &v, &inner))
          return prefix_error (error, inner, path);
        g_free (*(char **) ref->ptr);
        *(char **) ref->ptr = v;
        return TRUE;
      }
    case JUE_KIND_AMOUNT:
      {
        JueAmount a;
        if (!jue_amount_parse (text, &a, &inner))
          return prefix_error (error, inner, path);
        *(JueAmount *) ref->ptr = a;
        return TRUE;
      }
    case JUE_KIND_INTEGER:
      {
        JueInteger v;
        if (!jue_integer_parse (text, &v, &inner))
          return prefix_error (error, inner, path);
        *(JueInteger *) ref->ptr = v;
        return TRUE;
      }
    case JUE_KIND_PERCENT:
      {
        JuePercent v;
        if (!jue_percent_parse (text, &v, &inner))
          return prefix_error (error, inner, path);
        *(JuePercent *) ref->ptr = v;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
jue_field_is_carried (const JueFieldRef *ref)
{
  GHashTable *set;

  if (!is_scalar (ref) || ref->owner == NULL)
    return FALSE;
  set = *CARRIED (ref->owner, (guint8 *) ref->ptr - ref->def->offset);
  return set && g_hash_table_contains (set, ref->def->name);
}

void
jue_field_set_carried (const JueFieldRef *ref,
                       gboolean           carried)
{
  GHashTable **set;

  g_return_if_fail (is_scalar (ref));
  if (ref->owner == NULL)
    return;
  set = CARRIED (ref->owner, (guint8 *) ref->ptr - ref->def->offset);
  if (carried)
    {
      if (*set == NULL)
        *set = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_add (*set, (gpointer) ref->def->name);
    }
  else if (*set)
    {
      g_hash_table_remove (*set, ref->def->name);
      if (g_hash_table_size (*set) == 0)
        g_clear_pointer (set, g_hash_table_unref);
    }
}

typedef struct {
  JueFieldFunc func;
  gpointer     user_data;
} CarriedWalk;

static void
carried_one (const char        *path,
             const JueFieldRef *ref,
             gpointer           user_data)
{
  CarriedWalk *w = user_data;

  if (jue_field_is_carried (ref))
    w->func (path, ref, w->user_data);
}

void
jue_report_foreach_carried (JueReport    *report,
                            const char   *prefix,
                            JueFieldFunc  func,
                            gpointer      user_data)
{
  CarriedWalk w = { func, user_data };

  jue_report_foreach (report, prefix, carried_one, &w, NULL);
}

static void count_one (const char *path, const JueFieldRef *ref, gpointer user_data);

guint
jue_report_count_carried (JueReport *report)
{
  guint n = 0;

  jue_report_foreach_carried (report, NULL, count_one, &n);
  return n;
}

gboolean
jue_field_set_text (const JueFieldRef *ref,
                    const char        *path,
                    const char        *text,
                    GError           **error)
{
  if (!parse_into (ref, path, text, error))
    return FALSE;
  keep_unreadable (ref, NULL);
  jue_field_set_carried (ref, FALSE);
  return TRUE;
}

static void
clear_value (const JueFieldRef *ref)
{
  switch (ref->def->kind)
    {
    case JUE_KIND_CHOICE:
    case JUE_KIND_DATE:
      g_clear_pointer ((char **) ref->ptr, g_free);
      break;
    case JUE_KIND_AMOUNT:
      *(JueAmount *) ref->ptr = (JueAmount) { 0, FALSE, FALSE };
      break;
    case JUE_KIND_INTEGER:
      *(JueInteger *) ref->ptr = (JueInteger) { 0, FALSE, FALSE };
      break;
    case JUE_KIND_PERCENT:
      *(JuePercent *) ref->ptr = (JuePercent) { 0, FALSE, FALSE };
      break;
    default:
      break;
    }
}

gboolean
jue_field_set_typed (const JueFieldRef *ref,
                     const char        *path,
                     const char        *text,
                     gboolean          *readable_out,
                     GError           **error)
{
  g_autoptr (GError) parse_error = NULL;

  if (readable_out)
    *readable_out = TRUE;
  if (text == NULL)
    text = "";
  if (!is_scalar (ref) || ref->def->kind == JUE_KIND_TEXT)
    return jue_field_set_text (ref, path, text, error);
  if (parse_into (ref, path, text, &parse_error))
    {
      keep_unreadable (ref, NULL);
      jue_field_set_carried (ref, FALSE);
      return TRUE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s: the text is not valid UTF-8"), path);
      return FALSE;
    }
  if (strlen (text) > JUE_MAX_UNREADABLE_TEXT)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("%s: %zu characters cannot be a value of this field"),
                   path, (gsize) g_utf8_strlen (text, -1));
      return FALSE;
    }
  clear_value (ref);
  keep_unreadable (ref, text);
  jue_field_set_carried (ref, FALSE);
  if (readable_out)
    *readable_out = FALSE;
  return TRUE;
}

char *
jue_field_unreadable_message (const JueFieldRef *ref,
                              const char        *path)
{
  const char *typed = jue_field_get_unreadable (ref);
  JueFieldRef scratch = *ref;
  g_autoptr (GError) error = NULL;
  union { JueAmount a; JueInteger i; JuePercent p; char *s; } tmp;

  if (typed == NULL)
    return NULL;
  /* parse into a scratch slot: the message, not the value, is wanted */
  memset (&tmp, 0, sizeof tmp);
  scratch.ptr = &tmp;
  scratch.owner = NULL;
  if (parse_into (&scratch, path, typed, &error))
    {
      /* reads now (a newer parser): still say what was typed */
      clear_value (&scratch);
      return g_strdup_printf (_("%s: “%s” was kept as typed"), path, typed);
    }
  return g_strdup (error->message);
}

gboolean
jue_report_set_typed (JueReport  *report,
                      const char *path,
                      const char *text,
                      gboolean   *readable_out,
                      GError    **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, path, &ref, error))
    return FALSE;
  return jue_field_set_typed (&ref, path, text, readable_out, error);
}

char *
jue_report_get (JueReport  *report,
                const char *path,
                GError    **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, path, &ref, error))
    return NULL;
  if (!is_scalar (&ref))
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s is a record or list, not a value"), path);
      return NULL;
    }
  return jue_field_get_text (&ref);
}

gboolean
jue_report_set (JueReport  *report,
                const char *path,
                const char *text,
                GError    **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, path, &ref, error))
    return FALSE;
  return jue_field_set_text (&ref, path, text, error);
}

/* ---- lists ------------------------------------------------------------ */

static GPtrArray *
resolve_list (JueReport  *report,
              const char *list_path,
              const JueRecordDef **element,
              GError    **error)
{
  JueFieldRef ref;

  if (!jue_report_resolve (report, list_path, &ref, error))
    return NULL;
  if (ref.def->kind != JUE_KIND_LIST || ref.index >= 0)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s is not a list"), list_path);
      return NULL;
    }
  *element = ref.def->extra;
  return *(GPtrArray **) ref.ptr;
}

gboolean
jue_split_item_path (const char *item_path,
                 char      **list_path,
                 gint       *index,
                 GError    **error)
{
  const char *open = strrchr (item_path, '[');
  char *close;
  guint64 v;

  if (open == NULL || !g_ascii_isdigit (open[1]))
    goto bad;
  v = g_ascii_strtoull (open + 1, &close, 10);
  if (*close != ']' || close[1] != '\0' || v > G_MAXINT)
    goto bad;
  *list_path = g_strndup (item_path, (gsize) (open - item_path));
  *index = (gint) v;
  return TRUE;

bad:
  g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
               _("“%s” is not a list row; write it like functional[3]"), item_path);
  return FALSE;
}

gint
jue_report_list_insert_record (JueReport  *report,
                               const char *list_path,
                               gint        index,
                               gpointer    record,
                               GError    **error)
{
  const JueRecordDef *element;
  GPtrArray *items = resolve_list (report, list_path, &element, error);

  if (items == NULL)
    return -1;
  if (index < 0)
    index = (gint) items->len;
  if ((guint) index > items->len)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s has %u rows; cannot insert at %d"),
                   list_path, items->len, index);
      return -1;
    }
  if (items->len >= JUE_MAX_LIST_ROWS)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_TOO_LARGE,
                   _("%s already has %d rows, the most a list may have"),
                   list_path, JUE_MAX_LIST_ROWS);
      return -1;
    }
  g_ptr_array_insert (items, index, record ? record : jue_record_new (element));
  return index;
}

gint
jue_report_list_insert (JueReport  *report,
                        const char *list_path,
                        gint        index,
                        GError    **error)
{
  return jue_report_list_insert_record (report, list_path, index, NULL, error);
}

gpointer
jue_report_list_steal (JueReport           *report,
                       const char          *list_path,
                       gint                 index,
                       const JueRecordDef **element_out,
                       GError             **error)
{
  const JueRecordDef *element;
  GPtrArray *items = resolve_list (report, list_path, &element, error);

  if (items == NULL)
    return NULL;
  if (index < 0 || (guint) index >= items->len)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s has %u rows; there is no row %d"),
                   list_path, items->len, index);
      return NULL;
    }
  if (element_out)
    *element_out = element;
  return g_ptr_array_steal_index (items, index);
}

gboolean
jue_report_list_remove (JueReport  *report,
                        const char *item_path,
                        GError    **error)
{
  g_autofree char *list_path = NULL;
  const JueRecordDef *element;
  gpointer item;
  gint index;

  if (!jue_split_item_path (item_path, &list_path, &index, error))
    return FALSE;
  item = jue_report_list_steal (report, list_path, index, &element, error);
  if (item == NULL)
    return FALSE;
  jue_record_free (element, item);
  return TRUE;
}

gboolean
jue_report_list_move_row (JueReport  *report,
                          const char *list_path,
                          gint        from,
                          gint        to,
                          GError    **error)
{
  const JueRecordDef *element;
  GPtrArray *items = resolve_list (report, list_path, &element, error);
  gpointer item;

  if (items == NULL)
    return FALSE;
  if (from < 0 || to < 0 || (guint) from >= items->len || (guint) to >= items->len)
    {
      g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                   _("%s has %u rows; cannot move row %d to %d"),
                   list_path, items->len, from, to);
      return FALSE;
    }
  item = g_ptr_array_steal_index (items, from);
  g_ptr_array_insert (items, to, item);
  return TRUE;
}

gboolean
jue_report_list_move (JueReport  *report,
                      const char *item_path,
                      gint        new_index,
                      GError    **error)
{
  g_autofree char *list_path = NULL;
  gint index;

  return jue_split_item_path (item_path, &list_path, &index, error) &&
         jue_report_list_move_row (report, list_path, index, new_index, error);
}

/* ---- walking ---------------------------------------------------------- */

static void
walk_record (const JueRecordDef *def,
             gpointer            rec,
             GString            *path,
             JueFieldFunc        func,
             gpointer            user_data)
{
  gsize base = path->len;

  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];

      g_string_truncate (path, base);
      if (base)
        g_string_append_c (path, '.');
      g_string_append (path, f->name);

      if (f->kind == JUE_KIND_RECORD)
        walk_record (f->extra, SLOT (rec, f), path, func, user_data);
      else if (f->kind == JUE_KIND_LIST)
        {
          GPtrArray *items = *(GPtrArray **) SLOT (rec, f);
          gsize list_len = path->len;
          for (guint k = 0; k < items->len; k++)
            {
              g_string_truncate (path, list_len);
              g_string_append_printf (path, "[%u]", k);
              walk_record (f->extra, items->pdata[k], path, func, user_data);
            }
        }
      else
        {
          JueFieldRef ref = { f, SLOT (rec, f), -1, def };
          func (path->str, &ref, user_data);
        }
    }
  g_string_truncate (path, base);
}

/* Without building a path: a report twenty times the sample is walked on
 * every edit, and almost never holds one. */
static gboolean
has_unreadable (const JueRecordDef *def,
                gpointer            rec)
{
  GHashTable *map = *UNREADABLE (def, rec);

  if (map && g_hash_table_size (map))
    return TRUE;
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];

      if (f->kind == JUE_KIND_RECORD && has_unreadable (f->extra, SLOT (rec, f)))
        return TRUE;
      if (f->kind == JUE_KIND_LIST)
        {
          GPtrArray *items = *(GPtrArray **) SLOT (rec, f);
          for (guint k = 0; k < items->len; k++)
            if (has_unreadable (f->extra, items->pdata[k]))
              return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_carried (const JueRecordDef *def,
             gpointer            rec)
{
  GHashTable *set = *CARRIED (def, rec);

  if (set && g_hash_table_size (set))
    return TRUE;
  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];

      if (f->kind == JUE_KIND_RECORD && has_carried (f->extra, SLOT (rec, f)))
        return TRUE;
      if (f->kind == JUE_KIND_LIST)
        {
          GPtrArray *items = *(GPtrArray **) SLOT (rec, f);
          for (guint k = 0; k < items->len; k++)
            if (has_carried (f->extra, items->pdata[k]))
              return TRUE;
        }
    }
  return FALSE;
}

gboolean
jue_report_has_carried (const JueReport *report)
{
  return has_carried (&JueReport_def, (gpointer) report);
}

static void
walk_unreadable (const JueRecordDef *def,
                 gpointer            rec,
                 GString            *path,
                 JueFieldFunc        func,
                 gpointer            user_data)
{
  gsize base = path->len;
  GHashTable *map = *UNREADABLE (def, rec);

  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];

      if (f->kind != JUE_KIND_RECORD && f->kind != JUE_KIND_LIST &&
          (map == NULL || !g_hash_table_contains (map, f->name)))
        continue;
      g_string_truncate (path, base);
      if (base)
        g_string_append_c (path, '.');
      g_string_append (path, f->name);
      if (f->kind == JUE_KIND_RECORD)
        walk_unreadable (f->extra, SLOT (rec, f), path, func, user_data);
      else if (f->kind == JUE_KIND_LIST)
        {
          GPtrArray *items = *(GPtrArray **) SLOT (rec, f);
          gsize list_len = path->len;
          for (guint k = 0; k < items->len; k++)
            {
              if (!has_unreadable (f->extra, items->pdata[k]))
                continue;
              g_string_truncate (path, list_len);
              g_string_append_printf (path, "[%u]", k);
              walk_unreadable (f->extra, items->pdata[k], path, func, user_data);
            }
        }
      else
        {
          JueFieldRef ref = { f, SLOT (rec, f), -1, def };
          func (path->str, &ref, user_data);
        }
    }
  g_string_truncate (path, base);
}

void
jue_report_foreach_unreadable (const JueReport *report,
                               JueFieldFunc     func,
                               gpointer         user_data)
{
  g_autoptr (GString) path = g_string_new (NULL);

  walk_unreadable (&JueReport_def, (gpointer) report, path, func, user_data);
}

static void
count_one (const char        *path,
           const JueFieldRef *ref,
           gpointer           user_data)
{
  (*(guint *) user_data)++;
}

guint
jue_report_count_unreadable (const JueReport *report)
{
  guint n = 0;

  jue_report_foreach_unreadable (report, count_one, &n);
  return n;
}

gboolean
jue_report_foreach (JueReport   *report,
                    const char  *prefix,
                    JueFieldFunc func,
                    gpointer     user_data,
                    GError     **error)
{
  g_autoptr (GString) path = g_string_new (prefix);
  JueFieldRef ref;

  if (prefix == NULL || *prefix == '\0')
    {
      walk_record (&JueReport_def, report, path, func, user_data);
      return TRUE;
    }
  if (!jue_report_resolve (report, prefix, &ref, error))
    return FALSE;

  if (ref.def->kind == JUE_KIND_LIST && ref.index >= 0)
    walk_record (ref.def->extra, ref.ptr, path, func, user_data);
  else if (ref.def->kind == JUE_KIND_RECORD)
    walk_record (ref.def->extra, ref.ptr, path, func, user_data);
  else if (ref.def->kind == JUE_KIND_LIST)
    {
      GPtrArray *items = *(GPtrArray **) ref.ptr;
      for (guint k = 0; k < items->len; k++)
        {
          g_string_printf (path, "%s[%u]", prefix, k);
          walk_record (ref.def->extra, items->pdata[k], path, func, user_data);
        }
    }
  else
    func (prefix, &ref, user_data);
  return TRUE;
}

/* ---- one-line escaping ------------------------------------------------ */

char *
jue_escape_line (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (s, "\\\\"); break;
      case '\t': g_string_append (s, "\\t"); break;
      case '\n': g_string_append (s, "\\n"); break;
      case '\r': g_string_append (s, "\\r"); break;
      default: g_string_append_c (s, *p);
      }
  return g_string_free (s, FALSE);
}

char *
jue_unescape_line (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (s, *p);
          continue;
        }
      switch (*++p)
        {
        case '\\': g_string_append_c (s, '\\'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        default:
          g_string_free (s, TRUE);
          return NULL;
        }
    }
  return g_string_free (s, FALSE);
}

/* ---- the schema itself ------------------------------------------------ */

static void
walk_schema (const JueRecordDef *def,
             GString            *path,
             JueSchemaFunc       func,
             gpointer            user_data)
{
  gsize base = path->len;

  for (guint i = 0; i < def->n_fields; i++)
    {
      const JueFieldDef *f = &def->fields[i];

      g_string_truncate (path, base);
      if (base)
        g_string_append_c (path, '.');
      g_string_append (path, f->name);
      if (f->kind == JUE_KIND_RECORD)
        walk_schema (f->extra, path, func, user_data);
      else if (f->kind == JUE_KIND_LIST)
        {
          g_string_append (path, "[N]");
          walk_schema (f->extra, path, func, user_data);
        }
      else
        func (path->str, f, user_data);
    }
  g_string_truncate (path, base);
}

void
jue_schema_foreach (JueSchemaFunc func,
                    gpointer      user_data)
{
  g_autoptr (GString) path = g_string_new (NULL);
  walk_schema (&JueReport_def, path, func, user_data);
}

/* ---- creating rows as paths name them --------------------------------- */

gboolean
jue_report_ensure_rows (JueReport  *report,
                        const char *path,
                        gboolean    in_order,
                        GError    **error)
{
  for (const char *open = strchr (path, '['); open; open = strchr (open + 1, '['))
    {
      g_autofree char *list_path = g_strndup (path, (gsize) (open - path));
      JueFieldRef ref;
      GPtrArray *items;
      guint64 index;
      char *close;

      if (!jue_report_resolve (report, list_path, &ref, error))
        return FALSE;
      if (ref.def->kind != JUE_KIND_LIST || ref.index >= 0)
        return TRUE;  /* jue_report_resolve() on the whole path explains */
      items = *(GPtrArray **) ref.ptr;
      index = g_ascii_strtoull (open + 1, &close, 10);
      if (close == open + 1 || *close != ']' || index >= JUE_MAX_LIST_ROWS)
        return TRUE;
      if (in_order && index > items->len)
        {
          g_set_error (error, JUE_ERROR, JUE_ERROR_INVALID,
                       _("%s: rows must be numbered in order; the list has %u rows"),
                       path, items->len);
          return FALSE;
        }
      while (items->len <= index)
        g_ptr_array_add (items, jue_record_new (ref.def->extra));
    }
  return TRUE;
}

gboolean
jue_report_ensure_path (JueReport  *report,
                        const char *path,
                        GError    **error)
{
  return jue_report_ensure_rows (report, path, TRUE, error);
}
