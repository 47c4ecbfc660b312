/* jue-amount.c — exact money and decimals: parsing what people type, display.
 *
 * Everything is integer arithmetic: amounts in fen, decimals in hundredths,
 * percentages in hundredths of a percent.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "jue-amount.h"

G_DEFINE_QUARK (jue-error-quark, jue_error)

/* The largest integer part we accept, in 万元: 10^12 万元 is far beyond any
 * budget and keeps fen well inside gint64. */
#define MAX_INT_DIGITS 12

char *
jue_normalize_input (const char *text)
{
  GString *s = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (s, FALSE);

  for (const char *p = text; *p;)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: keep the byte so that the caller refuses the text
           * and its message shows it. */
          g_string_append_c (s, *p++);
          continue;
        }
      p = g_utf8_next_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E)        /* full-width ASCII block */
        c = c - 0xFF01 + 0x21;
      else if (c == 0x3000 || c == 0x00A0)   /* ideographic / no-break space */
        c = ' ';
      else if (c == 0x3002)   /* 。: a Chinese input method's full stop for "." */
        c = '.';
      else if (c == 0x2212)   /* − minus sign */
        c = '-';
      g_string_append_unichar (s, c);
    }

  g_strstrip (s->str);
  s->len = strlen (s->str);
  return g_string_free (s, FALSE);
}

char *
jue_input_excerpt (const char *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  /* bytes ≤ the limit: characters are too (and invalid bytes stay as they
   * are, so the message shows them) */
  if (strlen (text) <= JUE_EXCERPT_CHARS)
    return g_strdup (text);
  valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (valid, -1) <= JUE_EXCERPT_CHARS)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (valid, JUE_EXCERPT_CHARS);
  return g_strdup_printf ("%.*s…", (int) (end - valid), valid);
}

static gboolean
fail (GError    **error,
      const char *text,
      const char *why)
{
  g_autofree char *shown = jue_input_excerpt (text);

  g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
               /* TRANSLATORS: first %s is what was typed, second the reason */
               _("“%s” is not a valid amount: %s"), shown, why);
  return FALSE;
}

static gboolean
has_suffix_and_strip (char       *s,
                      const char *suffix)
{
  gsize ls = strlen (s), lx = strlen (suffix);

  if (ls >= lx && strcmp (s + ls - lx, suffix) == 0)
    {
      s[ls - lx] = '\0';
      g_strchomp (s);
      return TRUE;
    }
  return FALSE;
}

/* Reads "[-]digits[,ddd…][.digits]" into integer and fraction parts.
 * Returns NULL on success or a (translated) reason. */
static const char *
read_decimal (const char *s,
              gboolean    allow_commas,
              guint       max_decimals,
              gboolean   *negative,
              guint64    *int_part,
              guint64    *frac_scaled,
              guint       scale_digits)
{
  const char *p = s;
  guint int_digits = 0, group = 0, frac_digits = 0;
  gboolean seen_comma = FALSE;
  guint64 ip = 0, fp = 0;

  *negative = FALSE;
  if (*p == '-')
    {
      *negative = TRUE;
      p++;
    }
  else if (*p == '+')
    p++;

  if (!g_ascii_isdigit (*p))
    return *p ? _("it must start with a digit") : _("there is no number");

  for (; *p && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++int_digits > MAX_INT_DIGITS)
            return _("the number is too large");
          ip = ip * 10 + (guint64) (*p - '0');
          group++;
        }
      else if (*p == ',' && allow_commas)
        {
          if ((!seen_comma && (group == 0 || group > 3)) ||
              (seen_comma && group != 3))
            return _("the thousands separators are misplaced");
          seen_comma = TRUE;
          group = 0;
        }
      else if (*p == ' ')
        return _("it contains a space inside the number");
      else
        return _("it contains a character that is not part of a number");
    }
  if (seen_comma && group != 3)
    return _("the thousands separators are misplaced");

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return _("a digit must follow the decimal point");
      for (; *p; p++)
        {
          if (!g_ascii_isdigit (*p))
            return _("it contains a character that is not part of a number");
          if (++frac_digits > max_decimals)
            return max_decimals == 0 ? _("it has a fraction")
              : max_decimals == 2 ? _("it has more than 2 decimal places")
              : _("it has more than 6 decimal places");
          fp = fp * 10 + (guint64) (*p - '0');
        }
    }
  for (guint i = frac_digits; i < scale_digits; i++)
    fp *= 10;

  *int_part = ip;
  *frac_scaled = fp;
  return NULL;
}

gboolean
jue_amount_parse (const char *text,
                  JueAmount  *out,
                  GError    **error)
{
  g_autofree char *s = jue_normalize_input (text);
  gboolean in_yuan = FALSE, negative;
  guint64 ip, fp;
  const char *why;

  if (!g_utf8_validate (s, -1, NULL))
    return fail (error, text, _("the text is not valid UTF-8"));

  if (*s == '\0')
    {
      out->fen = 0;
      out->set = FALSE;
      out->unreadable = FALSE;
      return TRUE;
    }

  if (has_suffix_and_strip (s, "万元") || has_suffix_and_strip (s, "万"))
    in_yuan = FALSE;
  else if (has_suffix_and_strip (s, "元"))
    in_yuan = TRUE;

  why = read_decimal (s, TRUE, in_yuan ? 2 : 6, &negative, &ip, &fp,
                      in_yuan ? 2 : 6);
  if (why)
    return fail (error, text, why);

  out->fen = in_yuan ? (gint64) (ip * 100 + fp)
                     : (gint64) (ip * JUE_FEN_PER_WAN + fp);
  if (negative)
    out->fen = -out->fen;
  out->set = TRUE;
  out->unreadable = FALSE;
  return TRUE;
}

gboolean
jue_integer_parse (const char *text,
                   JueInteger *out,
                   GError    **error)
{
  g_autofree char *s = jue_normalize_input (text);
  gboolean negative;
  guint64 ip, fp;
  const char *why;

  if (*s == '\0')
    {
      out->value = 0;
      out->set = FALSE;
      out->unreadable = FALSE;
      return TRUE;
    }
  why = read_decimal (s, TRUE, 0, &negative, &ip, &fp, 0);
  if (why)
    {
      g_autofree char *shown = jue_input_excerpt (text);
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("“%s” is not a whole number: %s"), shown, why);
      return FALSE;
    }
  /* every whole-number field is a count (staff, units, vehicles, visits)
   * or the year: none is ever below 0 */
  if (negative && ip > 0)
    {
      g_autofree char *shown = jue_input_excerpt (text);
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("“%s” is below 0: a count or a year cannot be negative"), shown);
      return FALSE;
    }
  out->value = negative ? -(gint64) ip : (gint64) ip;
  out->set = TRUE;
  out->unreadable = FALSE;
  return TRUE;
}

gboolean
jue_percent_parse (const char *text,
                   JuePercent *out,
                   GError    **error)
{
  g_autofree char *s = jue_normalize_input (text);
  gboolean negative;
  guint64 ip, fp;
  const char *why;

  if (*s == '\0')
    {
      out->centi = 0;
      out->set = FALSE;
      out->unreadable = FALSE;
      return TRUE;
    }
  if (!has_suffix_and_strip (s, "%"))
    has_suffix_and_strip (s, "分");
  why = read_decimal (s, FALSE, 2, &negative, &ip, &fp, 2);
  if (why)
    {
      g_autofree char *shown = jue_input_excerpt (text);
      g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                   _("“%s” is not a valid number with up to 2 decimals: %s"),
                   shown, why);
      return FALSE;
    }
  out->centi = (gint64) (ip * 100 + fp);
  if (negative)
    out->centi = -out->centi;
  out->set = TRUE;
  out->unreadable = FALSE;
  return TRUE;
}

gboolean
jue_date_parse (const char *text,
                char      **out_iso,
                GError    **error)
{
  g_autofree char *s = jue_normalize_input (text);
  guint y = 0, m = 0, d = 0;
  char tail = 0;

  if (*s == '\0')
    {
      *out_iso = NULL;
      return TRUE;
    }
  if ((sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 ||
       sscanf (s, "%4u年%2u月%2u日%c", &y, &m, &d, &tail) == 3) &&
      g_date_valid_dmy (d, m, y))
    {
      *out_iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
      return TRUE;
    }
  {
    g_autofree char *shown = jue_input_excerpt (text);
    g_set_error (error, JUE_ERROR, JUE_ERROR_PARSE,
                 _("“%s” is not a date: write it as 2024-12-31"), shown);
  }
  return FALSE;
}

gint64
jue_div_round (gint64 num,
               gint64 den)
{
  gint64 q, r;
  gboolean neg = (num < 0) != (den < 0);

  if (num < 0)
    num = -num;
  if (den < 0)
    den = -den;
  q = num / den;
  r = num % den;
  if (r >= den - r)   /* r/den ≥ 1/2 without overflow */
    q++;
  return neg ? -q : q;
}

gint64
jue_ratio_centi (gint64 num,
                 gint64 den)
{
  /* num × 10000 / den without overflow for any realistic amount: split into
   * quotient and remainder first. */
  gboolean neg = (num < 0) != (den < 0);
  gint64 q, r, result;

  if (num < 0)
    num = -num;
  if (den < 0)
    den = -den;
  q = num / den;
  r = num % den;
  if (den <= G_MAXINT64 / 10000)
    result = q * 10000 + jue_div_round (r * 10000, den);
  else /* astronomically large denominators: lose nothing that matters */
    result = q * 10000 + jue_div_round (r, den / 10000);
  return neg ? -result : result;
}

static char *
format_scaled (gint64 v,
               guint  places,
               guint  min_places)
{
  gint64 scale = 1;
  char frac[16];
  guint n;
  gboolean neg = v < 0;
  guint64 u = neg ? (guint64) (-(v + 1)) + 1 : (guint64) v;

  for (guint i = 0; i < places; i++)
    scale *= 10;
  g_snprintf (frac, sizeof frac, "%0*" G_GUINT64_FORMAT, (int) places,
              u % (guint64) scale);
  n = places;
  while (n > min_places && frac[n - 1] == '0')
    n--;
  frac[n] = '\0';
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%s", neg ? "-" : "",
                          u / (guint64) scale, n ? "." : "", frac);
}

char *
jue_fen_display (gint64 fen)
{
  return format_scaled (jue_div_round (fen, JUE_FEN_PER_DISPLAY_UNIT), 2, 2);
}

char *
jue_amount_display (JueAmount a)
{
  return a.set ? jue_fen_display (a.fen) : g_strdup ("");
}

char *
jue_amount_canonical (JueAmount a)
{
  return a.set ? format_scaled (a.fen, 6, 2) : g_strdup ("");
}

char *
jue_integer_canonical (JueInteger i)
{
  return i.set ? g_strdup_printf ("%" G_GINT64_FORMAT, i.value) : g_strdup ("");
}

char *
jue_percent_canonical (JuePercent p)
{
  return p.set ? format_scaled (p.centi, 2, 0) : g_strdup ("");
}

char *
jue_centi_display (gint64 centi)
{
  return format_scaled (centi, 2, 2);
}

char *
jue_centi_percent_display (gint64 centi)
{
  g_autofree char *n = format_scaled (centi, 2, 2);
  return g_strconcat (n, "%", NULL);
}

gboolean
jue_text_first_number (const char *text,
                       gint64     *micro_out)
{
  g_autofree char *s = jue_normalize_input (text);
  const char *p = s;

  while (*p && !g_ascii_isdigit (*p))
    p++;
  if (!*p)
    return FALSE;

  {
    gint64 ip = 0, fp = 0;
    guint fd = 0;
    gboolean neg = p > s && p[-1] == '-';

    for (; g_ascii_isdigit (*p); p++)
      {
        if (ip > G_MAXINT64 / 100000000)
          return FALSE;
        ip = ip * 10 + (*p - '0');
      }
    if (*p == '.' && g_ascii_isdigit (p[1]))
      for (p++; g_ascii_isdigit (*p); p++)
        if (fd < 6)
          {
            fp = fp * 10 + (*p - '0');
            fd++;
          }
    for (; fd < 6; fd++)
      fp *= 10;
    *micro_out = (neg ? -1 : 1) * (ip * 1000000 + fp);
  }
  return TRUE;
}
