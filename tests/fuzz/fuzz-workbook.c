/* Fuzz target: an .xlsx someone sent (jue-workbook.c) and the search for
 * the published tables in it (jue-workbook-import.c).  Invariants: no
 * crash; a refused workbook has a message naming it; a read one has its
 * cells in order within the limits, and finding the tables either
 * succeeds or says why. */
#include "config.h"

#include <string.h>

#include "jue-workbook.h"
#include "jue-workbook-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JueWorkbook) wb = jue_workbook_open_xlsx_data (data, size, "fuzz.xlsx", &error);
  g_autoptr (JueWbImport) imp = NULL;

  if (wb == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "fuzz.xlsx"));
      return 0;
    }
  for (guint s = 0; s < jue_workbook_n_sheets (wb); s++)
    {
      const JueWbSheet *sheet = jue_workbook_sheet (wb, s);

      for (guint i = 0; i < jue_wb_sheet_n_cells (sheet); i++)
        {
          const JueWbCell *c = jue_wb_sheet_cell_at (sheet, i);

          g_assert_true (c->row < JUE_WORKBOOK_MAX_ROWS && c->column < JUE_WORKBOOK_MAX_COLUMNS);
          g_assert_true (g_utf8_validate (c->text, -1, NULL));
          g_assert_true (jue_wb_sheet_cell (sheet, c->row, c->column) == c);
        }
    }
  imp = jue_wb_import_workbook (wb, NULL, FALSE, &error);
  g_assert_true ((imp == NULL) == (error != NULL));
  return 0;
}
