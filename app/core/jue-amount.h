/* jue-amount.h — exact money (integer fen), decimals, parsing and display.
 *
 * Money is always an integer number of fen (0.01 yuan).  1 万元 = 1 000 000 fen.
 * Percentages are integers in hundredths of a percent ("centi-percent"), so
 * 95.03% is 9503.  Nothing here uses floating point.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JUE_FEN_PER_YUAN 100
#define JUE_FEN_PER_WAN  1000000   /* 1 万元 */
#define JUE_FEN_PER_DISPLAY_UNIT 10000 /* 0.01 万元, the printed precision */

#define JUE_ERROR (jue_error_quark ())
GQuark jue_error_quark (void);

typedef enum {
  JUE_ERROR_PARSE,          /* a typed value could not be read */
  JUE_ERROR_UNKNOWN_PATH,   /* no such field */
  JUE_ERROR_NOT_OURS,       /* not a .juesuan file */
  JUE_ERROR_NEWER,          /* written by a newer Juesuan */
  JUE_ERROR_CORRUPT,        /* truncated, damaged or hostile file */
  JUE_ERROR_IO,             /* SQLite or file-system failure */
  JUE_ERROR_READ_ONLY,      /* write to a document opened for review */
  JUE_ERROR_EXISTS,         /* refusing to overwrite */
  JUE_ERROR_INVALID,        /* a request that makes no sense (bad index…) */
  JUE_ERROR_IN_USE,         /* another program is writing the file */
  JUE_ERROR_CHANGED,        /* the file was changed by another program */
  JUE_ERROR_TOO_LARGE,      /* beyond a limit of jue-store.h */
} JueErrorCode;

/* Each value is blank (set FALSE), a number (set TRUE), or unreadable: what
 * was typed could not be read as a number (set FALSE, unreadable TRUE), so
 * it is unknown — neither 0 nor blank.  The typed text itself is kept on the
 * record (jue_field_get_unreadable), never replaced by another number. */
typedef struct {
  gint64   fen;
  gboolean set;
  gboolean unreadable;
} JueAmount;

typedef struct {
  gint64   value;
  gboolean set;
  gboolean unreadable;
} JueInteger;

/* A decimal with two places (weights, scores, percentages typed by people):
 * centi = value × 100. */
typedef struct {
  gint64   centi;
  gboolean set;
  gboolean unreadable;
} JuePercent;

static inline gint64
jue_amount_fen (JueAmount a)
{
  return a.set ? a.fen : 0;
}

static inline JueAmount
jue_amount_from_fen (gint64 fen)
{
  JueAmount a = { fen, TRUE, FALSE };
  return a;
}

/* Normalises what people type: full-width digits and punctuation become
 * ASCII (an input method's 。 a decimal point, − a minus), surrounding
 * white space (including U+3000) is removed.  Returns a
 * newly allocated string. */
char      *jue_normalize_input      (const char *text);
/* What a message quotes of the input: the text itself, or its first
 * JUE_EXCERPT_CHARS characters and "…" (a whole pasted page is not
 * repeated back). */
#define JUE_EXCERPT_CHARS 40
char      *jue_input_excerpt        (const char *text);

/* "" or white space only → blank (set = FALSE).  Otherwise 万元 by default
 * (up to 6 decimals) or with a trailing 元 (up to 2 decimals); commas as
 * thousands separators; full-width input.  The error message names the text. */
gboolean   jue_amount_parse         (const char *text,
                                     JueAmount  *out,
                                     GError    **error);
/* A whole number, 0 or more (every integer field is a count or the year):
 * a fraction or a negative number is refused, the message saying which. */
gboolean   jue_integer_parse        (const char *text,
                                     JueInteger *out,
                                     GError    **error);
gboolean   jue_percent_parse        (const char *text,
                                     JuePercent *out,
                                     GError    **error);
/* YYYY-MM-DD, or 2024年12月31日; stored as YYYY-MM-DD. */
gboolean   jue_date_parse           (const char *text,
                                     char      **out_iso,
                                     GError    **error);

/* 万元 with 2 decimals, half up: "1447.01", "-0.50".  Blank → "". */
char      *jue_amount_display       (JueAmount   a);
char      *jue_fen_display          (gint64      fen);
/* Exact 万元, at least 2 decimals, trailing zeros trimmed: "2.98", "2.980012". */
char      *jue_amount_canonical     (JueAmount   a);
char      *jue_integer_canonical    (JueInteger  i);
/* "9", "99.45", "12.5".  Blank → "". */
char      *jue_percent_canonical    (JuePercent  p);

/* Rounds num/den to an integer, half away from zero.  den must not be 0. */
gint64     jue_div_round            (gint64 num,
                                     gint64 den);
/* num / den as centi-percent rounded half up (95.03% → 9503).  den must not
 * be 0. */
gint64     jue_ratio_centi          (gint64 num,
                                     gint64 den);
/* centi-percent → "95.03%". */
char      *jue_centi_percent_display (gint64 centi);
/* centi → "95.03" (always two decimals). */
char      *jue_centi_display        (gint64 centi);

/* Reads a number out of free text such as "95%", "12.44", "≥ 98", "591，230"
 * (the first number).  TRUE when one was found; value in millionths. */
gboolean   jue_text_first_number    (const char *text,
                                     gint64     *micro_out);

G_END_DECLS
