/* jue-chart-data.h — what the document's charts show, from core's figures:
 * income and expenditure structure (pies), general-budget expenditure by
 * 类 (bars) and the “三公” expenses this year against last.  Titles and
 * labels come from the phrase file ([chart.ID]); nothing here draws
 * (app/doc/jue-chart-draw.c does, with cairo and pango).
 */
#pragma once

#include <glib.h>

#include "jue-computed.h"
#include "jue-report.h"

G_BEGIN_DECLS

typedef enum {
  JUE_CHART_PIE,       /* shares of a total */
  JUE_CHART_BARS,      /* one bar per item, with value and share */
  JUE_CHART_COMPARE,   /* two bars per item: this year, last year */
} JueChartKind;

typedef struct {
  char    *label;          /* "基本支出" */
  gint64   value;          /* fen; 0 when unknown */
  gint64   previous;       /* fen (COMPARE) */
  gint64   share;          /* centi-percent, when has_share */
  gboolean has_share;
  char    *value_text;     /* "708.77万元" */
  char    *share_text;     /* "48.98%" or NULL */
  char    *previous_text;  /* "3.84万元" (COMPARE) */
} JueChartItem;

typedef struct {
  char         *id;        /* "income", "expenditure", "functional", "three_public" */
  JueChartKind  kind;
  guint         number;    /* 图N, in the order Part 2 refers to them */
  char         *title;     /* "收入决算结构图" */
  char         *caption;   /* "图1：收入决算结构图" */
  char         *unit;      /* "单位：万元" */
  char         *series[2]; /* COMPARE: "2024年", "2023年" */
  GPtrArray    *items;     /* JueChartItem* (a pie's zero items left out) */
  gboolean      empty;     /* nothing to draw */
  char         *empty_text;
} JueChart;

/* The charts Part 2 refers to, in order (JueChart*).  computed may be NULL
 * (computed here); classification NULL for the built-in table. */
GPtrArray  *jue_charts_new      (const JueReport   *report,
                                 const JueComputed *computed,
                                 GPtrArray         *classification);
void        jue_chart_free      (JueChart *chart);
/* "图1_收入决算结构图": a file name without extension. */
char       *jue_chart_file_stem (const JueChart *chart);

G_END_DECLS
