/* jue-import-private.h — shared by jue-import.c (a folder) and
 * jue-import-single.c (one file). */
#pragma once

#include "jue-csv-tables.h"
#include "jue-csv.h"
#include "jue-import.h"

G_BEGIN_DECLS

/* Where a field was first read, so that its copies in later tables can be
 * compared with it. */
typedef struct {
  char *origin;
  guint line;
  guint column;
  char *text;
} Home;

typedef struct {
  JueImport  *result;
  GHashTable *homes;   /* path → Home */
} Import;

/* Rows [start, end) of one table. */
typedef struct {
  const JueCsvTable *table;
  guint              start;
  guint              end;
} Span;

typedef enum {
  PART_TABLE,
  PART_FUND,
  PART_FINDINGS,
  PART_EXACT,
  PART_CLASSIFICATION,
  PART_ECONOMIC,
} PartKind;

void             jue_import_init      (Import *imp);
/* The result, or NULL (freed) when !ok. */
JueImport       *jue_import_finish    (Import  *imp,
                                       gboolean ok);
const JueCsvRow *jue_import_span_row  (const Span *span,
                                       guint       i);
/* Reads one exported file's rows: a table, a special fund, the findings,
 * the exact amounts or the classification. */
gboolean         jue_import_part      (Import                *imp,
                                       PartKind               kind,
                                       const JueCsvTableSpec *table,
                                       const char            *name,
                                       const Span            *span,
                                       GError               **error);

G_END_DECLS
