/* jue-render.c — laying out a published table from its template
 * (jue-render.h).  Every layout kind is implemented once, here; the
 * templates (resources/templates/ID.ini) say which figures go where.
 * Subtotals (类, 款, 合计, a row's 合计 column) are added here from the
 * figures they sum, in fen; nothing is rounded before it is summed.
 */
#include "config.h"

#include <string.h>

#include "jue-checks.h"
#include "jue-csv-tables.h"
#include "jue-render.h"
#include "jue-empty.h"
#include "jue-store.h"

typedef struct {
  JueReport         *report;
  const JueComputed *computed;
  const JueTemplateTable *t;
  gboolean           blank_zero;   /* a blank figure prints 0.00 */
  JueRenderFlags     flags;
  JueRenderedTable  *out;
  GArray            *line_total[2];  /* lines: per body row, a total line on that side */
} Ctx;

/* A figure being summed. */
typedef struct {
  gint64   sum;
  gboolean any;         /* at least one figure (or a typed 0) */
  gboolean unreadable;  /* one of them cannot be read */
  gboolean count;
} Acc;

/* ---- cells ------------------------------------------------------------ */

static void
cell_free (gpointer data)
{
  JueRenderedCell *c = data;

  if (c == NULL)
    return;
  g_free (c->text);
  g_free (c->path);
  g_free (c);
}

static JueRenderedCell *
cell_new (JueRenderCellKind kind,
          const char       *text)
{
  JueRenderedCell *c = g_new0 (JueRenderedCell, 1);

  c->kind = kind;
  c->text = g_strdup (text ? text : "");
  return c;
}

static char *
number_text (JueRenderCellKind kind,
             gint64            value)
{
  switch (kind)
    {
    case JUE_RENDER_CELL_AMOUNT:
      return jue_fen_display (value);
    case JUE_RENDER_CELL_PERCENT:
      return jue_centi_percent_display (value);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

static JueRenderedCell *
cell_number (Ctx              *ctx,
             JueRenderCellKind kind,
             gint64            value)
{
  JueRenderedCell *c = cell_new (kind, NULL);

  g_free (c->text);
  c->text = number_text (kind, value);
  c->value = value;
  c->has_value = TRUE;
  return c;
}

static JueRenderedCell *
cell_blank (Ctx              *ctx,
            JueRenderCellKind kind)
{
  JueRenderedCell *c;

  if (ctx->blank_zero)
    c = cell_number (ctx, kind, 0);
  else
    c = cell_new (kind, "");
  c->blank = TRUE;
  return c;
}

static JueRenderedCell *
cell_unreadable (Ctx              *ctx,
                 JueRenderCellKind kind,
                 const char       *typed)
{
  JueRenderedCell *c = cell_new (kind, typed);

  c->unreadable = TRUE;
  ctx->out->n_unreadable++;
  return c;
}

static JueRenderedCell *
cell_from_acc (Ctx       *ctx,
               const Acc *acc)
{
  JueRenderCellKind kind = acc->count ? JUE_RENDER_CELL_COUNT : JUE_RENDER_CELL_AMOUNT;

  if (acc->unreadable)
    return cell_unreadable (ctx, kind, "");
  if (!acc->any)
    return cell_blank (ctx, kind);
  return cell_number (ctx, kind, acc->sum);
}

static void
acc_add_cell (Acc                   *acc,
              const JueRenderedCell *c)
{
  if (c->kind == JUE_RENDER_CELL_COUNT)
    acc->count = TRUE;
  if (c->unreadable)
    acc->unreadable = TRUE;
  else if (c->has_value && !c->blank)
    {
      acc->sum += c->value;
      acc->any = TRUE;
    }
}

/* A typed field by path.  A path the model does not have (yet) is an empty
 * amount cell without a path. */
static JueRenderedCell *
cell_field (Ctx        *ctx,
            const char *path)
{
  JueFieldRef ref;
  JueRenderedCell *c;
  const char *typed;

  if (!jue_report_resolve (ctx->report, path, &ref, NULL) || ref.def->kind == JUE_KIND_LIST
      || ref.def->kind == JUE_KIND_RECORD)
    return cell_blank (ctx, JUE_RENDER_CELL_AMOUNT);

  typed = jue_field_get_unreadable (&ref);
  switch (ref.def->kind)
    {
    case JUE_KIND_AMOUNT:
      {
        const JueAmount *a = ref.ptr;
        if (typed != NULL)
          c = cell_unreadable (ctx, JUE_RENDER_CELL_AMOUNT, typed);
        else if (!a->set)
          c = cell_blank (ctx, JUE_RENDER_CELL_AMOUNT);
        else
          c = cell_number (ctx, JUE_RENDER_CELL_AMOUNT, a->fen);
        break;
      }
    case JUE_KIND_INTEGER:
      {
        const JueInteger *i = ref.ptr;
        if (typed != NULL)
          c = cell_unreadable (ctx, JUE_RENDER_CELL_COUNT, typed);
        else if (!i->set)
          c = cell_blank (ctx, JUE_RENDER_CELL_COUNT);
        else
          c = cell_number (ctx, JUE_RENDER_CELL_COUNT, i->value);
        break;
      }
    case JUE_KIND_PERCENT:
      {
        const JuePercent *p = ref.ptr;
        if (typed != NULL)
          c = cell_unreadable (ctx, JUE_RENDER_CELL_PERCENT, typed);
        else if (!p->set)
          c = cell_blank (ctx, JUE_RENDER_CELL_PERCENT);
        else
          c = cell_number (ctx, JUE_RENDER_CELL_PERCENT, p->centi);
        break;
      }
    default:
      {
        g_autofree char *text = jue_field_get_text (&ref);
        c = cell_new (JUE_RENDER_CELL_TEXT, text);
        break;
      }
    }
  c->path = g_strdup (path);
  return c;
}

static JueRenderedCell *
cell_computed (Ctx        *ctx,
               const char *path)
{
  JueValue v;
  JueRenderCellKind kind;

  if (!jue_computed_lookup (ctx->computed, path, &v))
    return cell_blank (ctx, JUE_RENDER_CELL_AMOUNT);
  switch (v.kind)
    {
    case JUE_VALUE_AMOUNT:
      kind = JUE_RENDER_CELL_AMOUNT;
      break;
    case JUE_VALUE_PERCENT:
      kind = JUE_RENDER_CELL_PERCENT;
      break;
    default:
      kind = JUE_RENDER_CELL_COUNT;
      break;
    }
  if (v.defined)
    return cell_number (ctx, kind, v.value);
  if (v.reason == JUE_UNDEFINED_UNREADABLE)
    return cell_unreadable (ctx, kind, "");
  if (v.reason == JUE_UNDEFINED_BLANK)
    return cell_blank (ctx, kind);
  return cell_new (kind, jue_csv_undefined_text (v.reason));
}

/* "" → empty; "=path" → computed; else a typed path. */
static JueRenderedCell *
cell_source (Ctx        *ctx,
             const char *source)
{
  if (source == NULL || *source == '\0')
    return cell_new (JUE_RENDER_CELL_EMPTY, "");
  if (*source == '=')
    return cell_computed (ctx, source + 1);
  return cell_field (ctx, source);
}

/* ---- lists ------------------------------------------------------------ */

static guint
list_length (Ctx        *ctx,
             const char *list)
{
  JueFieldRef ref;
  GPtrArray *array;

  if (!jue_report_resolve (ctx->report, list, &ref, NULL) || ref.def->kind != JUE_KIND_LIST
      || ref.index != -1)
    return 0;
  array = *(GPtrArray **) ref.ptr;
  return array ? array->len : 0;
}

/* The text of a list item's field, or "" (also when the field does not
 * exist). */
static char *
item_text (Ctx        *ctx,
           const char *list,
           guint       index,
           const char *field)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", list, index, field);
  JueFieldRef ref;

  if (!jue_report_resolve (ctx->report, path, &ref, NULL) || ref.def->kind == JUE_KIND_LIST
      || ref.def->kind == JUE_KIND_RECORD)
    return g_strdup ("");
  return g_strstrip (jue_field_get_text (&ref));
}

/* A figure of a list item: a typed field, else a computed value
 * ("accounts[3].exp_total"). */
static JueRenderedCell *
item_cell (Ctx        *ctx,
           const char *list,
           guint       index,
           const char *field)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", list, index, field);
  JueFieldRef ref;
  JueValue v;

  if (jue_report_resolve (ctx->report, path, &ref, NULL))
    return cell_field (ctx, path);
  if (jue_computed_lookup (ctx->computed, path, &v))
    return cell_computed (ctx, path);
  return cell_blank (ctx, JUE_RENDER_CELL_AMOUNT);
}

static GHashTable *
class_names (void)
{
  static GHashTable *names;   /* code → name, of the built-in table */
  G_LOCK_DEFINE_STATIC (names);
  GHashTable *result;

  G_LOCK (names);
  if (names == NULL)
    {
      GPtrArray *entries = jue_classification_builtin ();
      names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          JueClassEntry *e = entries->pdata[i];
          g_hash_table_insert (names, e->code, e->name);
        }
    }
  result = names;
  G_UNLOCK (names);
  return result;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  if (strlen (s) < n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* A 项 row of a matrix. */
typedef struct {
  char  *list;
  guint  index;
  char  *code;
  char  *class_key, *class_code, *class_name;
  char  *kuan_key, *kuan_code, *kuan_name;   /* kuan_key NULL: none */
  char  *name;
  GPtrArray *cells;   /* per column (NULL for non-value columns) */
  guint  slot;        /* expand_classes: the value column it feeds */
} Item;

static void
item_free (gpointer data)
{
  Item *it = data;

  g_free (it->list);
  g_free (it->code);
  g_free (it->class_key);
  g_free (it->class_code);
  g_free (it->class_name);
  g_free (it->kuan_key);
  g_free (it->kuan_code);
  g_free (it->kuan_name);
  g_free (it->name);
  if (it->cells)
    g_ptr_array_unref (it->cells);
  g_free (it);
}

static char *
lookup_name (const char *code,
             gsize       n)
{
  g_autofree char *prefix = g_strndup (code, n);
  const char *name = g_hash_table_lookup (class_names (), prefix);

  return g_strdup (name ? name : "");
}

static Item *
item_new (Ctx        *ctx,
          const char *list,
          guint       index)
{
  Item *it = g_new0 (Item, 1);
  g_autofree char *class_name = item_text (ctx, list, index, "class_name");
  g_autofree char *kuan_name = item_text (ctx, list, index, "kuan_name");
  g_autofree char *xiang_name = item_text (ctx, list, index, "xiang_name");
  g_autofree char *name = item_text (ctx, list, index, "name");

  it->list = g_strdup (list);
  it->index = index;
  it->code = item_text (ctx, list, index, "code");
  if (all_digits (it->code, 3))
    {
      it->class_code = g_strndup (it->code, 3);
      it->class_key = g_strdup (it->class_code);
      it->class_name = *class_name ? g_strdup (class_name) : lookup_name (it->code, 3);
    }
  else
    {
      it->class_code = g_strdup ("");
      it->class_key = g_strconcat ("n:", class_name, NULL);
      it->class_name = g_strdup (class_name);
    }
  if (all_digits (it->code, 5))
    {
      it->kuan_code = g_strndup (it->code, 5);
      it->kuan_key = g_strdup (it->kuan_code);
      it->kuan_name = *kuan_name ? g_strdup (kuan_name) : lookup_name (it->code, 5);
    }
  else if (*kuan_name != '\0')
    {
      it->kuan_code = g_strdup ("");
      it->kuan_key = g_strconcat (it->class_key, "/", kuan_name, NULL);
      it->kuan_name = g_strdup (kuan_name);
    }
  if (*xiang_name != '\0')
    it->name = g_strdup (xiang_name);
  else if (*name != '\0')
    it->name = g_strdup (name);
  else if (all_digits (it->code, 7))
    it->name = lookup_name (it->code, 7);
  else
    it->name = g_strdup ("");
  return it;
}

static gint
item_compare_code (gconstpointer a,
                   gconstpointer b)
{
  const Item *x = *(Item * const *) a, *y = *(Item * const *) b;
  int c = strcmp (x->class_code, y->class_code);

  if (c == 0)
    c = strcmp (x->kuan_code ? x->kuan_code : "", y->kuan_code ? y->kuan_code : "");
  if (c == 0)
    c = strcmp (x->code, y->code);
  return c;
}

/* The code of a class name in the built-in classification, or NULL. */
static const char *
class_code_by_name (const char *name)
{
  static GHashTable *codes;   /* 类 name → code */
  G_LOCK_DEFINE_STATIC (codes);
  const char *code;

  G_LOCK (codes);
  if (codes == NULL)
    {
      GPtrArray *entries = jue_classification_builtin ();
      codes = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          JueClassEntry *e = entries->pdata[i];
          if (e->level == 1)
            g_hash_table_insert (codes, e->name, e->code);
        }
    }
  code = g_hash_table_lookup (codes, name);
  G_UNLOCK (codes);
  return code;
}

/* Rows typed without a code join the coded rows of the same class (款)
 * name, or the class the classification names so; then they all group
 * and sort by code. */
static void
resolve_keys (GPtrArray *items)
{
  g_autoptr (GHashTable) classes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) kuans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      Item *it = items->pdata[i];
      if (*it->class_code && *it->class_name)
        g_hash_table_insert (classes, it->class_name, it->class_code);
      if (it->kuan_code && *it->kuan_code && *it->kuan_name)
        g_hash_table_insert (kuans, g_strconcat (it->class_code, "/", it->kuan_name, NULL),
                             it->kuan_code);
    }
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = items->pdata[i];
      const char *code;
      g_autofree char *kkey = NULL;

      if (*it->class_code || *it->class_name == '\0')
        continue;
      code = g_hash_table_lookup (classes, it->class_name);
      if (code == NULL)
        code = class_code_by_name (it->class_name);
      if (code == NULL)
        continue;
      g_free (it->class_code);
      g_free (it->class_key);
      it->class_code = g_strdup (code);
      it->class_key = g_strdup (code);
      if (it->kuan_key == NULL)
        continue;
      kkey = g_strconcat (code, "/", it->kuan_name, NULL);
      code = g_hash_table_lookup (kuans, kkey);
      g_free (it->kuan_key);
      g_free (it->kuan_code);
      it->kuan_code = g_strdup (code ? code : "");
      it->kuan_key = code ? g_strdup (code) : g_steal_pointer (&kkey);
    }
}

/* The 项 rows of lists ("functional+gov_fund.rows"), in code order when
 * every row has a code, else as entered; rows whose figures are all blank
 * are left out. */
static GPtrArray *
collect_items (Ctx        *ctx,
               const char *lists,
               GPtrArray  *columns)
{
  g_auto (GStrv) names = g_strsplit (lists, "+", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  gboolean all_coded = TRUE;

  for (guint l = 0; names[l] != NULL; l++)
    {
      const char *list = g_strstrip (names[l]);
      guint n = list_length (ctx, list);

      for (guint i = 0; i < n; i++)
        {
          Item *it = item_new (ctx, list, i);
          gboolean any = FALSE;

          it->cells = g_ptr_array_new_with_free_func (cell_free);
          for (guint c = 0; c < columns->len; c++)
            {
              JueTemplateColumn *col = columns->pdata[c];
              JueRenderedCell *cell = NULL;
              if (col->role == JUE_COLUMN_VALUE)
                {
                  cell = item_cell (ctx, list, i, col->source);
                  any = any || !cell->blank;
                }
              g_ptr_array_add (it->cells, cell);
            }
          if (!any && !(ctx->flags & JUE_RENDER_BLANK_ITEMS))
            {
              item_free (it);
              continue;
            }
          g_ptr_array_add (items, it);
        }
    }
  resolve_keys (items);
  for (guint i = 0; i < items->len; i++)
    all_coded = all_coded && *((Item *) items->pdata[i])->class_code != '\0';
  if (all_coded)
    g_ptr_array_sort (items, item_compare_code);
  return items;
}

/* ---- rows ------------------------------------------------------------- */

static void
row_free (gpointer data)
{
  JueRenderedRow *r = data;

  g_free (r->code);
  g_ptr_array_unref (r->cells);
  g_free (r);
}

static JueRenderedRow *
row_add (Ctx              *ctx,
         JueRenderRowKind  kind,
         const char       *code)
{
  JueRenderedRow *r = g_new0 (JueRenderedRow, 1);

  r->kind = kind;
  r->code = code && *code ? g_strdup (code) : NULL;
  r->item = -1;
  r->cells = g_ptr_array_new_with_free_func (cell_free);
  for (guint c = 0; c < ctx->out->n_columns; c++)
    g_ptr_array_add (r->cells, cell_new (JUE_RENDER_CELL_EMPTY, ""));
  g_ptr_array_add (ctx->out->rows, r);
  return r;
}

static void
row_set (JueRenderedRow  *r,
         guint            col,
         JueRenderedCell *cell)
{
  cell_free (r->cells->pdata[col]);
  r->cells->pdata[col] = cell;
}

static JueTemplateColumn *
tcol (Ctx  *ctx,
      guint c)
{
  return ctx->t->columns->pdata[c];
}

/* Fills the ROWSUM columns of side from its VALUE columns. */
static void
row_fill_sums (Ctx            *ctx,
               JueRenderedRow *r,
               guint           side)
{
  Acc acc = { 0 };

  for (guint c = 0; c < ctx->out->n_columns; c++)
    if (tcol (ctx, c)->side == side && tcol (ctx, c)->role == JUE_COLUMN_VALUE)
      acc_add_cell (&acc, r->cells->pdata[c]);
  for (guint c = 0; c < ctx->out->n_columns; c++)
    if (tcol (ctx, c)->side == side && tcol (ctx, c)->role == JUE_COLUMN_ROWSUM)
      row_set (r, c, cell_from_acc (ctx, &acc));
}

static void
row_set_text (Ctx            *ctx,
              JueRenderedRow *r,
              guint           side,
              JueColumnRole   role,
              JueRenderCellKind kind,
              const char     *text)
{
  for (guint c = 0; c < ctx->out->n_columns; c++)
    if (tcol (ctx, c)->side == side && tcol (ctx, c)->role == role)
      row_set (r, c, cell_new (kind, text));
}

static void
add_note_row (Ctx        *ctx,
              const char *text)
{
  JueRenderedRow *r = row_add (ctx, JUE_RENDER_ROW_NOTE, NULL);

  row_set (r, 0, cell_new (JUE_RENDER_CELL_TEXT, text));
}

/* A subtotal row over items[from, to) (all when to is 0). */
static void
add_subtotal (Ctx              *ctx,
              JueRenderRowKind  kind,
              const char       *code,
              const char       *name,
              GPtrArray        *items,
              guint             from,
              guint             to)
{
  JueRenderedRow *r = row_add (ctx, kind, code);

  row_set_text (ctx, r, 0, JUE_COLUMN_CODE, JUE_RENDER_CELL_CODE, code);
  row_set_text (ctx, r, 0, JUE_COLUMN_NAME, JUE_RENDER_CELL_TEXT, name);
  for (guint c = 0; c < ctx->out->n_columns; c++)
    {
      Acc acc = { 0 };
      if (tcol (ctx, c)->role != JUE_COLUMN_VALUE)
        continue;
      for (guint i = from; i < to; i++)
        acc_add_cell (&acc, ((Item *) items->pdata[i])->cells->pdata[c]);
      row_set (r, c, cell_from_acc (ctx, &acc));
    }
  row_fill_sums (ctx, r, 0);
}

static void
render_matrix (Ctx *ctx)
{
  g_autoptr (GPtrArray) items = collect_items (ctx, ctx->t->rows, ctx->t->columns);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* no 项 rows: the 合计 row alone (本表为空表 is printed only when the
   * table is marked empty, jue-empty.h) */
  /* group by class, then 款, keeping the first appearance's order */
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = items->pdata[i];
      if (g_hash_table_contains (seen, it->class_key))
        continue;
      g_hash_table_add (seen, it->class_key);
      for (guint j = i; j < items->len; j++)
        {
          Item *k = items->pdata[j];
          if (strcmp (k->class_key, it->class_key) == 0 && k->kuan_key == NULL)
            g_ptr_array_add (order, k);
        }
      for (guint j = i; j < items->len; j++)
        {
          Item *k = items->pdata[j];
          if (strcmp (k->class_key, it->class_key) != 0 || k->kuan_key == NULL
              || g_hash_table_contains (seen, k->kuan_key))
            continue;
          g_hash_table_add (seen, k->kuan_key);
          for (guint m = j; m < items->len; m++)
            {
              Item *q = items->pdata[m];
              if (strcmp (q->class_key, it->class_key) == 0 && q->kuan_key != NULL
                  && strcmp (q->kuan_key, k->kuan_key) == 0)
                g_ptr_array_add (order, q);
            }
        }
    }

  add_subtotal (ctx, JUE_RENDER_ROW_TOTAL, NULL, "合计", order, 0, order->len);
  for (guint i = 0; i < order->len;)
    {
      Item *first = order->pdata[i];
      guint end = i;

      while (end < order->len
             && strcmp (((Item *) order->pdata[end])->class_key, first->class_key) == 0)
        end++;
      add_subtotal (ctx, JUE_RENDER_ROW_CLASS, first->class_code, first->class_name,
                    order, i, end);
      for (guint j = i; j < end;)
        {
          Item *k = order->pdata[j];
          guint kend = j;

          if (k->kuan_key != NULL)
            {
              while (kend < end && ((Item *) order->pdata[kend])->kuan_key != NULL
                     && strcmp (((Item *) order->pdata[kend])->kuan_key, k->kuan_key) == 0)
                kend++;
              add_subtotal (ctx, JUE_RENDER_ROW_KUAN, k->kuan_code, k->kuan_name,
                            order, j, kend);
            }
          else
            kend = j + 1;
          for (guint m = j; m < kend; m++)
            {
              Item *q = order->pdata[m];
              JueRenderedRow *r = row_add (ctx, JUE_RENDER_ROW_ITEM, q->code);

              r->item = q->index;
              row_set_text (ctx, r, 0, JUE_COLUMN_CODE, JUE_RENDER_CELL_CODE, q->code);
              row_set_text (ctx, r, 0, JUE_COLUMN_NAME, JUE_RENDER_CELL_TEXT, q->name);
              for (guint c = 0; c < ctx->out->n_columns; c++)
                if (q->cells->pdata[c] != NULL)
                  row_set (r, c, g_steal_pointer (&q->cells->pdata[c]));
              row_fill_sums (ctx, r, 0);
            }
          j = kend;
        }
      i = end;
    }
}

/* ---- lines (one or two sides) ----------------------------------------- */

typedef struct {
  char *key, *code, *name;
  Acc  *accs;       /* per VALUE column of the side */
} ClassLine;

static void
class_line_free (gpointer data)
{
  ClassLine *l = data;

  g_free (l->key);
  g_free (l->code);
  g_free (l->name);
  g_free (l->accs);
  g_free (l);
}

static gint
class_line_compare (gconstpointer a,
                    gconstpointer b)
{
  const ClassLine *x = *(ClassLine * const *) a, *y = *(ClassLine * const *) b;

  return strcmp (x->code, y->code);
}

/* "*classes": one line per 类 of the lists the sources name.  source k
 * ("functional.actual", or alternatives "accounts.exp_total|functional.actual":
 * the first whose list has rows) feeds value column k. */
static GPtrArray *
expand_classes (Ctx                   *ctx,
                const JueTemplateLine *line,
                guint                  n_values)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (class_line_free);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr (GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean all_coded = TRUE;

  for (guint k = 0; k < line->n_sources && k < n_values; k++)
    {
      g_auto (GStrv) alternatives = g_strsplit (line->sources[k], "|", -1);

      for (guint a = 0; alternatives[a] != NULL; a++)
        {
          const char *src = g_strstrip (alternatives[a]);
          const char *dot = strrchr (src, '.');
          g_autofree char *list = NULL;
          guint n;

          if (dot == NULL)
            continue;
          list = g_strndup (src, dot - src);
          n = list_length (ctx, list);
          if (n == 0)
            continue;
          for (guint i = 0; i < n; i++)
            {
              Item *it = item_new (ctx, list, i);
              JueRenderedCell *cell = item_cell (ctx, list, i, dot + 1);

              if (cell->unreadable)
                ctx->out->n_unreadable--;   /* counted where it is shown */
              it->slot = k;
              it->cells = g_ptr_array_new_with_free_func (cell_free);
              g_ptr_array_add (it->cells, cell);
              g_ptr_array_add (items, it);
            }
          break;
        }
    }
  resolve_keys (items);
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = items->pdata[i];
      ClassLine *cl = g_hash_table_lookup (by_key, it->class_key);

      if (cl == NULL)
        {
          cl = g_new0 (ClassLine, 1);
          cl->key = g_strdup (it->class_key);
          cl->code = g_strdup (it->class_code);
          cl->name = g_strdup (it->class_name);
          cl->accs = g_new0 (Acc, n_values);
          g_ptr_array_add (lines, cl);
          g_hash_table_insert (by_key, cl->key, cl);
          all_coded = all_coded && *cl->code != '\0';
        }
      if (*cl->name == '\0' && *it->class_name != '\0')
        {
          g_free (cl->name);
          cl->name = g_strdup (it->class_name);
        }
      acc_add_cell (&cl->accs[it->slot], it->cells->pdata[0]);
    }
  if (all_coded)
    g_ptr_array_sort (lines, class_line_compare);
  return lines;
}

/* The columns of a side, by role. */
static guint
side_values (Ctx   *ctx,
             guint  side,
             guint *cols,
             gboolean with_rowsum)
{
  guint n = 0;

  for (guint c = 0; c < ctx->out->n_columns; c++)
    {
      JueTemplateColumn *col = tcol (ctx, c);
      if (col->side == side && (col->role == JUE_COLUMN_VALUE
                                || (with_rowsum && col->role == JUE_COLUMN_ROWSUM)))
        cols[n++] = c;
    }
  return n;
}

static void
render_lines (Ctx *ctx)
{
  guint n_sides = ctx->t->layout == JUE_LAYOUT_TWO_SIDED ? 2 : 1;
  guint lineno = 0;
  guint filled[2] = { 0, 0 };
  guint base = ctx->out->rows->len;

  for (guint side = 0; side < n_sides; side++)
    {
      g_autofree guint *values = g_new0 (guint, ctx->out->n_columns + 1);
      g_autofree guint *amounts = g_new0 (guint, ctx->out->n_columns + 1);
      guint n_values = side_values (ctx, side, values, FALSE);
      guint n_amounts = side_values (ctx, side, amounts, TRUE);
      GPtrArray *lines = ctx->t->lines[side];

      for (guint l = 0; l < lines->len; l++)
        {
          const JueTemplateLine *line = lines->pdata[l];
          g_autoptr (GPtrArray) classes = NULL;
          guint n_out = 1;

          if (line->classes)
            {
              classes = expand_classes (ctx, line, n_values);
              n_out = classes->len;
            }
          for (guint k = 0; k < n_out; k++)
            {
              guint index = base + filled[side]++;
              JueRenderedRow *r;
              g_autofree char *no = g_strdup_printf ("%u", ++lineno);

              while (ctx->out->rows->len <= index)
                row_add (ctx, JUE_RENDER_ROW_LINE, NULL);
              r = ctx->out->rows->pdata[index];
              if (ctx->line_total[side] == NULL)
                ctx->line_total[side] = g_array_new (FALSE, TRUE, sizeof (gboolean));
              if (ctx->line_total[side]->len <= index)
                g_array_set_size (ctx->line_total[side], index + 1);
              g_array_index (ctx->line_total[side], gboolean, index) = line->total;
              if (line->total && r->kind == JUE_RENDER_ROW_LINE)
                r->kind = JUE_RENDER_ROW_TOTAL;
              row_set_text (ctx, r, side, JUE_COLUMN_LINENO, JUE_RENDER_CELL_COUNT, no);
              for (guint c2 = 0; c2 < ctx->out->n_columns; c2++)
                if (tcol (ctx, c2)->side == side && tcol (ctx, c2)->role == JUE_COLUMN_LINENO)
                  {
                    JueRenderedCell *cell = r->cells->pdata[c2];
                    cell->value = lineno;
                    cell->has_value = TRUE;
                  }
              if (classes != NULL)
                {
                  ClassLine *cl = classes->pdata[k];
                  if (side == 0 || r->code == NULL)
                    {
                      g_free (r->code);
                      r->code = *cl->code ? g_strdup (cl->code) : NULL;
                      r->side = side;
                    }
                  if (r->kind == JUE_RENDER_ROW_LINE)
                    r->kind = JUE_RENDER_ROW_CLASS;
                  row_set_text (ctx, r, side, JUE_COLUMN_LABEL, JUE_RENDER_CELL_TEXT, cl->name);
                  row_set_text (ctx, r, side, JUE_COLUMN_CODE, JUE_RENDER_CELL_CODE, cl->code);
                  for (guint v = 0; v < n_values; v++)
                    row_set (r, values[v], cell_from_acc (ctx, &cl->accs[v]));
                  row_fill_sums (ctx, r, side);
                  continue;
                }
              row_set_text (ctx, r, side, JUE_COLUMN_LABEL, JUE_RENDER_CELL_TEXT, line->label);
              if (line->n_sources == n_amounts && n_amounts != n_values)
                {
                  for (guint v = 0; v < n_amounts; v++)
                    row_set (r, amounts[v], cell_source (ctx, line->sources[v]));
                }
              else
                {
                  for (guint v = 0; v < n_values && v < line->n_sources; v++)
                    row_set (r, values[v], cell_source (ctx, line->sources[v]));
                  row_fill_sums (ctx, r, side);
                }
            }
        }
    }
}

/* ---- economic --------------------------------------------------------- */

static gboolean
left_block (Ctx        *ctx,
            const char *code)
{
  for (guint i = 0; ctx->t->left_codes && ctx->t->left_codes[i]; i++)
    if (*ctx->t->left_codes[i] && g_str_has_prefix (code, ctx->t->left_codes[i]))
      return TRUE;
  return FALSE;
}

typedef struct {
  char            *code;
  char            *name;
  JueRenderedCell *cell;
  JueRenderRowKind kind;
} EconLine;

static void
econ_line_free (gpointer data)
{
  EconLine *l = data;

  if (l == NULL)
    return;   /* moved on to the block's lines */
  g_free (l->code);
  g_free (l->name);
  if (l->cell)
    cell_free (l->cell);
  g_free (l);
}

static gint
econ_compare (gconstpointer a,
              gconstpointer b)
{
  const EconLine *x = *(EconLine * const *) a, *y = *(EconLine * const *) b;

  return strcmp (x->code, y->code);
}

/* The lines of one block: 类 rows (their 款 rows' subtotal when there are
 * any, else as typed) with their 款 rows, then 未分项 when the typed block
 * total differs from the rows' sum.  *total_out: the block's typed total. */
static GPtrArray *
economic_block (Ctx               *ctx,
                guint              side,
                JueRenderedCell  **total_out)
{
  const char *list = ctx->t->rows;
  guint n = list_length (ctx, list);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (econ_line_free);
  GPtrArray *out = g_ptr_array_new_with_free_func (econ_line_free);
  const JueTemplateLine *total_line = ctx->t->lines[side]->len ? ctx->t->lines[side]->pdata[0] : NULL;
  Acc block = { 0 };

  for (guint i = 0; i < n; i++)
    {
      EconLine *l = g_new0 (EconLine, 1);
      l->code = item_text (ctx, list, i, "code");
      if ((left_block (ctx, l->code) ? 0u : 1u) != side || !all_digits (l->code, 3))
        {
          econ_line_free (l);
          continue;
        }
      l->name = item_text (ctx, list, i, "name");
      l->cell = item_cell (ctx, list, i, "actual");
      l->kind = strlen (l->code) <= 3 ? JUE_RENDER_ROW_CLASS : JUE_RENDER_ROW_ITEM;
      g_ptr_array_add (rows, l);
    }
  g_ptr_array_sort (rows, econ_compare);

  for (guint i = 0; i < rows->len;)
    {
      EconLine *first = rows->pdata[i];
      g_autofree char *cls = g_strndup (first->code, 3);
      guint end = i;
      EconLine *head = g_new0 (EconLine, 1);
      Acc acc = { 0 };
      gboolean has_kuan = FALSE;

      while (end < rows->len && g_str_has_prefix (((EconLine *) rows->pdata[end])->code, cls))
        end++;
      for (guint j = i; j < end; j++)
        has_kuan = has_kuan || ((EconLine *) rows->pdata[j])->kind == JUE_RENDER_ROW_ITEM;
      head->code = g_strdup (cls);
      head->kind = JUE_RENDER_ROW_CLASS;
      head->name = g_strdup (first->kind == JUE_RENDER_ROW_CLASS ? first->name : "");
      g_ptr_array_add (out, head);
      for (guint j = i; j < end; j++)
        {
          EconLine *l = rows->pdata[j];
          if (l->kind == JUE_RENDER_ROW_ITEM)
            {
              acc_add_cell (&acc, l->cell);
              g_ptr_array_add (out, g_steal_pointer (&rows->pdata[j]));
            }
          else if (!has_kuan && head->cell == NULL)
            head->cell = g_steal_pointer (&l->cell);
        }
      if (head->cell == NULL)
        head->cell = cell_from_acc (ctx, &acc);
      acc_add_cell (&block, head->cell);
      i = end;
    }

  *total_out = total_line && total_line->n_sources ? cell_source (ctx, total_line->sources[0])
                                                    : cell_from_acc (ctx, &block);
  if (!(*total_out)->unreadable && !block.unreadable && !(*total_out)->blank)
    {
      gint64 rest = (*total_out)->value - block.sum;
      if (rest != 0)
        {
          EconLine *l = g_new0 (EconLine, 1);
          l->code = g_strdup ("");
          l->name = g_strdup ("未分项");
          l->kind = JUE_RENDER_ROW_LINE;
          l->cell = cell_number (ctx, JUE_RENDER_CELL_AMOUNT, rest);
          g_ptr_array_add (out, l);
        }
    }
  return out;
}

static void
render_economic (Ctx *ctx)
{
  GPtrArray *blocks[2];
  JueRenderedCell *totals[2];
  guint n = 0, base = ctx->out->rows->len;

  for (guint side = 0; side < 2; side++)
    {
      blocks[side] = economic_block (ctx, side, &totals[side]);
      n = MAX (n, blocks[side]->len);
    }
  /* without lines: the 合计 lines alone (本表为空表 only when marked empty) */
    {
      JueRenderedRow *total;

      for (guint i = 0; i < n; i++)
        row_add (ctx, JUE_RENDER_ROW_LINE, NULL);
      total = row_add (ctx, JUE_RENDER_ROW_TOTAL, NULL);
      for (guint side = 0; side < 2; side++)
        {
          const JueTemplateLine *tl = ctx->t->lines[side]->len ? ctx->t->lines[side]->pdata[0] : NULL;
          guint values[64];
          guint nv = side_values (ctx, side, values, TRUE);

          for (guint i = 0; i < blocks[side]->len; i++)
            {
              EconLine *l = blocks[side]->pdata[i];
              JueRenderedRow *r = ctx->out->rows->pdata[base + i];

              if (r->kind == JUE_RENDER_ROW_LINE || side == 0)
                r->kind = l->kind;
              if (side == 0 || r->code == NULL)
                {
                  g_free (r->code);
                  r->code = *l->code ? g_strdup (l->code) : NULL;
                  r->side = side;
                }
              row_set_text (ctx, r, side, JUE_COLUMN_CODE, JUE_RENDER_CELL_CODE, l->code);
              row_set_text (ctx, r, side, JUE_COLUMN_NAME, JUE_RENDER_CELL_TEXT, l->name);
              if (nv > 0)
                row_set (r, values[0], g_steal_pointer (&l->cell));
            }
          row_set_text (ctx, total, side, JUE_COLUMN_CODE, JUE_RENDER_CELL_TEXT,
                        tl ? tl->label : "");
          if (nv > 0)
            row_set (total, values[0], g_steal_pointer (&totals[side]));
        }
    }
  for (guint side = 0; side < 2; side++)
    {
      if (totals[side])
        cell_free (totals[side]);
      g_ptr_array_unref (blocks[side]);
    }
}

/* ---- row -------------------------------------------------------------- */

static void
render_row (Ctx *ctx)
{
  JueRenderedRow *r = row_add (ctx, JUE_RENDER_ROW_LINE, NULL);

  for (guint c = 0; c < ctx->out->n_columns; c++)
    {
      JueTemplateColumn *col = tcol (ctx, c);
      JueRenderedCell *cell;

      if (col->role != JUE_COLUMN_VALUE)
        continue;
      cell = cell_source (ctx, col->source);
      row_set (r, c, cell);
    }
}

/* ---- header ----------------------------------------------------------- */

static void
header_cell_free (gpointer data)
{
  JueRenderedHeaderCell *h = data;

  g_free (h->text);
  g_free (h);
}

static gboolean
same_prefix (const JueTemplateColumn *a,
             const JueTemplateColumn *b,
             guint                    level)
{
  if (a->depth <= level || b->depth <= level || a->side != b->side)
    return FALSE;
  for (guint i = 0; i <= level; i++)
    if (strcmp (a->words[i], b->words[i]) != 0)
      return FALSE;
  /* a column's last word spans down; it never merges across with a
   * column that continues below it */
  return (a->depth == level + 1) == (b->depth == level + 1) || level + 1 < MIN (a->depth, b->depth);
}

static void
build_header (Ctx *ctx)
{
  GPtrArray *cols = ctx->t->columns;
  guint depth = 1;

  for (guint c = 0; c < cols->len; c++)
    depth = MAX (depth, ((JueTemplateColumn *) cols->pdata[c])->depth);
  ctx->out->n_header_rows = depth;
  for (guint level = 0; level < depth; level++)
    for (guint c = 0; c < cols->len;)
      {
        JueTemplateColumn *col = cols->pdata[c];
        JueRenderedHeaderCell *h;
        guint end = c + 1;

        if (col->depth <= level)
          {
            c++;
            continue;
          }
        while (end < cols->len && same_prefix (col, cols->pdata[end], level))
          end++;
        h = g_new0 (JueRenderedHeaderCell, 1);
        h->row = level;
        h->col = c;
        h->col_span = end - c;
        h->row_span = col->depth == level + 1 ? depth - level : 1;
        h->text = g_strdup (col->words[level]);
        g_ptr_array_add (ctx->out->header, h);
        c = end;
      }
}

/* ---- the table -------------------------------------------------------- */

/* Bold: every cell of a matrix's 合计 and 类 rows and of the economic
 * table's 类 and total rows; in lines tables, the cells of a side whose
 * line is a total. */
static void
mark_emphasis (Ctx *ctx)
{
  JueLayoutKind layout = ctx->t->layout;

  for (guint r = 0; r < ctx->out->rows->len; r++)
    {
      JueRenderedRow *row = ctx->out->rows->pdata[r];

      for (guint c = 0; c < ctx->out->n_columns; c++)
        {
          JueRenderedCell *cell = row->cells->pdata[c];
          guint side = tcol (ctx, c)->side;

          if (layout == JUE_LAYOUT_LINES || layout == JUE_LAYOUT_TWO_SIDED)
            {
              cell->emphasis = side < 2 && ctx->line_total[side] != NULL
                               && r < ctx->line_total[side]->len
                               && g_array_index (ctx->line_total[side], gboolean, r);
            }
          else
            cell->emphasis = row->kind == JUE_RENDER_ROW_TOTAL || row->kind == JUE_RENDER_ROW_CLASS;
        }
    }
  for (guint side = 0; side < 2; side++)
    if (ctx->line_total[side])
      g_array_unref (ctx->line_total[side]);
}

guint
jue_render_text_width (const char *text)
{
  guint w = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      w += (g_unichar_iswide (ch) || (ch > 0x2000 && g_unichar_iswide_cjk (ch))) ? 2 : 1;
    }
  return w;
}

static void
column_free (gpointer data)
{
  JueRenderedColumn *c = data;

  g_free (c->header);
  g_free (c->field);
  g_free (c);
}

static void
build_columns (Ctx *ctx)
{
  for (guint c = 0; c < ctx->out->n_columns; c++)
    {
      JueTemplateColumn *t = tcol (ctx, c);
      JueRenderedColumn *col = g_new0 (JueRenderedColumn, 1);
      guint width = 0;

      col->header = g_strdup (t->header);
      col->role = t->role;
      col->side = t->side;
      switch (t->role)
        {
        case JUE_COLUMN_CODE:
          col->kind = JUE_RENDER_CELL_CODE;
          break;
        case JUE_COLUMN_LABEL:
        case JUE_COLUMN_NAME:
          col->kind = JUE_RENDER_CELL_TEXT;
          break;
        case JUE_COLUMN_LINENO:
          col->kind = JUE_RENDER_CELL_COUNT;
          break;
        default:
          col->kind = JUE_RENDER_CELL_AMOUNT;
          if (t->role == JUE_COLUMN_VALUE && t->source != NULL
              && (ctx->t->layout == JUE_LAYOUT_MATRIX || ctx->t->layout == JUE_LAYOUT_ECONOMIC
                  || ctx->t->layout == JUE_LAYOUT_ROW))
            col->field = g_strdup (t->source);
          break;
        }
      for (guint r = 0; r < ctx->out->rows->len; r++)
        {
          JueRenderedRow *row = ctx->out->rows->pdata[r];
          JueRenderedCell *cell = row->cells->pdata[c];
          if (row->kind == JUE_RENDER_ROW_NOTE)
            continue;
          width = MAX (width, jue_render_text_width (cell->text));
          if (cell->kind == JUE_RENDER_CELL_COUNT && col->kind == JUE_RENDER_CELL_AMOUNT
              && cell->path != NULL)
            col->kind = JUE_RENDER_CELL_COUNT;
        }
      for (guint h = 0; h < ctx->out->header->len; h++)
        {
          JueRenderedHeaderCell *hc = ctx->out->header->pdata[h];
          if (hc->col == c && hc->col_span == 1)   /* long headers wrap */
            width = MAX (width, MIN (jue_render_text_width (hc->text),
                                     col->kind == JUE_RENDER_CELL_AMOUNT ? 10u : 16u));
        }
      col->width = CLAMP (width + 2, col->kind == JUE_RENDER_CELL_AMOUNT ? 11u : 6u, 48u);
      g_ptr_array_add (ctx->out->columns, col);
    }
}

const JueTemplate *
jue_render_report_template (const JueReport *report,
                            gboolean        *unknown_out)
{
  JueFieldRef ref;
  g_autofree char *id = NULL;
  const JueTemplate *tmpl = NULL;

  if (unknown_out)
    *unknown_out = FALSE;
  if (report != NULL
      && jue_report_resolve ((JueReport *) report, "profile.template", &ref, NULL)
      && ref.def->kind != JUE_KIND_RECORD && ref.def->kind != JUE_KIND_LIST)
    id = g_strstrip (jue_field_get_text (&ref));
  if (id != NULL && *id != '\0')
    {
      tmpl = jue_template_get (id, NULL);
      if (tmpl == NULL && unknown_out)
        *unknown_out = TRUE;
    }
  if (tmpl == NULL)
    tmpl = jue_template_get ("national", NULL);
  return tmpl;
}

JueRenderedTable *
jue_render_table_with_flags (const JueTemplate *tmpl,
                             guint              index,
                             const JueReport   *report,
                             const JueComputed *computed,
                             JueRenderFlags     flags)
{
  g_autoptr (JueComputed) own = NULL;
  JueRenderedTable *out;
  Ctx ctx = { 0 };
  const char *name, *empty_reason;

  g_return_val_if_fail (tmpl != NULL && report != NULL, NULL);
  g_return_val_if_fail (index < tmpl->tables->len, NULL);

  if (computed == NULL)
    {
      own = jue_computed_new ();
      jue_computed_update (own, report);
      computed = own;
    }
  ctx.report = (JueReport *) report;
  ctx.computed = computed;
  ctx.flags = flags;
  ctx.t = tmpl->tables->pdata[index];
  if (strcmp (ctx.t->blank, "zero") == 0)
    ctx.blank_zero = TRUE;
  else if (strcmp (ctx.t->blank, "blank") == 0)
    ctx.blank_zero = FALSE;
  else
    ctx.blank_zero = jue_report_prints_zero (report);

  out = g_new0 (JueRenderedTable, 1);
  ctx.out = out;
  out->table = ctx.t;
  out->number = g_strdup (ctx.t->number);
  /* Published tables print the report's year in the title
   * ("2024年度收入支出决算总表"); the workbook import reads it back. */
  if (report->profile.year.set && !report->profile.year.unreadable
      && report->profile.year.value > 0 && report->profile.year.value < 10000)
    out->title = g_strdup_printf ("%" G_GINT64_FORMAT "年度%s",
                                  report->profile.year.value, ctx.t->title);
  else
    out->title = g_strdup (ctx.t->title);
  out->part = g_strdup (ctx.t->part);
  name = report->profile.name ? report->profile.name : "";
  out->unit_name = g_strconcat ("编制单位：", name, NULL);
  out->unit = g_strdup ("单位：万元");
  out->note = g_strdup (ctx.t->note);
  out->provisional = ctx.t->provisional;
  out->n_columns = ctx.t->columns->len;
  out->columns = g_ptr_array_new_with_free_func (column_free);
  out->header = g_ptr_array_new_with_free_func (header_cell_free);
  out->rows = g_ptr_array_new_with_free_func (row_free);
  if (ctx.t->layout == JUE_LAYOUT_MATRIX || ctx.t->layout == JUE_LAYOUT_ECONOMIC)
    out->list = g_strdup (ctx.t->rows);

  build_header (&ctx);
  empty_reason = (flags & JUE_RENDER_UNMARKED) ? NULL
                 : jue_report_table_empty_reason (report, ctx.t->key);
  if (empty_reason != NULL)
    {
      /* marked empty (本表为空表): the note and why, whatever figures the
       * report still holds (a check speaks of those) */
      out->empty = TRUE;
      out->marked_empty = TRUE;
      add_note_row (&ctx, ctx.t->empty_note);
      if (*empty_reason != '\0')
        add_note_row (&ctx, empty_reason);
    }
  else switch (ctx.t->layout)
    {
    case JUE_LAYOUT_MATRIX:
      render_matrix (&ctx);
      break;
    case JUE_LAYOUT_LINES:
    case JUE_LAYOUT_TWO_SIDED:
      render_lines (&ctx);
      break;
    case JUE_LAYOUT_ECONOMIC:
      render_economic (&ctx);
      break;
    case JUE_LAYOUT_ROW:
      render_row (&ctx);
      break;
    }
  mark_emphasis (&ctx);
  build_columns (&ctx);
  return out;
}

JueRenderedTable *
jue_render_table (const JueTemplate *tmpl,
                  guint              index,
                  const JueReport   *report,
                  const JueComputed *computed)
{
  return jue_render_table_with_flags (tmpl, index, report, computed, JUE_RENDER_DEFAULT);
}

JueRenderedTable *
jue_render_table_unmarked (const JueTemplate *tmpl,
                           guint              index,
                           const JueReport   *report,
                           const JueComputed *computed)
{
  return jue_render_table_with_flags (tmpl, index, report, computed, JUE_RENDER_UNMARKED);
}

void
jue_rendered_table_free (JueRenderedTable *table)
{
  if (table == NULL)
    return;
  g_free (table->number);
  g_free (table->title);
  g_free (table->part);
  g_free (table->unit_name);
  g_free (table->unit);
  g_free (table->list);
  g_free (table->note);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

const JueRenderedCell *
jue_rendered_cell (const JueRenderedTable *table,
                   guint                   row,
                   guint                   col)
{
  JueRenderedRow *r;

  g_return_val_if_fail (row < table->rows->len && col < table->n_columns, NULL);
  r = table->rows->pdata[row];
  return r->cells->pdata[col];
}

/* ---- a list of records as a table ------------------------------------- */

static JueRenderCellKind
field_cell_kind (const JueFieldDef *f)
{
  switch (f->kind)
    {
    case JUE_KIND_AMOUNT: return JUE_RENDER_CELL_AMOUNT;
    case JUE_KIND_PERCENT: return JUE_RENDER_CELL_PERCENT;
    case JUE_KIND_INTEGER: return JUE_RENDER_CELL_COUNT;
    default:
      return g_str_equal (f->name, "code") ? JUE_RENDER_CELL_CODE : JUE_RENDER_CELL_TEXT;
    }
}

JueRenderedTable *
jue_render_list (const JueReport    *report,
                 const char         *list_path,
                 const JueRecordDef *element,
                 guint               n_fields)
{
  JueReport *r = (JueReport *) report;
  JueRenderedTable *out = g_new0 (JueRenderedTable, 1);
  JueFieldRef ref;
  GPtrArray *items = NULL;

  g_return_val_if_fail (n_fields <= element->n_fields, NULL);
  out->number = g_strdup ("");
  out->title = g_strdup ("");
  out->part = g_strdup ("");
  out->unit_name = g_strdup ("");
  out->unit = g_strdup ("");
  out->list = g_strdup (list_path);
  out->n_columns = 1 + n_fields;
  out->n_header_rows = 1;
  out->columns = g_ptr_array_new_with_free_func (column_free);
  out->header = g_ptr_array_new_with_free_func (header_cell_free);
  out->rows = g_ptr_array_new_with_free_func (row_free);
  for (guint c = 0; c < out->n_columns; c++)
    {
      JueRenderedColumn *col = g_new0 (JueRenderedColumn, 1);
      JueRenderedHeaderCell *h = g_new0 (JueRenderedHeaderCell, 1);
      const JueFieldDef *f = c ? &element->fields[c - 1] : NULL;

      col->header = g_strdup (f ? f->label : "No.");
      col->role = f == NULL ? JUE_COLUMN_LINENO
                  : g_str_equal (f->name, "code") ? JUE_COLUMN_CODE
                  : f->kind == JUE_KIND_AMOUNT || f->kind == JUE_KIND_PERCENT ||
                    f->kind == JUE_KIND_INTEGER ? JUE_COLUMN_VALUE : JUE_COLUMN_NAME;
      col->kind = f ? field_cell_kind (f) : JUE_RENDER_CELL_COUNT;
      col->field = f ? g_strdup (f->name) : NULL;
      col->width = jue_render_text_width (col->header);
      g_ptr_array_add (out->columns, col);
      h->col = c;
      h->row_span = h->col_span = 1;
      h->text = g_strdup (col->header);
      g_ptr_array_add (out->header, h);
    }
  if (jue_report_resolve (r, list_path, &ref, NULL) && ref.def->kind == JUE_KIND_LIST)
    items = *(GPtrArray **) ref.ptr;
  for (guint i = 0; items && i < items->len; i++)
    {
      JueRenderedRow *row = g_new0 (JueRenderedRow, 1);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      JueRenderedCell *lineno = cell_new (JUE_RENDER_CELL_COUNT, number);

      row->kind = JUE_RENDER_ROW_ITEM;
      row->item = (gint) i;
      row->cells = g_ptr_array_new_with_free_func (cell_free);
      lineno->value = i + 1;
      lineno->has_value = TRUE;
      g_ptr_array_add (row->cells, lineno);
      for (guint k = 0; k < n_fields; k++)
        {
          const JueFieldDef *f = &element->fields[k];
          g_autofree char *path = g_strdup_printf ("%s[%u].%s", list_path, i, f->name);
          g_autofree char *value = jue_report_get (r, path, NULL);
          JueRenderedCell *cell;
          JueAmount a;

          if (value && f->kind == JUE_KIND_AMOUNT && jue_amount_parse (value, &a, NULL))
            {
              g_free (value);
              value = jue_amount_display (a);
            }
          cell = cell_new (field_cell_kind (f), value);
          cell->blank = value == NULL || *value == '\0';
          cell->path = g_steal_pointer (&path);
          g_ptr_array_add (row->cells, cell);
          if (g_str_equal (f->name, "code") && value && *value)
            row->code = g_strdup (value);
          ((JueRenderedColumn *) out->columns->pdata[k + 1])->width =
            MAX (((JueRenderedColumn *) out->columns->pdata[k + 1])->width,
                 jue_render_text_width (cell->text));
        }
      g_ptr_array_add (out->rows, row);
    }
  return out;
}
