/* jue-csv-tables.h — what each exported CSV file holds, declared once and
 * read by both the exporter (jue-export.c) and the importer (jue-import.c),
 * so the two cannot drift apart.  docs/csv-format.md describes the result.
 *
 * A file is one or more blocks separated by an empty line; a block is a
 * header row and its rows.  A row spec lists its cells:
 *   "@field"     a field of the model: written by kind, read back on import
 *   "=computed"  a value from jue-computed.h: written, ignored on import
 *   "*name"      (class subtotal rows only) the class name
 *   other text   a fixed cell (a row label); checked on import
 *   NULL         an empty cell
 * Field and computed paths are relative: to the table's prefix for FIXED
 * rows, to the list item ("functional[3]") for REPEAT and ITEMS rows, to
 * "functional_classes[N]" for CLASSES rows.
 *
 * The file names, column headers, row labels and fixed texts are Chinese on
 * every locale: they are the published document's, not user-interface text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every column header, in one table (jue_csv_column_name()). */
typedef enum {
  JUE_CSV_COL_END = 0,
  JUE_CSV_COL_ITEM,            /* 项目 */
  JUE_CSV_COL_CONTENT,         /* 内容 */
  JUE_CSV_COL_AMOUNT,          /* 金额（万元） */
  JUE_CSV_COL_SHARE,           /* 占比（%） */
  JUE_CSV_COL_CURRENT,         /* 本年决算数（万元） */
  JUE_CSV_COL_PREVIOUS,        /* 上年决算数（万元） */
  JUE_CSV_COL_CHANGE,          /* 增减额（万元） */
  JUE_CSV_COL_CHANGE_PCT,      /* 增减率（%） */
  JUE_CSV_COL_NOTE,            /* 说明 */
  JUE_CSV_COL_REASON,          /* 变动原因 */
  JUE_CSV_COL_CODE,            /* 科目编码 */
  JUE_CSV_COL_SUBJECT,         /* 科目名称 */
  JUE_CSV_COL_CLASS,           /* 类 */
  JUE_CSV_COL_KUAN,            /* 款 */
  JUE_CSV_COL_XIANG,           /* 项 */
  JUE_CSV_COL_ADJUSTED,        /* 调整后预算数（万元） */
  JUE_CSV_COL_BUDGET,          /* 预算数（万元） */
  JUE_CSV_COL_ACTUAL,          /* 决算数（万元） */
  JUE_CSV_COL_COMPLETION,      /* 完成预算（%） */
  JUE_CSV_COL_THIS_YEAR,       /* 本年数 */
  JUE_CSV_COL_LAST_YEAR,       /* 上年数 */
  JUE_CSV_COL_CHANGE_PLAIN,    /* 增减额 */
  JUE_CSV_COL_TERM,            /* 名词 */
  JUE_CSV_COL_DEFINITION,      /* 解释 */
  JUE_CSV_COL_TASK,            /* 任务名称 */
  JUE_CSV_COL_TASK_CONTENT,    /* 主要内容 */
  JUE_CSV_COL_LEVEL1,          /* 一级指标 */
  JUE_CSV_COL_LEVEL2,          /* 二级指标 */
  JUE_CSV_COL_LEVEL3,          /* 三级指标 */
  JUE_CSV_COL_NATURE,          /* 指标性质 */
  JUE_CSV_COL_TARGET,          /* 指标值 */
  JUE_CSV_COL_UNIT,            /* 度量单位 */
  JUE_CSV_COL_WEIGHT,          /* 权重（分） */
  JUE_CSV_COL_INDICATOR_ACTUAL,/* 实际完成值 */
  JUE_CSV_COL_GRADE,           /* 评分等级（%） */
  JUE_CSV_COL_SCORE,           /* 得分（分） */
  JUE_CSV_COL_TITLE,           /* 标题 */
  JUE_CSV_COL_BODY,            /* 正文 */
  JUE_CSV_COL_SEVERITY,        /* 级别 */
  JUE_CSV_COL_RULE,            /* 规则 */
  JUE_CSV_COL_PATH,            /* 字段路径 */
  JUE_CSV_COL_PROBLEM,         /* 问题 */
  JUE_CSV_COL_EXPLANATION,     /* 出错说明 */
  JUE_CSV_COL_EXACT,           /* 精确值（万元） */
  JUE_CSV_COL_LEVEL,           /* 级次 */
  JUE_CSV_COL_PARENT,          /* 上级编码 */
  JUE_CSV_COL_INCOME_TOTAL,    /* 本年收入合计（万元） */
  JUE_CSV_COL_INCOME_APPROPRIATION, /* 财政拨款收入（万元） */
  JUE_CSV_COL_INCOME_SUPERIOR, /* 上级补助收入（万元） */
  JUE_CSV_COL_INCOME_BUSINESS, /* 事业收入（万元） */
  JUE_CSV_COL_INCOME_OPERATING,/* 经营收入（万元） */
  JUE_CSV_COL_INCOME_AFFILIATED, /* 附属单位上缴收入（万元） */
  JUE_CSV_COL_INCOME_OTHER,    /* 其他收入（万元） */
  JUE_CSV_COL_EXP_TOTAL,       /* 本年支出合计（万元） */
  JUE_CSV_COL_EXP_BASIC,       /* 基本支出（万元） */
  JUE_CSV_COL_EXP_PROJECT,     /* 项目支出（万元） */
  JUE_CSV_COL_EXP_TO_SUPERIOR, /* 上缴上级支出（万元） */
  JUE_CSV_COL_EXP_OPERATING,   /* 经营支出（万元） */
  JUE_CSV_COL_EXP_AFFILIATED,  /* 对附属单位补助支出（万元） */
  JUE_CSV_COL_BUDGET_INITIAL,  /* 年初预算数（万元） */
  JUE_CSV_COL_CARRIED_IN,      /* 年初结转和结余（万元） */
  JUE_CSV_COL_YEAR_INCOME,     /* 本年收入（万元） */
  JUE_CSV_COL_CARRIED_OUT,     /* 年末结转和结余（万元） */
  JUE_CSV_COL_UNSPLIT,         /* 未分项（万元） */
  JUE_CSV_COL_EMPTY_TABLE,     /* 空表 (a table marked empty: its key) */
  JUE_CSV_COL_EMPTY_REASON,    /* 为空说明 */
  JUE_CSV_N_COLUMNS
} JueCsvColumn;

#define JUE_CSV_MAX_COLUMNS 14

typedef enum {
  JUE_CSV_ROW_FIXED,    /* one row; cells[0] is its label */
  JUE_CSV_ROW_REPEAT,   /* one row per item of list, labelled cells[0] */
  JUE_CSV_ROW_ITEMS,    /* one row per item of list (a list block); the
                           k-th item row is list[k], so one list may have
                           its columns in several files (accounts: 02, 03) */
  JUE_CSV_ROW_CLASSES,  /* a subtotal row per functional class, written
                           before the class's first row; cells[0] marks it */
} JueCsvRowKind;

typedef struct {
  JueCsvRowKind kind;
  const char   *list;                        /* REPEAT, ITEMS */
  const char   *cells[JUE_CSV_MAX_COLUMNS];
} JueCsvRowSpec;

typedef struct {
  guint8               columns[JUE_CSV_MAX_COLUMNS + 1];  /* JueCsvColumn, END-terminated */
  const JueCsvRowSpec *rows;
  guint                n_rows;
  gboolean             optional;  /* a last block earlier versions did not
                                     write: a file without it imports */
} JueCsvBlockSpec;

typedef struct {
  const char            *name;     /* the file name without ".csv" */
  const char            *prefix;   /* model path of the table; "" for the root */
  const JueCsvBlockSpec *blocks;
  guint                  n_blocks;
} JueCsvTableSpec;

/* The tables 01–13, in file order. */
const JueCsvTableSpec *jue_csv_fixed_tables          (guint *n_tables);
/* One special-fund evaluation; prefix is "special_funds[N]" at run time. */
const JueCsvTableSpec *jue_csv_special_fund_table    (void);
/* The findings (15), exact-amount (16) and classification (17) files: one
 * list block each, read and written by special code (the row specs only
 * document the columns). */
const JueCsvBlockSpec *jue_csv_findings_block        (void);
const JueCsvBlockSpec *jue_csv_exact_block           (void);
const JueCsvBlockSpec *jue_csv_classification_block  (void);

const char  *jue_csv_column_name      (JueCsvColumn column);
guint        jue_csv_block_width      (const JueCsvBlockSpec *block);

/* File names (without ".csv"). */
#define JUE_CSV_SPECIAL_FUND_STEM "14_专项资金绩效自评"
#define JUE_CSV_FINDINGS_NAME     "15_审核问题及出错说明"
#define JUE_CSV_EXACT_NAME        "16_精确金额"
#define JUE_CSV_CLASSIFICATION_NAME "17_功能分类科目表"
/* The imported economic classification (部门预算支出经济分类), in the
 * classification block's columns; written only when the report has one. */
#define JUE_CSV_ECONOMIC_NAME "18_经济分类科目表"

/* "14_专项资金绩效自评_02_科技创新券补助" for the second fund (index 1):
 * the project name with characters that file systems refuse replaced. */
char        *jue_csv_special_fund_name (guint       index,
                                        const char *project_name);
/* Reads the fund number (from 1) out of such a name (with or without
 * ".csv"); 0 when name is not one. */
guint        jue_csv_special_fund_number (const char *name);

/* Joins a prefix and a relative path: ("gov_fund", "rows") → "gov_fund.rows". */
char        *jue_csv_join_path        (const char *prefix,
                                       const char *relative);

/* Text for an undefined computed value in a CSV cell: "上年为0", "无预算",
 * or "" (a blank cell) — Chinese on every locale, like the headers. */
const char  *jue_csv_undefined_text   (guint reason);

/* Whether text, read from a file, is the fixed cell label: the label
 * itself, or the name an earlier version wrote for it. */
gboolean    jue_csv_label_matches (const char *label,
                                   const char *text);

G_END_DECLS
