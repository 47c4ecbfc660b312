/* Amount parsing, display and rounding — table-driven. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "jue-amount.h"

typedef struct {
  const char *input;
  gboolean    ok;
  gint64      fen;
  gboolean    set;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1447.01", TRUE, 1447010000, TRUE },
  { "1,447.01", TRUE, 1447010000, TRUE },
  { "１４４７．０１", TRUE, 1447010000, TRUE },
  { "１，４４７．０１", TRUE, 1447010000, TRUE },
  { "1447.01万元", TRUE, 1447010000, TRUE },
  { "1447.01 万元", TRUE, 1447010000, TRUE },
  { "  1447.01  ", TRUE, 1447010000, TRUE },
  { "\xe3\x80\x80" "1447.01" "\xe3\x80\x80", TRUE, 1447010000, TRUE }, /* U+3000 */
  { "14470100元", TRUE, 1447010000, TRUE },
  { "14,470,100.00元", TRUE, 1447010000, TRUE },
  { "0.5", TRUE, 500000, TRUE },
  { "0", TRUE, 0, TRUE },
  { "2.982012", TRUE, 2982012, TRUE },      /* 6 decimals of 万元 = fen */
  { "29820.12元", TRUE, 2982012, TRUE },
  { "-1.02", TRUE, -1020000, TRUE },
  { "１２３。４５", TRUE, 123450000, TRUE },   /* an input method's 。 */
  { "\xe2\x88\x92" "1.02", TRUE, -1020000, TRUE }, /* U+2212 minus */
  { "", TRUE, 0, FALSE },
  { "   ", TRUE, 0, FALSE },
  { "1447.0123456", FALSE, 0, FALSE },      /* 7 decimals */
  { "1.234元", FALSE, 0, FALSE },            /* 3 decimals of yuan */
  { "abc", FALSE, 0, FALSE },
  { "12a", FALSE, 0, FALSE },
  { "1 447.01", FALSE, 0, FALSE },
  { "14,47.01", FALSE, 0, FALSE },
  { "1,4470.01", FALSE, 0, FALSE },
  { "1.", FALSE, 0, FALSE },
  { ".5", FALSE, 0, FALSE },
  { "1.2.3", FALSE, 0, FALSE },
  { "1e5", FALSE, 0, FALSE },
  { "万元", FALSE, 0, FALSE },
  { "9999999999999", FALSE, 0, FALSE },     /* 13 integer digits */
  { "\xff\xfe", FALSE, 0, FALSE },          /* not UTF-8 */
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      JueAmount a = { 12345, TRUE };
      g_autoptr (GError) error = NULL;
      gboolean ok = jue_amount_parse (c->input, &a, &error);

      g_test_message ("case %u: “%s”", i, c->input);
      g_assert_cmpint (ok, ==, c->ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (a.set, ==, c->set);
          g_assert_cmpint (a.fen, ==, c->fen);
        }
      else
        {
          g_assert_error (error, JUE_ERROR, JUE_ERROR_PARSE);
          /* the message names the text that was typed */
          if (g_utf8_validate (c->input, -1, NULL))
            g_assert_nonnull (strstr (error->message, c->input));
        }
    }
}

typedef struct {
  gint64      fen;
  const char *display;
  const char *canonical;
} DisplayCase;

static const DisplayCase display_cases[] = {
  { 1447010000, "1447.01", "1447.01" },
  { 2982012, "2.98", "2.982012" },
  { 2985000, "2.99", "2.985" },          /* half up */
  { 2984999, "2.98", "2.984999" },
  { 0, "0.00", "0.00" },
  { 500000, "0.50", "0.50" },
  { -1020000, "-1.02", "-1.02" },
  { -5000, "-0.01", "-0.005" },          /* half away from zero */
  { 100, "0.00", "0.0001" },
};

static void
test_display (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (display_cases); i++)
    {
      const DisplayCase *c = &display_cases[i];
      g_autofree char *d = jue_amount_display (jue_amount_from_fen (c->fen));
      g_autofree char *k = jue_amount_canonical (jue_amount_from_fen (c->fen));
      JueAmount back;

      g_assert_cmpstr (d, ==, c->display);
      g_assert_cmpstr (k, ==, c->canonical);
      /* the canonical text reads back to the exact amount */
      g_assert_true (jue_amount_parse (k, &back, NULL));
      g_assert_cmpint (back.fen, ==, c->fen);
    }
  {
    JueAmount blank = { 0, FALSE };
    g_autofree char *d = jue_amount_display (blank);
    g_assert_cmpstr (d, ==, "");
  }
}

typedef struct {
  gint64      num;
  gint64      den;
  const char *percent;
} RatioCase;

static const RatioCase ratio_cases[] = {
  /* 公务用车 +0.16 on 2.82: from yuan-exact amounts (+1 602 yuan on
   * 28 198 yuan) it is 5.68% as the seed prints; from the rounded figures
   * 0.16 / 2.82 gives 5.67%. */
  { 160200, 2819800, "5.68%" },
  { 160000, 2820000, "5.67%" },
  { 708770000, 1447010000, "48.98%" },
  { 738240000, 1447010000, "51.02%" },
  { 1314900000 / 10, 15785000000 / 10, "8.33%" },
  { 1, 3, "33.33%" },
  { 2, 3, "66.67%" },
  { 1, 8, "12.50%" },
  { 1, 80000, "0.00%" },       /* 0.00125% */
  { 1, 40000, "0.00%" },       /* 0.0025% → 0.00 */
  { 1, 20000, "0.01%" },       /* 0.005% rounds half up */
  { -1, 20000, "-0.01%" },
  { 5, 5, "100.00%" },
  { 0, 7, "0.00%" },
};

static void
test_ratio (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratio_cases); i++)
    {
      const RatioCase *c = &ratio_cases[i];
      g_autofree char *p = jue_centi_percent_display (jue_ratio_centi (c->num, c->den));
      g_test_message ("case %u: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, i, c->num, c->den);
      g_assert_cmpstr (p, ==, c->percent);
    }
  /* no overflow for very large amounts: 10^12 万元 */
  {
    gint64 big = G_GINT64_CONSTANT (1000000000000) * JUE_FEN_PER_WAN / 1000;
    g_autofree char *p = jue_centi_percent_display (jue_ratio_centi (big, big * 2));
    g_assert_cmpstr (p, ==, "50.00%");
  }
}

static void
test_decimals (void)
{
  static const struct { const char *in; gboolean ok; gint64 centi; } cases[] = {
    { "9", TRUE, 900 }, { "9%", TRUE, 900 }, { "９％", TRUE, 900 },
    { "99.45", TRUE, 9945 }, { "0.5", TRUE, 50 }, { "105", TRUE, 10500 },
    { "1.234", FALSE, 0 }, { "x", FALSE, 0 }, { "1,000", FALSE, 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JuePercent p;
      g_autoptr (GError) error = NULL;
      gboolean ok = jue_percent_parse (cases[i].in, &p, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (p.centi, ==, cases[i].centi);
      else
        g_assert_nonnull (strstr (error->message, cases[i].in));
    }
  {
    JuePercent p = { 900, TRUE };
    g_autofree char *s = jue_percent_canonical (p);
    g_assert_cmpstr (s, ==, "9");
  }
  {
    JuePercent p = { 1250, TRUE };
    g_autofree char *s = jue_percent_canonical (p);
    g_assert_cmpstr (s, ==, "12.5");
  }
}

/* A count typed as 2.5 was refused as having "more than 6 decimal places",
 * and -3 staff (or the year -2024) was accepted. */
static void
test_integer_counts (void)
{
  JueInteger v;
  g_autoptr (GError) error = NULL;

  g_assert_false (jue_integer_parse ("2.5", &v, &error));
  g_assert_cmpstr (error->message, ==, "“2.5” is not a whole number: it has a fraction");
  g_clear_error (&error);
  g_assert_false (jue_integer_parse ("-3", &v, &error));
  g_assert_cmpstr (error->message, ==, "“-3” is below 0: a count or a year cannot be negative");
  g_clear_error (&error);
  g_assert_false (jue_integer_parse ("－２０２４", &v, &error));
  g_assert_nonnull (strstr (error->message, "below 0"));
  g_clear_error (&error);
  g_assert_true (jue_integer_parse ("0", &v, NULL));
  g_assert_cmpint (v.value, ==, 0);
  g_assert_true (v.set);
  g_assert_true (jue_integer_parse ("-0", &v, NULL));
  g_assert_cmpint (v.value, ==, 0);
  g_assert_true (jue_integer_parse ("1,200", &v, NULL));
  g_assert_cmpint (v.value, ==, 1200);
}

static void
test_integers_and_dates (void)
{
  JueInteger v;
  char *iso = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (jue_integer_parse ("２９", &v, NULL));
  g_assert_cmpint (v.value, ==, 29);
  g_assert_false (jue_integer_parse ("2.5", &v, &error));
  g_assert_nonnull (strstr (error->message, "2.5"));
  g_clear_error (&error);

  g_assert_true (jue_date_parse ("2024年12月31日", &iso, NULL));
  g_assert_cmpstr (iso, ==, "2024-12-31");
  g_free (iso);
  g_assert_true (jue_date_parse ("2024-02-29", &iso, NULL));
  g_assert_cmpstr (iso, ==, "2024-02-29");
  g_free (iso);
  g_assert_false (jue_date_parse ("2023-02-29", &iso, &error));
  g_assert_nonnull (strstr (error->message, "2023-02-29"));
}

static void
test_first_number (void)
{
  static const struct { const char *in; gboolean found; gint64 micro; } cases[] = {
    { "95%", TRUE, 95000000 }, { "12.44", TRUE, 12440000 },
    { "591，230", TRUE, 591000000 }, { "全社会研发投入突破13亿元", TRUE, 13000000 },
    { "满意", FALSE, 0 }, { "企业满意度100%", TRUE, 100000000 },
    { "２０２４年１２月", TRUE, 2024000000 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 m = 0;
      g_assert_cmpint (jue_text_first_number (cases[i].in, &m), ==, cases[i].found);
      if (cases[i].found)
        g_assert_cmpint (m, ==, cases[i].micro);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/amount/parse", test_parse);
  g_test_add_func ("/amount/display", test_display);
  g_test_add_func ("/amount/ratio", test_ratio);
  g_test_add_func ("/amount/decimals", test_decimals);
  g_test_add_func ("/amount/integers-dates", test_integers_and_dates);
  g_test_add_func ("/amount/integer-counts", test_integer_counts);
  g_test_add_func ("/amount/first-number", test_first_number);
  return g_test_run ();
}
