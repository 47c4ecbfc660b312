/* jue-window-private.h — shared between jue-window.c (layout, sections,
 * navigation) and jue-window-files.c (new, open, copy, CSV, the
 * classification table). */
#pragma once

#include "jue-find-popover.h"
#include "jue-section-list.h"
#include "jue-window.h"

G_BEGIN_DECLS

struct _JueWindow {
  AdwApplicationWindow parent_instance;

  /* template */
  GtkWidget  *toast_overlay;
  GtkWidget  *main_stack;
  GtkWidget  *start_page;
  GtkWidget  *recent_list;
  GtkWidget  *leaflet;
  GtkWidget  *sidebar;
  GtkWidget  *content;
  GtkWidget  *doc_title;
  GtkWidget  *section_title;
  GtkWidget  *section_list;
  GtkWidget  *banner;
  GtkWidget  *banner_label;
  GtkWidget  *pages;
  GtkWidget  *find_button;
  GtkWidget  *find_popover;
  GtkWidget  *saved_label;
  GMenu      *recent_menu;

  GSettings  *settings;       /* NULL when the schema is not installed */
  JueSession *session;
  GPtrArray  *sections;       /* JueSection* */
  char       *section_id;
  char       *last_message;
  GtkWidget  *error_dialog;   /* the one shown, so errors do not pile up */
  guint       update_actions_id;
  GFileMonitor *monitor;      /* the open file: changes by other programs */
  guint       reload_id;      /* a pending check after the file changed */
  gboolean    review;         /* opened for review on purpose (not just read-only) */
  gboolean    close_confirmed;  /* closing with unreadable values was asked */
  GtkWidget  *close_dialog;
  GQueue      shown_pages;    /* section ids, the most recently shown first */
  /* jue-window-nav.c: the finding gone to from the findings */
  char       *finding_rule;
  char       *finding_path;
  GtkWidget  *finding_bar;
  GtkWidget  *finding_label;
  GtkWidget  *finding_count;
  /* what was typed and could not be written: said, with Retry */
  GtkWidget  *unsaved_bar;
  GtkWidget  *unsaved_label;
  /* jue-window-yearly.c: a folder of submissions stepped through */
  GtkWidget  *review_buttons;
  GPtrArray  *review_files;   /* in the review list's order, or NULL */
  guint       review_index;
};

/* jue-window.c */
void     jue_window_show_error     (JueWindow  *self,
                                    const char *heading,
                                    const char *body);
void     jue_window_toast          (JueWindow  *self,
                                    const char *text);
void     jue_window_update_actions (JueWindow  *self);

/* jue-window-files.c */
void     jue_window_files_init_actions (GtkWidgetClass *widget_class);
void     jue_window_add_recent     (JueWindow  *self,
                                    const char *filename);
void     jue_window_update_recent  (JueWindow  *self);
gboolean jue_window_create_file    (JueWindow  *self,
                                    const char *filename,
                                    gboolean    sample);
gboolean jue_window_export_pdf     (JueWindow  *self,
                                   const char *filename,
                                   gboolean    force);
gboolean jue_window_export_csv     (JueWindow  *self,
                                    const char *dir,
                                    gboolean    force);
gboolean jue_window_import_csv     (JueWindow  *self,
                                    const char *source,
                                    const char *filename);
gboolean jue_window_save_copy_to   (JueWindow  *self,
                                    const char *filename);
gboolean jue_window_import_classification_file (JueWindow  *self,
                                                const char *filename);
gboolean jue_window_import_economic_classification_file (JueWindow  *self,
                                                         const char *filename);
gboolean jue_window_import_workbook_file (JueWindow  *self,
                                          const char *filename);
GSettings *jue_settings_new        (void);

/* jue-window-yearly.c */
void     jue_window_yearly_init_actions (GtkWidgetClass *widget_class);
/* The Compared with Last Year page: against the file jue_window_show_compare
 * was last given, else the report's own 上年 figures; made again each time
 * it is shown.  Its rows in their shown order, for the tests. */
GtkWidget  *jue_window_compare_page_new  (JueWindow *self);
GListModel *jue_window_get_compare_rows  (JueWindow *self);
void     jue_window_update_review  (JueWindow  *self);
void     jue_window_review_step    (JueWindow  *self,
                                    int         step);

/* jue-window-print.c: Print… (Ctrl+P) */
void     jue_window_print_init_actions (GtkWidgetClass *widget_class);
gboolean jue_window_print          (JueWindow               *self,
                                    GtkPrintOperationAction  action,
                                    const char              *export_filename);

/* jue-window-nav.c */
void     jue_window_nav_init_actions (GtkWidgetClass *widget_class);
void     jue_window_nav_init       (JueWindow  *self);
/* A section was shown / another report opened. */
void     jue_window_nav_section_shown (JueWindow *self);
void     jue_window_nav_forget     (JueWindow  *self);
/* Goes to the field of the finding of rule at path, remembering it. */
gboolean jue_window_goto_finding   (JueWindow  *self,
                                    const char *rule,
                                    const char *path);
/* Alt+Left: the findings, at the finding last gone to. */
gboolean jue_window_back_to_findings (JueWindow *self);
/* F8 / Shift+F8: the next / previous finding's field. */
gboolean jue_window_step_finding   (JueWindow  *self,
                                    int         step);
/* Alt+A. */
void     jue_window_add_row        (JueWindow  *self);

G_END_DECLS
