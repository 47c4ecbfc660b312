/* jue-cli.h — juesuan-cli commands.  Each command is a function taking its
 * own arguments (argv[0] is the command name) and returning the exit code:
 * 0 success, 1 a refused value / unknown path / findings with errors,
 * 2 a file that cannot be opened as a Juesuan report (or bad usage). */
#pragma once

#include "jue-document.h"

G_BEGIN_DECLS

enum { JUE_EXIT_OK = 0, JUE_EXIT_REFUSED = 1, JUE_EXIT_FILE = 2 };

typedef int (*JueCliFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  const char *usage;    /* arguments, e.g. "FILE PATH VALUE" */
  const char *summary;  /* N_() */
  JueCliFunc  func;
} JueCliCommand;

/* Prints "juesuan-cli: message" to stderr. */
void         jue_cli_error         (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Opens filename, printing the reason and returning NULL when it cannot. */
JueDocument *jue_cli_open          (const char *filename,
                                    gboolean    read_only);
/* Exit code for an error from opening a file (2) or an edit (1). */
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

G_END_DECLS
