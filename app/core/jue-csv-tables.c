/* jue-csv-tables.c — the layout of every exported CSV file.  See
 * jue-csv-tables.h for the cell notation and docs/csv-format.md for the
 * files as users see them.  The strings here are the published format's
 * (Chinese on every locale), so they are not marked for translation.
 */
#include "config.h"

#include <string.h>

#include "jue-computed.h"
#include "jue-csv-tables.h"

/* ---- column headers --------------------------------------------------- */

static const char * const column_names[JUE_CSV_N_COLUMNS] = {
  [JUE_CSV_COL_END] = "",
  [JUE_CSV_COL_ITEM] = "项目",
  [JUE_CSV_COL_EMPTY_TABLE] = "空表",
  [JUE_CSV_COL_EMPTY_REASON] = "为空说明",
  [JUE_CSV_COL_CONTENT] = "内容",
  [JUE_CSV_COL_AMOUNT] = "金额（万元）",
  [JUE_CSV_COL_SHARE] = "占比（%）",
  [JUE_CSV_COL_CURRENT] = "本年决算数（万元）",
  [JUE_CSV_COL_PREVIOUS] = "上年决算数（万元）",
  [JUE_CSV_COL_CHANGE] = "增减额（万元）",
  [JUE_CSV_COL_CHANGE_PCT] = "增减率（%）",
  [JUE_CSV_COL_NOTE] = "说明",
  [JUE_CSV_COL_REASON] = "变动原因",
  [JUE_CSV_COL_CODE] = "科目编码",
  [JUE_CSV_COL_SUBJECT] = "科目名称",
  [JUE_CSV_COL_CLASS] = "类",
  [JUE_CSV_COL_KUAN] = "款",
  [JUE_CSV_COL_XIANG] = "项",
  [JUE_CSV_COL_ADJUSTED] = "调整后预算数（万元）",
  [JUE_CSV_COL_BUDGET] = "预算数（万元）",
  [JUE_CSV_COL_ACTUAL] = "决算数（万元）",
  [JUE_CSV_COL_COMPLETION] = "完成预算（%）",
  [JUE_CSV_COL_THIS_YEAR] = "本年数",
  [JUE_CSV_COL_LAST_YEAR] = "上年数",
  [JUE_CSV_COL_CHANGE_PLAIN] = "增减额",
  [JUE_CSV_COL_TERM] = "名词",
  [JUE_CSV_COL_DEFINITION] = "解释",
  [JUE_CSV_COL_TASK] = "任务名称",
  [JUE_CSV_COL_TASK_CONTENT] = "主要内容",
  [JUE_CSV_COL_LEVEL1] = "一级指标",
  [JUE_CSV_COL_LEVEL2] = "二级指标",
  [JUE_CSV_COL_LEVEL3] = "三级指标",
  [JUE_CSV_COL_NATURE] = "指标性质",
  [JUE_CSV_COL_TARGET] = "指标值",
  [JUE_CSV_COL_UNIT] = "度量单位",
  [JUE_CSV_COL_WEIGHT] = "权重（分）",
  [JUE_CSV_COL_INDICATOR_ACTUAL] = "实际完成值",
  [JUE_CSV_COL_GRADE] = "评分等级（%）",
  [JUE_CSV_COL_SCORE] = "得分（分）",
  [JUE_CSV_COL_TITLE] = "标题",
  [JUE_CSV_COL_BODY] = "正文",
  [JUE_CSV_COL_SEVERITY] = "级别",
  [JUE_CSV_COL_RULE] = "规则",
  [JUE_CSV_COL_PATH] = "字段路径",
  [JUE_CSV_COL_PROBLEM] = "问题",
  [JUE_CSV_COL_EXPLANATION] = "出错说明",
  [JUE_CSV_COL_EXACT] = "精确值（万元）",
  [JUE_CSV_COL_LEVEL] = "级次",
  [JUE_CSV_COL_PARENT] = "上级编码",
  [JUE_CSV_COL_INCOME_TOTAL] = "本年收入合计（万元）",
  [JUE_CSV_COL_INCOME_APPROPRIATION] = "财政拨款收入（万元）",
  [JUE_CSV_COL_INCOME_SUPERIOR] = "上级补助收入（万元）",
  [JUE_CSV_COL_INCOME_BUSINESS] = "事业收入（万元）",
  [JUE_CSV_COL_INCOME_OPERATING] = "经营收入（万元）",
  [JUE_CSV_COL_INCOME_AFFILIATED] = "附属单位上缴收入（万元）",
  [JUE_CSV_COL_INCOME_OTHER] = "其他收入（万元）",
  [JUE_CSV_COL_EXP_TOTAL] = "本年支出合计（万元）",
  [JUE_CSV_COL_EXP_BASIC] = "基本支出（万元）",
  [JUE_CSV_COL_EXP_PROJECT] = "项目支出（万元）",
  [JUE_CSV_COL_EXP_TO_SUPERIOR] = "上缴上级支出（万元）",
  [JUE_CSV_COL_EXP_OPERATING] = "经营支出（万元）",
  [JUE_CSV_COL_EXP_AFFILIATED] = "对附属单位补助支出（万元）",
  [JUE_CSV_COL_BUDGET_INITIAL] = "年初预算数（万元）",
  [JUE_CSV_COL_CARRIED_IN] = "年初结转和结余（万元）",
  [JUE_CSV_COL_YEAR_INCOME] = "本年收入（万元）",
  [JUE_CSV_COL_CARRIED_OUT] = "年末结转和结余（万元）",
  [JUE_CSV_COL_UNSPLIT] = "未分项（万元）",
};

const char *
jue_csv_column_name (JueCsvColumn column)
{
  g_return_val_if_fail (column < JUE_CSV_N_COLUMNS, "");
  return column_names[column];
}

/* Row labels as earlier versions wrote them: 14_专项资金绩效自评 now
 * prints the labels of the template's form (and of the screen). */
static const struct { const char *old, *now; } renamed_labels[] = {
  { "资金分配方式", "绩效分配方式" },
  { "分配依据", "立项依据" },
  { "补助对象及条件", "申报（补助）条件" },
  { "实施期限", "项目起止年限" },
};

gboolean
jue_csv_label_matches (const char *label,
                       const char *text)
{
  if (strcmp (label, text) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (renamed_labels); i++)
    if (strcmp (renamed_labels[i].now, label) == 0 && strcmp (renamed_labels[i].old, text) == 0)
      return TRUE;
  return FALSE;
}

guint
jue_csv_block_width (const JueCsvBlockSpec *block)
{
  guint n = 0;

  while (n < JUE_CSV_MAX_COLUMNS && block->columns[n] != JUE_CSV_COL_END)
    n++;
  return n;
}

#define ROWS(a) a, G_N_ELEMENTS (a)
#define FIXED(...) { JUE_CSV_ROW_FIXED, NULL, { __VA_ARGS__ } }
#define REPEAT(list, ...) { JUE_CSV_ROW_REPEAT, list, { __VA_ARGS__ } }
#define ITEMS(list, ...) { JUE_CSV_ROW_ITEMS, list, { __VA_ARGS__ } }
#define CLASSES(...) { JUE_CSV_ROW_CLASSES, NULL, { __VA_ARGS__ } }

/* ---- 01 收入支出决算总表 ------------------------------------------------ */

static const JueCsvRowSpec t01_rows[] = {
  FIXED ("一、一般公共预算财政拨款收入", "@income.general_budget"),
  FIXED ("二、政府性基金预算财政拨款收入", "@income.gov_fund"),
  FIXED ("三、国有资本经营预算财政拨款收入", "@income.state_capital"),
  FIXED ("四、上级补助收入", "@income.superior_subsidy"),
  FIXED ("五、事业收入", "@income.business"),
  FIXED ("六、经营收入", "@income.operating"),
  FIXED ("七、附属单位上缴收入", "@income.affiliated"),
  FIXED ("八、其他收入", "@income.other"),
  FIXED ("本年收入合计", "=income.total"),
  FIXED ("使用非财政拨款结余", "@income.non_fiscal_surplus_used"),
  FIXED ("年初结转和结余", "@income.carried_in"),
  FIXED ("收入总计", "=income.grand_total", "@overview.previous_income_total",
         "=income.change", "=income.change_pct", "@overview.change_reason"),
  FIXED ("一、基本支出", "@expenditure.basic"),
  FIXED ("二、项目支出", "@expenditure.project"),
  FIXED ("三、上缴上级支出", "@expenditure.to_superior"),
  FIXED ("四、经营支出", "@expenditure.operating"),
  FIXED ("五、对附属单位补助支出", "@expenditure.affiliated_subsidy"),
  FIXED ("本年支出合计", "=expenditure.total"),
  FIXED ("结余分配", "@expenditure.surplus_distribution"),
  FIXED ("年末结转和结余", "@expenditure.carried_out"),
  FIXED ("支出总计", "=expenditure.grand_total", "@overview.previous_expenditure_total",
         "=expenditure.change", "=expenditure.change_pct"),
  FIXED ("收支差额", "=balance.difference"),
};

static const JueCsvBlockSpec t01_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CURRENT, JUE_CSV_COL_PREVIOUS, JUE_CSV_COL_CHANGE,
      JUE_CSV_COL_CHANGE_PCT, JUE_CSV_COL_NOTE }, ROWS (t01_rows) },
};

/* ---- 02 收入决算表, 03 支出决算表 ---------------------------------------- */

static const JueCsvRowSpec t02_rows[] = {
  FIXED ("本年收入合计", "=income.total"),
  FIXED ("一般公共预算财政拨款收入", "@income.general_budget", "=income.general_budget.share"),
  FIXED ("政府性基金预算财政拨款收入", "@income.gov_fund", "=income.gov_fund.share"),
  FIXED ("国有资本经营预算财政拨款收入", "@income.state_capital", "=income.state_capital.share"),
  FIXED ("上级补助收入", "@income.superior_subsidy", "=income.superior_subsidy.share"),
  FIXED ("事业收入", "@income.business", "=income.business.share"),
  FIXED ("经营收入", "@income.operating", "=income.operating.share"),
  FIXED ("附属单位上缴收入", "@income.affiliated", "=income.affiliated.share"),
  FIXED ("其他收入", "@income.other", "=income.other.share"),
};

static const JueCsvRowSpec t03_rows[] = {
  FIXED ("本年支出合计", "=expenditure.total"),
  FIXED ("基本支出", "@expenditure.basic", "=expenditure.basic.share"),
  FIXED ("项目支出", "@expenditure.project", "=expenditure.project.share"),
  FIXED ("上缴上级支出", "@expenditure.to_superior", "=expenditure.to_superior.share"),
  FIXED ("经营支出", "@expenditure.operating", "=expenditure.operating.share"),
  FIXED ("对附属单位补助支出", "@expenditure.affiliated_subsidy",
         "=expenditure.affiliated_subsidy.share"),
};

/* The ledger by functional 项 (accounts): its income columns in 02, its
 * expenditure columns in 03; code and names in both (they must agree). */
static const JueCsvRowSpec t02_account_rows[] = {
  FIXED ("合计", NULL, NULL, NULL, "=accounts_total.income_total",
         "=accounts_total.income_appropriation", "=accounts_total.income_superior",
         "=accounts_total.income_business", "=accounts_total.income_operating",
         "=accounts_total.income_affiliated", "=accounts_total.income_other"),
  ITEMS ("accounts", "@code", "@class_name", "@kuan_name", "@xiang_name", "=income_total",
         "@income_appropriation", "@income_superior", "@income_business", "@income_operating",
         "@income_affiliated", "@income_other"),
};

static const JueCsvRowSpec t03_account_rows[] = {
  FIXED ("合计", NULL, NULL, NULL, "=accounts_total.exp_total", "=accounts_total.exp_basic",
         "=accounts_total.exp_project", "=accounts_total.exp_to_superior",
         "=accounts_total.exp_operating", "=accounts_total.exp_affiliated"),
  ITEMS ("accounts", "@code", "@class_name", "@kuan_name", "@xiang_name", "=exp_total",
         "@exp_basic", "@exp_project", "@exp_to_superior", "@exp_operating", "@exp_affiliated"),
};

static const JueCsvBlockSpec t02_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_AMOUNT, JUE_CSV_COL_SHARE }, ROWS (t02_rows) },
  { { JUE_CSV_COL_CODE, JUE_CSV_COL_CLASS, JUE_CSV_COL_KUAN, JUE_CSV_COL_XIANG,
      JUE_CSV_COL_INCOME_TOTAL, JUE_CSV_COL_INCOME_APPROPRIATION, JUE_CSV_COL_INCOME_SUPERIOR,
      JUE_CSV_COL_INCOME_BUSINESS, JUE_CSV_COL_INCOME_OPERATING, JUE_CSV_COL_INCOME_AFFILIATED,
      JUE_CSV_COL_INCOME_OTHER }, ROWS (t02_account_rows) },
};
static const JueCsvBlockSpec t03_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_AMOUNT, JUE_CSV_COL_SHARE }, ROWS (t03_rows) },
  { { JUE_CSV_COL_CODE, JUE_CSV_COL_CLASS, JUE_CSV_COL_KUAN, JUE_CSV_COL_XIANG,
      JUE_CSV_COL_EXP_TOTAL, JUE_CSV_COL_EXP_BASIC, JUE_CSV_COL_EXP_PROJECT,
      JUE_CSV_COL_EXP_TO_SUPERIOR, JUE_CSV_COL_EXP_OPERATING, JUE_CSV_COL_EXP_AFFILIATED },
    ROWS (t03_account_rows) },
};

/* ---- 04 财政拨款收入支出决算总表 ---------------------------------------- */

static const JueCsvRowSpec t04_rows[] = {
  FIXED ("一、一般公共预算财政拨款收入", "@appropriation.income_general_budget"),
  FIXED ("二、政府性基金预算财政拨款收入", "@appropriation.income_gov_fund"),
  FIXED ("三、国有资本经营预算财政拨款收入", "@appropriation.income_state_capital"),
  FIXED ("本年收入合计", "=appropriation.income_total"),
  FIXED ("年初财政拨款结转和结余", "@appropriation.carried_in"),
  FIXED ("收入总计", "=appropriation.income_grand_total"),
  FIXED ("一、一般公共预算财政拨款支出", "@appropriation.expenditure_general_budget",
         "@appropriation.previous_general_budget", "=appropriation.general_budget.change",
         "=appropriation.general_budget.change_pct", "=appropriation.general_budget.share",
         "@appropriation.general_budget_change_reason"),
  FIXED ("其中：基本支出", "@appropriation.general_budget_basic", NULL, NULL, NULL,
         "=appropriation.general_budget_basic.share"),
  FIXED ("其中：项目支出", "@appropriation.general_budget_project", NULL, NULL, NULL,
         "=appropriation.general_budget_project.share"),
  FIXED ("基本支出与项目支出合计", "=appropriation.basic_project_total"),
  FIXED ("二、政府性基金预算财政拨款支出", "@appropriation.expenditure_gov_fund"),
  FIXED ("三、国有资本经营预算财政拨款支出", "@appropriation.expenditure_state_capital"),
  FIXED ("本年支出合计", "=appropriation.expenditure_total"),
  FIXED ("年末财政拨款结转和结余", "@appropriation.carried_out"),
  FIXED ("支出总计", "=appropriation.expenditure_grand_total", "@appropriation.previous_total",
         "=appropriation.change", "=appropriation.change_pct", NULL,
         "@appropriation.change_reason"),
};

static const JueCsvBlockSpec t04_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CURRENT, JUE_CSV_COL_PREVIOUS, JUE_CSV_COL_CHANGE,
      JUE_CSV_COL_CHANGE_PCT, JUE_CSV_COL_SHARE, JUE_CSV_COL_NOTE }, ROWS (t04_rows) },
};

/* ---- 05 一般公共预算财政拨款支出决算表 ----------------------------------- */

static const JueCsvRowSpec t05_rows[] = {
  FIXED ("合计", NULL, NULL, NULL, "=functional_total.budget", "=functional_total.actual",
         "=functional_total.completion", NULL, "=functional_total.basic",
         "=functional_total.project", "=functional_total.budget_initial"),
  CLASSES ("小计", "*name", NULL, NULL, "=budget", "=actual", "=completion", "=share"),
  ITEMS ("functional", "@code", "@class_name", "@kuan_name", "@xiang_name", "@budget",
         "@actual", "=completion", "=share", "@basic", "@project", "@budget_initial",
         "@previous", "@reason"),
};

static const JueCsvBlockSpec t05_blocks[] = {
  { { JUE_CSV_COL_CODE, JUE_CSV_COL_CLASS, JUE_CSV_COL_KUAN, JUE_CSV_COL_XIANG,
      JUE_CSV_COL_ADJUSTED, JUE_CSV_COL_ACTUAL, JUE_CSV_COL_COMPLETION, JUE_CSV_COL_SHARE,
      JUE_CSV_COL_EXP_BASIC, JUE_CSV_COL_EXP_PROJECT, JUE_CSV_COL_BUDGET_INITIAL,
      JUE_CSV_COL_PREVIOUS, JUE_CSV_COL_REASON },
    ROWS (t05_rows) },
};

/* ---- 06 一般公共预算财政拨款基本支出决算表 ------------------------------- */

static const JueCsvRowSpec t06_rows[] = {
  FIXED ("合计", NULL, "=basic.total"),
  FIXED ("人员经费", NULL, "@basic.personnel", "=basic.personnel.share",
         "@basic.personnel_items"),
  FIXED ("公用经费", NULL, "@basic.public", "=basic.public.share", "@basic.public_items"),
  FIXED ("因公出国（境）费用", "30212", "@basic.econ_abroad"),
  FIXED ("公务接待费", "30217", "@basic.econ_reception"),
  FIXED ("公务用车运行维护费", "30231", "@basic.econ_vehicle_operation"),
  FIXED ("公务用车购置", "31013", "@basic.econ_vehicle_purchase"),
};

/* 表6's lines by economic classification (类 or 款 codes) */
static const JueCsvRowSpec t06_economic_rows[] = {
  FIXED ("人员经费合计", NULL, "=economic_total.personnel"),
  FIXED ("公用经费合计", NULL, "=economic_total.public"),
  ITEMS ("economic", "@code", "@name", "@actual"),
  FIXED ("人员经费未分项", NULL, "=economic.unsplit_personnel"),
  FIXED ("公用经费未分项", NULL, "=economic.unsplit_public"),
};

static const JueCsvBlockSpec t06_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CODE, JUE_CSV_COL_AMOUNT, JUE_CSV_COL_SHARE,
      JUE_CSV_COL_NOTE }, ROWS (t06_rows) },
  { { JUE_CSV_COL_CODE, JUE_CSV_COL_SUBJECT, JUE_CSV_COL_ACTUAL }, ROWS (t06_economic_rows) },
};

/* ---- 07 一般公共预算财政拨款三公经费支出决算表 ---------------------------- */

#define TP "three_public."
static const JueCsvRowSpec t07_amount_rows[] = {
  FIXED ("合计", "=" TP "total.budget", "=" TP "total.actual", "=" TP "total.previous",
         "=" TP "total.completion", "=" TP "total.change", "=" TP "total.change_pct", NULL,
         "@" TP "reason"),
  FIXED ("1.因公出国（境）费", "@" TP "abroad.budget", "@" TP "abroad.actual",
         "@" TP "abroad.previous", "=" TP "abroad.completion", "=" TP "abroad.change",
         "=" TP "abroad.change_pct", "=" TP "abroad.share", "@" TP "abroad.reason"),
  FIXED ("2.公务用车购置及运行维护费", "@" TP "vehicle.budget", "@" TP "vehicle.actual",
         "@" TP "vehicle.previous", "=" TP "vehicle.completion", "=" TP "vehicle.change",
         "=" TP "vehicle.change_pct", "=" TP "vehicle.share", "@" TP "vehicle.reason"),
  FIXED ("（1）公务用车购置费", "@" TP "vehicle.purchase.budget",
         "@" TP "vehicle.purchase.actual", "@" TP "vehicle.purchase.previous",
         "=" TP "vehicle.purchase.completion", "=" TP "vehicle.purchase.change",
         "=" TP "vehicle.purchase.change_pct", "=" TP "vehicle.purchase.share"),
  FIXED ("（2）公务用车运行维护费", "@" TP "vehicle.operation.budget",
         "@" TP "vehicle.operation.actual", "@" TP "vehicle.operation.previous",
         "=" TP "vehicle.operation.completion", "=" TP "vehicle.operation.change",
         "=" TP "vehicle.operation.change_pct", "=" TP "vehicle.operation.share"),
  FIXED ("3.公务接待费", "@" TP "reception.budget", "@" TP "reception.actual",
         "@" TP "reception.previous", "=" TP "reception.completion", "=" TP "reception.change",
         "=" TP "reception.change_pct", "=" TP "reception.share", "@" TP "reception.reason"),
  FIXED ("（1）国内公务接待费", NULL, "@" TP "reception.domestic.actual"),
  FIXED ("（2）外事接待费", NULL, "@" TP "reception.foreign.actual"),
};

static const JueCsvRowSpec t07_count_rows[] = {
  FIXED ("因公出国（境）团组数（个）", "@" TP "abroad.groups"),
  FIXED ("因公出国（境）人数（人）", "@" TP "abroad.persons"),
  FIXED ("因公出国（境）开支内容", "@" TP "abroad.purpose"),
  FIXED ("公务用车购置数（辆）", "@" TP "vehicle.purchase.count"),
  FIXED ("公务用车保有量（辆）", "=" TP "vehicle.count"),
  FIXED ("其中：轿车（辆）", "@" TP "vehicle.sedans"),
  FIXED ("其中：越野车（辆）", "@" TP "vehicle.suvs"),
  FIXED ("其中：载客汽车（辆）", "@" TP "vehicle.buses"),
  FIXED ("公务用车运行维护费主要用途", "@" TP "vehicle.operation.use"),
  FIXED ("公务接待批次（批）", "=" TP "reception.batches"),
  FIXED ("公务接待人次（人）", "=" TP "reception.persons"),
  FIXED ("国内公务接待批次（批）", "@" TP "reception.domestic.batches"),
  FIXED ("国内公务接待人次（人）", "@" TP "reception.domestic.persons"),
  FIXED ("外事接待批次（批）", "@" TP "reception.foreign.batches"),
  FIXED ("外事接待人次（人）", "@" TP "reception.foreign.persons"),
};
#undef TP

static const JueCsvBlockSpec t07_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_BUDGET, JUE_CSV_COL_ACTUAL, JUE_CSV_COL_PREVIOUS,
      JUE_CSV_COL_COMPLETION, JUE_CSV_COL_CHANGE, JUE_CSV_COL_CHANGE_PCT, JUE_CSV_COL_SHARE,
      JUE_CSV_COL_REASON }, ROWS (t07_amount_rows) },
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CONTENT }, ROWS (t07_count_rows) },
};

/* ---- 08 政府性基金, 09 国有资本经营 (prefix gov_fund / state_capital) ---- */

static const JueCsvRowSpec fund_rows[] = {
  FIXED ("年初结转和结余", "@carried_in"),
  FIXED ("本年收入", "@income"),
  FIXED ("本年支出", "@expenditure", "@previous", "=change", "=change_pct", "@reason"),
  FIXED ("年末结转和结余", "@carried_out"),
};

static const JueCsvRowSpec fund_detail_rows[] = {
  FIXED ("合计", NULL, "=rows_budget", "=rows_actual", NULL, "=rows_carried_in", "=rows_income",
         "=rows_basic", "=rows_project", "=rows_carried_out"),
  ITEMS ("rows", "@code", "@name", "@budget", "@actual", "=completion", "@carried_in",
         "@income", "@basic", "@project", "@carried_out"),
};

static const JueCsvBlockSpec fund_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CURRENT, JUE_CSV_COL_PREVIOUS, JUE_CSV_COL_CHANGE,
      JUE_CSV_COL_CHANGE_PCT, JUE_CSV_COL_NOTE }, ROWS (fund_rows) },
  { { JUE_CSV_COL_CODE, JUE_CSV_COL_SUBJECT, JUE_CSV_COL_ADJUSTED, JUE_CSV_COL_ACTUAL,
      JUE_CSV_COL_COMPLETION, JUE_CSV_COL_CARRIED_IN, JUE_CSV_COL_YEAR_INCOME,
      JUE_CSV_COL_EXP_BASIC, JUE_CSV_COL_EXP_PROJECT, JUE_CSV_COL_CARRIED_OUT },
    ROWS (fund_detail_rows) },
};

/* ---- 10 部门概况 (prefix profile) --------------------------------------- */

static const JueCsvRowSpec t10_rows[] = {
  FIXED ("部门名称", "@name"),
  FIXED ("年度", "@year"),
  FIXED ("部门职责", "@duties"),
  FIXED ("预算单位级次", "@unit_level"),
  FIXED ("下属预算单位数（个）", "@subordinate_units"),
  FIXED ("行政单位数（个）", "@admin_units"),
  FIXED ("事业单位数（个）", "@institution_units"),
  FIXED ("机构设置", "@structure"),
  REPEAT ("offices", "内设机构", "@name"),
  FIXED ("在职人员（人）", "@staff.in_service"),
  FIXED ("其中：公务员（人）", "@staff.civil_servants"),
  FIXED ("其中：事业人员（人）", "@staff.institution_staff"),
  FIXED ("退休人员（人）", "@staff.retired"),
  FIXED ("填报人", "@preparer"),
  FIXED ("填报日期", "@fill_date"),
  FIXED ("公开表空单元格", "@blank_cells"),
  FIXED ("报表模板", "@template"),
  FIXED ("需说明原因的变动（%）", "@change_threshold_percent"),
  FIXED ("需说明原因的变动（万元）", "@change_threshold_amount"),
};

static const JueCsvBlockSpec t10_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CONTENT }, ROWS (t10_rows) },
};

/* ---- 11 其他重要事项 (prefix other) ------------------------------------- */

static const JueCsvRowSpec t11_rows[] = {
  FIXED ("机关运行经费（万元）", "@operating_cost", "@operating_cost_previous",
         "=operating_cost.change", "=operating_cost.change_pct", NULL,
         "@operating_cost_reason"),
  FIXED ("政府采购支出总额（万元）", "=procurement.total"),
  FIXED ("其中：政府采购货物支出（万元）", "@procurement.goods"),
  FIXED ("其中：政府采购工程支出（万元）", "@procurement.works"),
  FIXED ("其中：政府采购服务支出（万元）", "@procurement.services"),
  FIXED ("授予中小企业合同金额（万元）", "@procurement.sme", NULL, NULL, NULL,
         "=procurement.sme_share"),
  FIXED ("其中：授予小微企业合同金额（万元）", "@procurement.small_micro", NULL, NULL, NULL,
         "=procurement.small_micro_share"),
  FIXED ("车辆合计（辆）", "=assets.vehicles_total"),
  FIXED ("主要负责人用车（辆）", "@assets.vehicles_leader"),
  FIXED ("机要通信用车（辆）", "@assets.vehicles_confidential"),
  FIXED ("应急保障用车（辆）", "@assets.vehicles_emergency"),
  FIXED ("执法执勤用车（辆）", "@assets.vehicles_law_enforcement"),
  FIXED ("特种专业技术用车（辆）", "@assets.vehicles_special"),
  FIXED ("其他用车（辆）", "@assets.vehicles_other"),
  FIXED ("单价100万元（含）以上设备（台/套）", "@assets.equipment_over_1m"),
  FIXED ("预算绩效管理情况", NULL, NULL, NULL, NULL, NULL, "@performance_text"),
  FIXED ("部门整体绩效自评得分（分）", "@self_score"),
};

static const JueCsvBlockSpec t11_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_THIS_YEAR, JUE_CSV_COL_LAST_YEAR,
      JUE_CSV_COL_CHANGE_PLAIN, JUE_CSV_COL_CHANGE_PCT, JUE_CSV_COL_SHARE, JUE_CSV_COL_NOTE },
    ROWS (t11_rows) },
};

/* ---- 12 名词解释 -------------------------------------------------------- */

static const JueCsvRowSpec t12_rows[] = {
  ITEMS ("glossary", "@term", "@definition"),
};

/* The published tables marked empty (本表为空表, jue-empty.h): a block of
 * its own, after the glossary (files written before it lack it). */
static const JueCsvRowSpec empty_table_rows[] = {
  ITEMS ("empty_tables", "@table", "@reason"),
};

static const JueCsvBlockSpec t12_blocks[] = {
  { { JUE_CSV_COL_TERM, JUE_CSV_COL_DEFINITION }, ROWS (t12_rows) },
  { { JUE_CSV_COL_EMPTY_TABLE, JUE_CSV_COL_EMPTY_REASON }, ROWS (empty_table_rows), TRUE },
};

/* ---- 13 部门整体支出绩效自评 (prefix dept_eval), 14 专项资金绩效自评 ------ */

static const JueCsvRowSpec task_rows[] = {
  ITEMS ("tasks", "@name", "@content"),
};

static const JueCsvRowSpec indicator_rows[] = {
  ITEMS ("indicators", "@level1", "@level2", "@name", "@nature", "@target", "@unit",
         "@weight", "@actual", "@grade", "=score"),
  FIXED ("合计", NULL, NULL, NULL, NULL, NULL, "=weight_total", NULL, NULL,
         "=indicator_score"),
};

static const JueCsvRowSpec section_rows[] = {
  ITEMS ("sections", "@title", "@body"),
};

#define INDICATOR_BLOCK \
  { { JUE_CSV_COL_LEVEL1, JUE_CSV_COL_LEVEL2, JUE_CSV_COL_LEVEL3, JUE_CSV_COL_NATURE, \
      JUE_CSV_COL_TARGET, JUE_CSV_COL_UNIT, JUE_CSV_COL_WEIGHT, \
      JUE_CSV_COL_INDICATOR_ACTUAL, JUE_CSV_COL_GRADE, JUE_CSV_COL_SCORE }, \
    ROWS (indicator_rows) }
#define SECTION_BLOCK { { JUE_CSV_COL_TITLE, JUE_CSV_COL_BODY }, ROWS (section_rows) }

static const JueCsvRowSpec t13_rows[] = {
  FIXED ("部门名称", "@name"),
  FIXED ("资金总额（万元）", "@funds_total"),
  FIXED ("财政拨款（万元）", "@funds_appropriation"),
  FIXED ("其他资金（万元）", "@funds_other"),
  FIXED ("调整后预算（万元）", "@budget_adjusted"),
  FIXED ("执行数（万元）", "@budget_executed"),
  FIXED ("预算执行率（%）", "=execution_rate"),
  FIXED ("基本支出预算（万元）", "@basic_budget"),
  FIXED ("基本支出执行数（万元）", "@basic_actual"),
  FIXED ("项目支出预算（万元）", "@project_budget"),
  FIXED ("项目支出执行数（万元）", "@project_actual"),
  FIXED ("年度总体目标", "@target"),
  FIXED ("模板权重合计（分）", "@template_total"),
  FIXED ("指标权重合计（分）", "=weight_total"),
  FIXED ("预算执行得分（分）", "=execution_score"),
  FIXED ("指标得分（分）", "=indicator_score"),
  FIXED ("计算得分（分）", "=score"),
  FIXED ("自评得分（分）", "@self_score"),
  FIXED ("计算得分与自评得分之差（分）", "=score_gap"),
};

static const JueCsvBlockSpec t13_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CONTENT }, ROWS (t13_rows) },
  { { JUE_CSV_COL_TASK, JUE_CSV_COL_TASK_CONTENT }, ROWS (task_rows) },
  INDICATOR_BLOCK,
  SECTION_BLOCK,
};

static const JueCsvRowSpec t14_rows[] = {
  FIXED ("报告标题", "@title"),
  FIXED ("项目名称", "@project_name"),
  FIXED ("预算单位", "@budget_unit"),
  FIXED ("项目类型", "@project_type"),
  FIXED ("中长期规划（名称、文号）", "@long_term_plan"),
  FIXED ("资金管理办法（名称、文号）", "@fund_rules"),
  FIXED ("绩效分配方式", "@allocation"),
  FIXED ("立项依据", "@basis"),
  FIXED ("使用范围", "@scope"),
  FIXED ("申报（补助）条件", "@eligibility"),
  FIXED ("项目起止年限", "@period"),
  FIXED ("资金总额（万元）", "@funds_total"),
  FIXED ("财政拨款（万元）", "@funds_appropriation"),
  FIXED ("其他资金（万元）", "@funds_other"),
  FIXED ("执行数（万元）", "@funds_executed"),
  FIXED ("预算执行率（%）", "=execution_rate"),
  FIXED ("对应功能科目", "@functional_ref"),
  FIXED ("年度目标", "@target"),
  FIXED ("模板权重合计（分）", "@template_total"),
  FIXED ("指标权重合计（分）", "=weight_total"),
  FIXED ("预算执行得分（分）", "=execution_score"),
  FIXED ("指标得分（分）", "=indicator_score"),
  FIXED ("计算得分（分）", "=score"),
  FIXED ("自评得分（分）", "@self_score"),
  FIXED ("计算得分与自评得分之差（分）", "=score_gap"),
};

static const JueCsvBlockSpec t14_blocks[] = {
  { { JUE_CSV_COL_ITEM, JUE_CSV_COL_CONTENT }, ROWS (t14_rows) },
  INDICATOR_BLOCK,
  SECTION_BLOCK,
};

/* ---- the tables ------------------------------------------------------- */

static const JueCsvTableSpec fixed_tables[] = {
  { "01_收入支出决算总表", "", ROWS (t01_blocks) },
  { "02_收入决算表", "", ROWS (t02_blocks) },
  { "03_支出决算表", "", ROWS (t03_blocks) },
  { "04_财政拨款收入支出决算总表", "", ROWS (t04_blocks) },
  { "05_一般公共预算财政拨款支出决算表", "", ROWS (t05_blocks) },
  { "06_一般公共预算财政拨款基本支出决算表", "", ROWS (t06_blocks) },
  { "07_一般公共预算财政拨款三公经费支出决算表", "", ROWS (t07_blocks) },
  { "08_政府性基金预算财政拨款收入支出决算表", "gov_fund", ROWS (fund_blocks) },
  { "09_国有资本经营预算财政拨款支出决算表", "state_capital", ROWS (fund_blocks) },
  { "10_部门概况", "profile", ROWS (t10_blocks) },
  { "11_其他重要事项", "other", ROWS (t11_blocks) },
  { "12_名词解释", "", ROWS (t12_blocks) },
  { "13_部门整体支出绩效自评", "dept_eval", ROWS (t13_blocks) },
};

static const JueCsvTableSpec special_fund_table = {
  JUE_CSV_SPECIAL_FUND_STEM, NULL, ROWS (t14_blocks)
};

static const JueCsvRowSpec findings_rows[] = {
  ITEMS (NULL, NULL, "@rule", "@path", NULL, "@text"),
};
static const JueCsvBlockSpec findings_block = {
  { JUE_CSV_COL_SEVERITY, JUE_CSV_COL_RULE, JUE_CSV_COL_PATH, JUE_CSV_COL_PROBLEM,
    JUE_CSV_COL_EXPLANATION }, ROWS (findings_rows)
};

static const JueCsvRowSpec exact_rows[] = {
  ITEMS (NULL, "@path", "@exact"),
};
static const JueCsvBlockSpec exact_block = {
  { JUE_CSV_COL_PATH, JUE_CSV_COL_EXACT }, ROWS (exact_rows)
};

static const JueCsvRowSpec classification_rows[] = {
  ITEMS (NULL, "@code", "@name", "@level", "@parent"),
};
static const JueCsvBlockSpec classification_block = {
  { JUE_CSV_COL_CODE, JUE_CSV_COL_SUBJECT, JUE_CSV_COL_LEVEL, JUE_CSV_COL_PARENT },
  ROWS (classification_rows)
};

const JueCsvBlockSpec *
jue_csv_classification_block (void)
{
  return &classification_block;
}

const JueCsvTableSpec *
jue_csv_fixed_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (fixed_tables);
  return fixed_tables;
}

const JueCsvTableSpec *
jue_csv_special_fund_table (void)
{
  return &special_fund_table;
}

const JueCsvBlockSpec *
jue_csv_findings_block (void)
{
  return &findings_block;
}

const JueCsvBlockSpec *
jue_csv_exact_block (void)
{
  return &exact_block;
}

/* ---- names and paths -------------------------------------------------- */

char *
jue_csv_special_fund_name (guint       index,
                           const char *project_name)
{
  GString *name = g_string_new (NULL);
  const char *p = project_name && *project_name ? project_name : "未命名";
  guint n_chars = 0;

  g_string_printf (name, "%s_%02u_", JUE_CSV_SPECIAL_FUND_STEM, index + 1);
  /* Characters Windows refuses in file names, path separators and control
   * characters become "_"; very long names are cut (the name inside the
   * file is what counts). */
  for (; *p && n_chars < 60; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x20 || c == 0x7F || (c < 0x80 && strchr ("\\/:*?\"<>|", (int) c) != NULL))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  while (name->len && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  return g_string_free (name, FALSE);
}

guint
jue_csv_special_fund_number (const char *name)
{
  gsize stem = strlen (JUE_CSV_SPECIAL_FUND_STEM);
  const char *p;
  guint64 v = 0;

  if (strncmp (name, JUE_CSV_SPECIAL_FUND_STEM "_", stem + 1) != 0)
    return 0;
  p = name + stem + 1;
  if (!g_ascii_isdigit (*p))
    return 0;
  while (g_ascii_isdigit (*p) && v < 100000)
    v = v * 10 + (guint64) (*p++ - '0');
  if (*p != '_' || v == 0 || v >= 100000)
    return 0;
  return (guint) v;
}

char *
jue_csv_join_path (const char *prefix,
                   const char *relative)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (relative);
  if (relative == NULL || *relative == '\0')
    return g_strdup (prefix);
  return g_strconcat (prefix, ".", relative, NULL);
}

const char *
jue_csv_undefined_text (guint reason)
{
  switch (reason)
    {
    case JUE_UNDEFINED_PREVIOUS_ZERO:
      return "上年为0";
    case JUE_UNDEFINED_NO_BUDGET:
      return "无预算";
    default:
      return "";
    }
}
