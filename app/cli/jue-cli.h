/* jue-cli.h — juesuan-cli commands.  Each command is a function taking its
 * own arguments (argv[0] is the command name) and returning the exit code:
 * 0 success, 1 a refused value / unknown path / findings with errors,
 * 2 a file that cannot be opened as a Juesuan report (or bad usage),
 * 3 the file is in use: another program has it open for editing (or
 * changed it meanwhile); nothing was changed, try again later. */
#pragma once

#include "jue-document.h"

G_BEGIN_DECLS

enum { JUE_EXIT_OK = 0, JUE_EXIT_REFUSED = 1, JUE_EXIT_FILE = 2, JUE_EXIT_IN_USE = 3 };

typedef int (*JueCliFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  const char *usage;    /* arguments, e.g. "FILE PATH VALUE" */
  const char *summary;  /* N_() */
  JueCliFunc  func;
} JueCliCommand;

/* Prints "juesuan-cli: message" to stderr. */
void         jue_cli_error         (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Opens filename, printing the reason and returning NULL when it cannot
 * (jue_cli_open_status() is then the exit code: 2, or 3 when in use). */
JueDocument *jue_cli_open          (const char *filename,
                                    gboolean    read_only);
int          jue_cli_open_status   (void);
/* Opens filename for editing, waiting a few seconds for another writer;
 * NULL (reason printed, *exit_code set) when it cannot be edited. */
JueDocument *jue_cli_open_for_edit (const char *filename,
                                    int        *exit_code);
/* Exit code for an error from opening a file (2), an edit (1), or a file
 * in use (3). */
int          jue_cli_exit_for      (const GError *error);
int          jue_cli_usage         (const char *command);

int jue_cli_new      (int argc, char **argv);
int jue_cli_info     (int argc, char **argv);
int jue_cli_show     (int argc, char **argv);
int jue_cli_paths    (int argc, char **argv);
int jue_cli_schema   (int argc, char **argv);
int jue_cli_get      (int argc, char **argv);
int jue_cli_set      (int argc, char **argv);
int jue_cli_add      (int argc, char **argv);
int jue_cli_remove   (int argc, char **argv);
int jue_cli_move     (int argc, char **argv);
int jue_cli_validate (int argc, char **argv);
int jue_cli_progress (int argc, char **argv);
int jue_cli_explain  (int argc, char **argv);
int jue_cli_classification (int argc, char **argv);
int jue_cli_export   (int argc, char **argv);
int jue_cli_import   (int argc, char **argv);
int jue_cli_confirm  (int argc, char **argv);
int jue_cli_compare  (int argc, char **argv);
int jue_cli_consolidate (int argc, char **argv);
int jue_cli_provenance  (int argc, char **argv);
int jue_cli_empty       (int argc, char **argv);
int jue_cli_add_code    (int argc, char **argv);
/* Table output (cli-validate.c): terminal columns of a text (two for a
 * wide character), and the text padded to width (right-aligned or not). */
guint jue_cli_display_width (const char *text);
void  jue_cli_print_padded  (GString    *out,
                             const char *text,
                             guint       width,
                             gboolean    right);
/* cli-workbook.c */
gboolean jue_cli_is_workbook     (const char *filename);
gboolean jue_cli_is_published_dir (const char *path);
int      jue_cli_import_workbook (int argc, char **argv);

G_END_DECLS
