/* jue-report.h — the report model: every section of DOMAIN.md as C structs,
 * each described by a table of fields so that one addressing scheme (field
 * paths, docs/field-paths.md) reaches every value.
 *
 * Each record is declared once, as a list of fields
 *   X(T, KIND, C-TYPE, name, label, extra, flags)
 * from which both the struct and its descriptor table are generated, so the
 * two cannot drift apart.  KIND is TEXT, AMOUNT, INTEGER, PERCENT, CHOICE,
 * DATE, RECORD (an embedded record; extra = its JueRecordDef) or LIST (a
 * GPtrArray of records; extra = the element's JueRecordDef).  For CHOICE,
 * extra is a JueChoiceSet.
 */
#pragma once

#include <glib.h>
#include "config.h"
#include <glib/gi18n-lib.h>

#include "jue-amount.h"

G_BEGIN_DECLS

typedef enum {
  JUE_KIND_TEXT,
  JUE_KIND_AMOUNT,
  JUE_KIND_INTEGER,
  JUE_KIND_PERCENT,
  JUE_KIND_CHOICE,
  JUE_KIND_DATE,
  JUE_KIND_RECORD,
  JUE_KIND_LIST,
} JueKind;

typedef enum {
  JUE_FIELD_MULTILINE = 1 << 0,   /* long text: paragraphs */
  JUE_FIELD_REQUIRED  = 1 << 1,   /* must not be blank */
} JueFieldFlags;

typedef struct {
  const char * const *values;  /* NULL-terminated */
  gboolean open;               /* other text is accepted too */
  gboolean multi;              /* several values, joined by "、" */
} JueChoiceSet;

typedef struct _JueRecordDef JueRecordDef;

typedef struct {
  const char   *name;    /* path segment */
  JueKind       kind;
  gsize         offset;
  const char   *label;   /* English, N_(); translate with _() at use */
  gconstpointer extra;   /* JueRecordDef* for RECORD/LIST, JueChoiceSet* */
  guint         flags;
} JueFieldDef;

struct _JueRecordDef {
  const char        *type_name;
  gsize              size;
  const JueFieldDef *fields;
  guint              n_fields;
  gsize              unreadable_offset;  /* of the record's unreadable_ map */
  gsize              carried_offset;     /* of the record's carried_ set */
};

#define JUE_CTYPE_TEXT    char *
#define JUE_CTYPE_AMOUNT  JueAmount
#define JUE_CTYPE_INTEGER JueInteger
#define JUE_CTYPE_PERCENT JuePercent
#define JUE_CTYPE_CHOICE  char *
#define JUE_CTYPE_DATE    char *
#define JUE_CTYPE_LIST    GPtrArray *

#define JUE_MEMBER(T, kind, name, label, extra, flags) JUE_CTYPE_##kind name;
#define JUE_MEMBER_RECORD(T, kind, name, label, extra, flags) extra name;

/* ---- choices ---------------------------------------------------------- */

extern const JueChoiceSet jue_choices_unit_level;
extern const JueChoiceSet jue_choices_level1;
extern const JueChoiceSet jue_choices_level2;
extern const JueChoiceSet jue_choices_nature;
extern const JueChoiceSet jue_choices_allocation;
/* How the template prints an empty cell of the 三公 and fund tables:
 * "0.00" (Sichuan; also when blank) or "空白". */
extern const JueChoiceSet jue_choices_blank_cells;
/* The template a report follows (resources/templates/<id>.ini): "sichuan"
 * or "national"; an open set (a province is a data file); blank = national. */
extern const JueChoiceSet jue_choices_template;

/* ---- records ---------------------------------------------------------- *
 * X   : a scalar or list field     X(T, KIND, name, label, extra, flags)
 * R   : an embedded record         R(T, RECORD, name, label, CType, flags)
 */

#define JUE_OFFICE_FIELDS(X, R, T) \
  X (T, TEXT, name, N_("Office"), NULL, JUE_FIELD_REQUIRED)

#define JUE_STAFF_FIELDS(X, R, T) \
  X (T, INTEGER, in_service, N_("Staff in service"), NULL, 0) \
  X (T, INTEGER, civil_servants, N_("Civil servants"), NULL, 0) \
  X (T, INTEGER, institution_staff, N_("Public-institution staff"), NULL, 0) \
  X (T, INTEGER, retired, N_("Retired staff"), NULL, 0)

#define JUE_PROFILE_FIELDS(X, R, T) \
  X (T, TEXT, name, N_("Department name"), NULL, JUE_FIELD_REQUIRED) \
  X (T, INTEGER, year, N_("Year"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, duties, N_("Duties"), NULL, JUE_FIELD_MULTILINE) \
  X (T, CHOICE, unit_level, N_("Budget-unit level"), &jue_choices_unit_level, 0) \
  X (T, INTEGER, subordinate_units, N_("Subordinate budget units"), NULL, 0) \
  X (T, INTEGER, admin_units, N_("Administrative units"), NULL, 0) \
  X (T, INTEGER, institution_units, N_("Public-institution units"), NULL, 0) \
  X (T, TEXT, structure, N_("Structure description"), NULL, JUE_FIELD_MULTILINE) \
  X (T, LIST, offices, N_("Internal offices"), &JueOffice_def, 0) \
  R (T, RECORD, staff, N_("Staff"), JueStaff, 0) \
  X (T, TEXT, preparer, N_("Prepared by"), NULL, 0) \
  X (T, DATE, fill_date, N_("Date prepared"), NULL, 0) \
  X (T, CHOICE, blank_cells, N_("Empty cells in the published tables"), &jue_choices_blank_cells, 0) \
  X (T, CHOICE, template, N_("Report template"), &jue_choices_template, 0) \
  X (T, PERCENT, change_threshold_percent, N_("Explain a change on last year from (percent)"), NULL, 0) \
  X (T, AMOUNT, change_threshold_amount, N_("Explain a change on last year from (amount)"), NULL, 0)

#define JUE_INCOME_FIELDS(X, R, T) \
  X (T, AMOUNT, general_budget, N_("General-budget appropriation income"), NULL, 0) \
  X (T, AMOUNT, gov_fund, N_("Government-fund appropriation income"), NULL, 0) \
  X (T, AMOUNT, state_capital, N_("State-capital appropriation income"), NULL, 0) \
  X (T, AMOUNT, superior_subsidy, N_("Subsidy from superior"), NULL, 0) \
  X (T, AMOUNT, business, N_("Public-service income"), NULL, 0) \
  X (T, AMOUNT, operating, N_("Operating income"), NULL, 0) \
  X (T, AMOUNT, affiliated, N_("Income from affiliated units"), NULL, 0) \
  X (T, AMOUNT, other, N_("Other income"), NULL, 0) \
  X (T, AMOUNT, non_fiscal_surplus_used, N_("Non-appropriation surplus used"), NULL, 0) \
  X (T, AMOUNT, carried_in, N_("Carried in from previous years"), NULL, 0)

#define JUE_EXPENDITURE_FIELDS(X, R, T) \
  X (T, AMOUNT, basic, N_("Basic expenditure"), NULL, 0) \
  X (T, AMOUNT, project, N_("Project expenditure"), NULL, 0) \
  X (T, AMOUNT, to_superior, N_("Paid to superior"), NULL, 0) \
  X (T, AMOUNT, operating, N_("Operating expenditure"), NULL, 0) \
  X (T, AMOUNT, affiliated_subsidy, N_("Subsidies to affiliated units"), NULL, 0) \
  X (T, AMOUNT, surplus_distribution, N_("Surplus distribution"), NULL, 0) \
  X (T, AMOUNT, carried_out, N_("Carried over to next year"), NULL, 0)

#define JUE_OVERVIEW_FIELDS(X, R, T) \
  X (T, AMOUNT, previous_income_total, N_("Previous-year income total"), NULL, 0) \
  X (T, AMOUNT, previous_expenditure_total, N_("Previous-year expenditure total"), NULL, 0) \
  X (T, TEXT, change_reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE)

#define JUE_APPROPRIATION_FIELDS(X, R, T) \
  X (T, AMOUNT, income_general_budget, N_("General-budget appropriation income"), NULL, 0) \
  X (T, AMOUNT, income_gov_fund, N_("Government-fund appropriation income"), NULL, 0) \
  X (T, AMOUNT, income_state_capital, N_("State-capital appropriation income"), NULL, 0) \
  X (T, AMOUNT, carried_in, N_("Appropriation carried in"), NULL, 0) \
  X (T, AMOUNT, expenditure_general_budget, N_("General-budget appropriation expenditure"), NULL, 0) \
  X (T, AMOUNT, expenditure_gov_fund, N_("Government-fund appropriation expenditure"), NULL, 0) \
  X (T, AMOUNT, expenditure_state_capital, N_("State-capital appropriation expenditure"), NULL, 0) \
  X (T, AMOUNT, carried_out, N_("Appropriation carried over"), NULL, 0) \
  X (T, AMOUNT, general_budget_basic, N_("General-budget basic expenditure"), NULL, 0) \
  X (T, AMOUNT, general_budget_project, N_("General-budget project expenditure"), NULL, 0) \
  X (T, AMOUNT, previous_total, N_("Previous-year appropriation total"), NULL, 0) \
  X (T, TEXT, change_reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE) \
  X (T, AMOUNT, previous_general_budget, N_("Previous-year general-budget expenditure"), NULL, 0) \
  X (T, TEXT, general_budget_change_reason, N_("Reason for the general-budget change"), NULL, JUE_FIELD_MULTILINE)

#define JUE_FUNCTIONAL_ROW_FIELDS(X, R, T) \
  X (T, TEXT, code, N_("Code"), NULL, 0) \
  X (T, TEXT, class_name, N_("Class (类)"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, kuan_name, N_("Section (款)"), NULL, 0) \
  X (T, TEXT, xiang_name, N_("Item (项)"), NULL, 0) \
  X (T, AMOUNT, budget, N_("Adjusted budget"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, basic, N_("Basic expenditure"), NULL, 0) \
  X (T, AMOUNT, project, N_("Project expenditure"), NULL, 0) \
  X (T, AMOUNT, budget_initial, N_("Initial budget"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year actual"), NULL, 0) \
  X (T, TEXT, reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE)

/* A row of the ledger by functional 项 for all funds (表2 收入决算表 and
 * 表3 支出决算表): income by source, expenditure by type. */
#define JUE_ACCOUNT_ROW_FIELDS(X, R, T) \
  X (T, TEXT, code, N_("Code"), NULL, 0) \
  X (T, TEXT, class_name, N_("Class (类)"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, kuan_name, N_("Section (款)"), NULL, 0) \
  X (T, TEXT, xiang_name, N_("Item (项)"), NULL, 0) \
  X (T, AMOUNT, income_appropriation, N_("Appropriation income"), NULL, 0) \
  X (T, AMOUNT, income_superior, N_("Subsidy from superior"), NULL, 0) \
  X (T, AMOUNT, income_business, N_("Public-service income"), NULL, 0) \
  X (T, AMOUNT, income_operating, N_("Operating income"), NULL, 0) \
  X (T, AMOUNT, income_affiliated, N_("Income from affiliated units"), NULL, 0) \
  X (T, AMOUNT, income_other, N_("Other income"), NULL, 0) \
  X (T, AMOUNT, exp_basic, N_("Basic expenditure"), NULL, 0) \
  X (T, AMOUNT, exp_project, N_("Project expenditure"), NULL, 0) \
  X (T, AMOUNT, exp_to_superior, N_("Paid to superior"), NULL, 0) \
  X (T, AMOUNT, exp_operating, N_("Operating expenditure"), NULL, 0) \
  X (T, AMOUNT, exp_affiliated, N_("Subsidies to affiliated units"), NULL, 0)

/* A line of 表6 (basic expenditure by economic classification): a 3-digit
 * 类 or a 5-digit 款 code.  301*, 303* are 人员经费, the rest 公用经费. */
#define JUE_ECONOMIC_ROW_FIELDS(X, R, T) \
  X (T, TEXT, code, N_("Code"), NULL, 0) \
  X (T, TEXT, name, N_("Name"), NULL, JUE_FIELD_REQUIRED) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0)

#define JUE_BASIC_FIELDS(X, R, T) \
  X (T, AMOUNT, personnel, N_("Personnel expenses"), NULL, 0) \
  X (T, TEXT, personnel_items, N_("Personnel expenses consist of"), NULL, JUE_FIELD_MULTILINE) \
  X (T, AMOUNT, public, N_("Public expenses"), NULL, 0) \
  X (T, TEXT, public_items, N_("Public expenses consist of"), NULL, JUE_FIELD_MULTILINE) \
  X (T, AMOUNT, econ_abroad, N_("30212 Overseas travel (basic)"), NULL, 0) \
  X (T, AMOUNT, econ_reception, N_("30217 Official reception (basic)"), NULL, 0) \
  X (T, AMOUNT, econ_vehicle_operation, N_("30231 Vehicle operation (basic)"), NULL, 0) \
  X (T, AMOUNT, econ_vehicle_purchase, N_("31013 Vehicle purchase (basic)"), NULL, 0)

#define JUE_ABROAD_FIELDS(X, R, T) \
  X (T, AMOUNT, budget, N_("Budget"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year actual"), NULL, 0) \
  X (T, TEXT, reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE) \
  X (T, INTEGER, groups, N_("Delegations"), NULL, 0) \
  X (T, INTEGER, persons, N_("Persons"), NULL, 0) \
  X (T, TEXT, purpose, N_("Purpose"), NULL, JUE_FIELD_MULTILINE)

#define JUE_VEHICLE_PURCHASE_FIELDS(X, R, T) \
  X (T, AMOUNT, budget, N_("Budget"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year actual"), NULL, 0) \
  X (T, INTEGER, count, N_("Vehicles purchased"), NULL, 0)

#define JUE_VEHICLE_OPERATION_FIELDS(X, R, T) \
  X (T, AMOUNT, budget, N_("Budget"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year actual"), NULL, 0) \
  X (T, TEXT, use, N_("Mainly used for"), NULL, JUE_FIELD_MULTILINE)

#define JUE_VEHICLE_FIELDS(X, R, T) \
  X (T, AMOUNT, budget, N_("Budget"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year actual"), NULL, 0) \
  X (T, TEXT, reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE) \
  R (T, RECORD, purchase, N_("Vehicle purchase"), JueVehiclePurchase, 0) \
  R (T, RECORD, operation, N_("Vehicle operation and maintenance"), JueVehicleOperation, 0) \
  X (T, INTEGER, sedans, N_("Sedans"), NULL, 0) \
  X (T, INTEGER, suvs, N_("Off-road vehicles"), NULL, 0) \
  X (T, INTEGER, buses, N_("Passenger vehicles"), NULL, 0)

#define JUE_RECEPTION_PART_FIELDS(X, R, T) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, INTEGER, batches, N_("Batches"), NULL, 0) \
  X (T, INTEGER, persons, N_("Persons"), NULL, 0)

#define JUE_RECEPTION_FIELDS(X, R, T) \
  X (T, AMOUNT, budget, N_("Budget"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year actual"), NULL, 0) \
  X (T, TEXT, reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE) \
  R (T, RECORD, domestic, N_("Domestic reception"), JueReceptionPart, 0) \
  R (T, RECORD, foreign, N_("Foreign-affairs reception"), JueReceptionPart, 0)

#define JUE_THREE_PUBLIC_FIELDS(X, R, T) \
  R (T, RECORD, abroad, N_("Overseas travel"), JueAbroad, 0) \
  R (T, RECORD, vehicle, N_("Official vehicles"), JueVehicle, 0) \
  R (T, RECORD, reception, N_("Official reception"), JueReception, 0) \
  X (T, TEXT, reason, N_("Reason for the overall change"), NULL, JUE_FIELD_MULTILINE)

#define JUE_FUND_ROW_FIELDS(X, R, T) \
  X (T, TEXT, code, N_("Code"), NULL, 0) \
  X (T, TEXT, name, N_("Name"), NULL, JUE_FIELD_REQUIRED) \
  X (T, AMOUNT, budget, N_("Adjusted budget"), NULL, 0) \
  X (T, AMOUNT, carried_in, N_("Carried in"), NULL, 0) \
  X (T, AMOUNT, income, N_("Income"), NULL, 0) \
  X (T, AMOUNT, actual, N_("Actual"), NULL, 0) \
  X (T, AMOUNT, basic, N_("Basic expenditure"), NULL, 0) \
  X (T, AMOUNT, project, N_("Project expenditure"), NULL, 0) \
  X (T, AMOUNT, carried_out, N_("Carried over"), NULL, 0)

#define JUE_FUND_FIELDS(X, R, T) \
  X (T, AMOUNT, carried_in, N_("Carried in"), NULL, 0) \
  X (T, AMOUNT, income, N_("Income"), NULL, 0) \
  X (T, AMOUNT, expenditure, N_("Expenditure"), NULL, 0) \
  X (T, AMOUNT, carried_out, N_("Carried over"), NULL, 0) \
  X (T, AMOUNT, previous, N_("Previous-year expenditure"), NULL, 0) \
  X (T, TEXT, reason, N_("Explanation"), NULL, JUE_FIELD_MULTILINE) \
  X (T, LIST, rows, N_("Rows by function"), &JueFundRow_def, 0)

#define JUE_PROCUREMENT_FIELDS(X, R, T) \
  X (T, AMOUNT, goods, N_("Goods"), NULL, 0) \
  X (T, AMOUNT, works, N_("Works"), NULL, 0) \
  X (T, AMOUNT, services, N_("Services"), NULL, 0) \
  X (T, AMOUNT, sme, N_("Awarded to SMEs"), NULL, 0) \
  X (T, AMOUNT, small_micro, N_("Of which small and micro enterprises"), NULL, 0)

#define JUE_ASSETS_FIELDS(X, R, T) \
  X (T, INTEGER, vehicles_leader, N_("Vehicles for principal leaders"), NULL, 0) \
  X (T, INTEGER, vehicles_confidential, N_("Confidential-communication vehicles"), NULL, 0) \
  X (T, INTEGER, vehicles_emergency, N_("Emergency vehicles"), NULL, 0) \
  X (T, INTEGER, vehicles_law_enforcement, N_("Law-enforcement vehicles"), NULL, 0) \
  X (T, INTEGER, vehicles_special, N_("Special technical vehicles"), NULL, 0) \
  X (T, INTEGER, vehicles_other, N_("Other vehicles"), NULL, 0) \
  X (T, INTEGER, equipment_over_1m, N_("Equipment over 1 million yuan"), NULL, 0)

#define JUE_OTHER_FIELDS(X, R, T) \
  X (T, AMOUNT, operating_cost, N_("Administrative operating cost"), NULL, 0) \
  X (T, AMOUNT, operating_cost_previous, N_("Previous-year operating cost"), NULL, 0) \
  X (T, TEXT, operating_cost_reason, N_("Reason for the change"), NULL, JUE_FIELD_MULTILINE) \
  R (T, RECORD, procurement, N_("Government procurement"), JueProcurement, 0) \
  R (T, RECORD, assets, N_("State assets"), JueAssets, 0) \
  X (T, TEXT, performance_text, N_("Budget performance management"), NULL, JUE_FIELD_MULTILINE) \
  X (T, PERCENT, self_score, N_("Department self-score"), NULL, 0)

#define JUE_GLOSSARY_ENTRY_FIELDS(X, R, T) \
  X (T, TEXT, term, N_("Term"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, definition, N_("Definition"), NULL, JUE_FIELD_MULTILINE)

#define JUE_TASK_FIELDS(X, R, T) \
  X (T, TEXT, name, N_("Task"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, content, N_("Content"), NULL, JUE_FIELD_MULTILINE)

#define JUE_INDICATOR_FIELDS(X, R, T) \
  X (T, CHOICE, level1, N_("Level-1 indicator"), &jue_choices_level1, JUE_FIELD_REQUIRED) \
  X (T, CHOICE, level2, N_("Level-2 indicator"), &jue_choices_level2, JUE_FIELD_REQUIRED) \
  X (T, TEXT, name, N_("Level-3 indicator"), NULL, JUE_FIELD_REQUIRED) \
  X (T, CHOICE, nature, N_("Nature"), &jue_choices_nature, JUE_FIELD_REQUIRED) \
  X (T, TEXT, target, N_("Target value"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, unit, N_("Unit"), NULL, 0) \
  X (T, PERCENT, weight, N_("Weight"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, actual, N_("Actual value"), NULL, 0) \
  X (T, PERCENT, grade, N_("Reviewer grade (percentage of the weight)"), NULL, 0)

#define JUE_TEXT_SECTION_FIELDS(X, R, T) \
  X (T, TEXT, title, N_("Heading"), NULL, 0) \
  X (T, TEXT, body, N_("Text"), NULL, JUE_FIELD_MULTILINE)

#define JUE_DEPT_EVAL_FIELDS(X, R, T) \
  X (T, TEXT, name, N_("Department name"), NULL, 0) \
  X (T, AMOUNT, funds_total, N_("Annual funds total"), NULL, 0) \
  X (T, AMOUNT, funds_appropriation, N_("Of which appropriation"), NULL, 0) \
  X (T, AMOUNT, funds_other, N_("Other funds"), NULL, 0) \
  X (T, AMOUNT, budget_adjusted, N_("Adjusted budget"), NULL, 0) \
  X (T, AMOUNT, budget_executed, N_("Budget executed"), NULL, 0) \
  X (T, AMOUNT, basic_budget, N_("Basic expenditure budget"), NULL, 0) \
  X (T, AMOUNT, basic_actual, N_("Basic expenditure executed"), NULL, 0) \
  X (T, AMOUNT, project_budget, N_("Project expenditure budget"), NULL, 0) \
  X (T, AMOUNT, project_actual, N_("Project expenditure executed"), NULL, 0) \
  X (T, TEXT, target, N_("Overall annual target"), NULL, JUE_FIELD_MULTILINE) \
  X (T, LIST, tasks, N_("Main tasks"), &JueTask_def, 0) \
  X (T, LIST, indicators, N_("Indicators"), &JueIndicator_def, 0) \
  X (T, PERCENT, template_total, N_("Template weight total"), NULL, 0) \
  X (T, PERCENT, self_score, N_("Self-reported score"), NULL, 0) \
  X (T, LIST, sections, N_("Report sections"), &JueTextSection_def, 0)

#define JUE_SPECIAL_FUND_FIELDS(X, R, T) \
  X (T, TEXT, title, N_("Report title"), NULL, 0) \
  X (T, TEXT, project_name, N_("Project name"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, budget_unit, N_("Budget unit"), NULL, 0) \
  X (T, TEXT, project_type, N_("Project type"), NULL, 0) \
  X (T, TEXT, long_term_plan, N_("Long-term plan (name, document number)"), NULL, 0) \
  X (T, TEXT, fund_rules, N_("Fund rules (name, document number)"), NULL, 0) \
  X (T, CHOICE, allocation, N_("Allocation method"), &jue_choices_allocation, 0) \
  X (T, TEXT, basis, N_("Basis"), NULL, JUE_FIELD_MULTILINE) \
  X (T, TEXT, scope, N_("Scope of use"), NULL, JUE_FIELD_MULTILINE) \
  X (T, TEXT, eligibility, N_("Eligibility"), NULL, JUE_FIELD_MULTILINE) \
  X (T, TEXT, period, N_("Period"), NULL, 0) \
  X (T, AMOUNT, funds_total, N_("Annual funds total"), NULL, 0) \
  X (T, AMOUNT, funds_appropriation, N_("Of which appropriation"), NULL, 0) \
  X (T, AMOUNT, funds_other, N_("Other funds"), NULL, 0) \
  X (T, AMOUNT, funds_executed, N_("Funds executed"), NULL, 0) \
  X (T, TEXT, functional_ref, N_("Paid from functional row (code or item)"), NULL, 0) \
  X (T, TEXT, target, N_("Annual target"), NULL, JUE_FIELD_MULTILINE) \
  X (T, LIST, indicators, N_("Indicators"), &JueIndicator_def, 0) \
  X (T, PERCENT, template_total, N_("Template weight total"), NULL, 0) \
  X (T, PERCENT, self_score, N_("Self-reported score"), NULL, 0) \
  X (T, LIST, sections, N_("Report sections"), &JueTextSection_def, 0)

/* A published table marked empty (本表为空表): table is the template
 * table's key (resources/templates/<id>.ini `key=`, the same in every
 * template: "gov_fund", "state_capital", "three_public" …), reason why it
 * has no data (printed under the note).  jue-empty.h reads and writes them. */
#define JUE_EMPTY_TABLE_FIELDS(X, R, T) \
  X (T, TEXT, table, N_("Table"), NULL, JUE_FIELD_REQUIRED) \
  X (T, TEXT, reason, N_("Why it is empty"), NULL, JUE_FIELD_MULTILINE)

#define JUE_REPORT_FIELDS(X, R, T) \
  R (T, RECORD, profile, N_("Department profile"), JueProfile, 0) \
  R (T, RECORD, income, N_("Income"), JueIncome, 0) \
  R (T, RECORD, expenditure, N_("Expenditure"), JueExpenditure, 0) \
  R (T, RECORD, overview, N_("Year-on-year overview"), JueOverview, 0) \
  X (T, LIST, accounts, N_("Income and expenditure by function (all funds)"), &JueAccountRow_def, 0) \
  R (T, RECORD, appropriation, N_("Fiscal appropriation"), JueAppropriation, 0) \
  X (T, LIST, functional, N_("General-budget expenditure by function"), &JueFunctionalRow_def, 0) \
  R (T, RECORD, basic, N_("Basic expenditure"), JueBasic, 0) \
  X (T, LIST, economic, N_("Basic expenditure by economic classification"), &JueEconomicRow_def, 0) \
  R (T, RECORD, three_public, N_("“Three public” expenses"), JueThreePublic, 0) \
  R (T, RECORD, gov_fund, N_("Government-fund budget"), JueFund, 0) \
  R (T, RECORD, state_capital, N_("State-capital budget"), JueFund, 0) \
  R (T, RECORD, other, N_("Other matters"), JueOther, 0) \
  X (T, LIST, glossary, N_("Glossary"), &JueGlossaryEntry_def, 0) \
  R (T, RECORD, dept_eval, N_("Department-wide self-evaluation"), JueDeptEval, 0) \
  X (T, LIST, special_funds, N_("Special-fund self-evaluations"), &JueSpecialFund_def, 0) \
  X (T, LIST, empty_tables, N_("Tables marked empty"), &JueEmptyTable_def, 0)

/* Every record also carries unreadable_: its fields' typed texts that could
 * not be read (field name → text), NULL when there are none.  It travels
 * with the record when rows move, are removed and are restored by undo.
 * carried_ is the set of its text fields carried from last year's report
 * and not yet confirmed (jue_field_is_carried()), NULL when none. */
#define JUE_DECLARE_RECORD(Type, FIELDS) \
  extern const JueRecordDef Type##_def; \
  typedef struct { FIELDS (JUE_MEMBER, JUE_MEMBER_RECORD, Type) \
                   GHashTable *unreadable_; GHashTable *carried_; } Type;

/* Element definitions referenced by lists are declared before use. */
extern const JueRecordDef JueOffice_def;
extern const JueRecordDef JueFundRow_def;
extern const JueRecordDef JueTask_def;
extern const JueRecordDef JueIndicator_def;
extern const JueRecordDef JueTextSection_def;
extern const JueRecordDef JueFunctionalRow_def;
extern const JueRecordDef JueAccountRow_def;
extern const JueRecordDef JueEconomicRow_def;
extern const JueRecordDef JueGlossaryEntry_def;
extern const JueRecordDef JueSpecialFund_def;
extern const JueRecordDef JueEmptyTable_def;

JUE_DECLARE_RECORD (JueOffice, JUE_OFFICE_FIELDS)
JUE_DECLARE_RECORD (JueStaff, JUE_STAFF_FIELDS)
JUE_DECLARE_RECORD (JueProfile, JUE_PROFILE_FIELDS)
JUE_DECLARE_RECORD (JueIncome, JUE_INCOME_FIELDS)
JUE_DECLARE_RECORD (JueExpenditure, JUE_EXPENDITURE_FIELDS)
JUE_DECLARE_RECORD (JueOverview, JUE_OVERVIEW_FIELDS)
JUE_DECLARE_RECORD (JueAppropriation, JUE_APPROPRIATION_FIELDS)
JUE_DECLARE_RECORD (JueFunctionalRow, JUE_FUNCTIONAL_ROW_FIELDS)
JUE_DECLARE_RECORD (JueAccountRow, JUE_ACCOUNT_ROW_FIELDS)
JUE_DECLARE_RECORD (JueEconomicRow, JUE_ECONOMIC_ROW_FIELDS)
JUE_DECLARE_RECORD (JueBasic, JUE_BASIC_FIELDS)
JUE_DECLARE_RECORD (JueAbroad, JUE_ABROAD_FIELDS)
JUE_DECLARE_RECORD (JueVehiclePurchase, JUE_VEHICLE_PURCHASE_FIELDS)
JUE_DECLARE_RECORD (JueVehicleOperation, JUE_VEHICLE_OPERATION_FIELDS)
JUE_DECLARE_RECORD (JueVehicle, JUE_VEHICLE_FIELDS)
JUE_DECLARE_RECORD (JueReceptionPart, JUE_RECEPTION_PART_FIELDS)
JUE_DECLARE_RECORD (JueReception, JUE_RECEPTION_FIELDS)
JUE_DECLARE_RECORD (JueThreePublic, JUE_THREE_PUBLIC_FIELDS)
JUE_DECLARE_RECORD (JueFundRow, JUE_FUND_ROW_FIELDS)
JUE_DECLARE_RECORD (JueFund, JUE_FUND_FIELDS)
JUE_DECLARE_RECORD (JueProcurement, JUE_PROCUREMENT_FIELDS)
JUE_DECLARE_RECORD (JueAssets, JUE_ASSETS_FIELDS)
JUE_DECLARE_RECORD (JueOther, JUE_OTHER_FIELDS)
JUE_DECLARE_RECORD (JueGlossaryEntry, JUE_GLOSSARY_ENTRY_FIELDS)
JUE_DECLARE_RECORD (JueTask, JUE_TASK_FIELDS)
JUE_DECLARE_RECORD (JueIndicator, JUE_INDICATOR_FIELDS)
JUE_DECLARE_RECORD (JueTextSection, JUE_TEXT_SECTION_FIELDS)
JUE_DECLARE_RECORD (JueDeptEval, JUE_DEPT_EVAL_FIELDS)
JUE_DECLARE_RECORD (JueSpecialFund, JUE_SPECIAL_FUND_FIELDS)
JUE_DECLARE_RECORD (JueEmptyTable, JUE_EMPTY_TABLE_FIELDS)
JUE_DECLARE_RECORD (JueReport, JUE_REPORT_FIELDS)

/* ---- the generic layer: records by descriptor ------------------------- */

JueReport  *jue_report_new          (void);
void        jue_report_free         (JueReport *report);
JueReport  *jue_report_copy         (const JueReport *report);
gboolean    jue_report_equal        (const JueReport *a,
                                     const JueReport *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JueReport, jue_report_free)

gpointer    jue_record_new          (const JueRecordDef *def);
void        jue_record_free         (const JueRecordDef *def,
                                     gpointer            record);
gpointer    jue_record_copy         (const JueRecordDef *def,
                                     gconstpointer       record);

/* A resolved field path.  For a scalar, def is the field and ptr its value
 * slot.  For a list, def is the list field and ptr the GPtrArray**; index is
 * -1.  For a list item ("functional[3]"), def is the list field, ptr the
 * item and index its position. */
typedef struct {
  const JueFieldDef *def;
  gpointer           ptr;
  gint               index;
  const JueRecordDef *owner;   /* record the field belongs to; NULL for a
                                  scratch value outside any record */
} JueFieldRef;

gboolean    jue_report_resolve      (JueReport   *report,
                                     const char  *path,
                                     JueFieldRef *out,
                                     GError     **error);

/* Resolving many paths in order (a file being loaded): the record the
 * last path ended in is remembered, so a path in the same record
 * ("functional[3].budget" after "functional[3].code") is found by its last
 * name alone.  Valid while no record is removed. */
typedef struct {
  GString            *container;   /* the path up to its last "." */
  const JueRecordDef *def;
  gpointer            record;
} JueResolveCache;

void        jue_resolve_cache_init  (JueResolveCache *cache);
void        jue_resolve_cache_clear (JueResolveCache *cache);
/* Whether path's record is the one the cache holds. */
gboolean    jue_resolve_cache_holds (JueResolveCache *cache,
                                     const char      *path);
gboolean    jue_report_resolve_cached (JueReport       *report,
                                       JueResolveCache *cache,
                                       const char      *path,
                                       JueFieldRef     *out,
                                       GError         **error);

/* The value of a scalar field as canonical text ("" when blank).  Amounts
 * are exact 万元; text is returned as is. */
char       *jue_field_get_text      (const JueFieldRef *ref);
/* Parses text for the field's kind and stores it.  On error nothing changes
 * and the message names the path and the text. */
gboolean    jue_field_set_text      (const JueFieldRef *ref,
                                     const char        *path,
                                     const char        *text,
                                     GError           **error);
/* TRUE when blank; an unreadable typed value is not blank. */
gboolean    jue_field_is_blank      (const JueFieldRef *ref);

/* Typed values that cannot be read.  jue_field_set_text() refuses them
 * (the CLI's set, the sample); jue_field_set_typed() keeps them as typed:
 * the value becomes unknown (set FALSE, unreadable TRUE) and the text is
 * kept, and jue_field_get_text() then returns that text, so the store, the
 * CSV export and undo carry it unchanged.  A value that reads clears it.
 * Only a value that is not valid UTF-8, too long, or a record/list is
 * refused (FALSE with error); *readable_out says which it was. */
gboolean    jue_field_set_typed     (const JueFieldRef *ref,
                                     const char        *path,
                                     const char        *text,
                                     gboolean          *readable_out,
                                     GError           **error);
/* The typed text of an unreadable value, or NULL. */
const char *jue_field_get_unreadable (const JueFieldRef *ref);
/* Why the typed text cannot be read (translated, names path), or NULL. */
char       *jue_field_unreadable_message (const JueFieldRef *ref,
                                          const char        *path);
/* The typed text is at most this long (bytes); longer is refused. */
#define JUE_MAX_UNREADABLE_TEXT 4096
gboolean    jue_report_set_typed    (JueReport  *report,
                                     const char *path,
                                     const char *text,
                                     gboolean   *readable_out,
                                     GError    **error);

char       *jue_report_get          (JueReport  *report,
                                     const char *path,
                                     GError    **error);
gboolean    jue_report_set          (JueReport  *report,
                                     const char *path,
                                     const char *text,
                                     GError    **error);

/* Lists.  index -1 appends.  Return the new item's index / TRUE. */
gint        jue_report_list_insert  (JueReport  *report,
                                     const char *list_path,
                                     gint        index,
                                     GError    **error);
gboolean    jue_report_list_remove  (JueReport  *report,
                                     const char *item_path,
                                     GError    **error);
gboolean    jue_report_list_move    (JueReport  *report,
                                     const char *item_path,
                                     gint        new_index,
                                     GError    **error);
/* The same by list path and indices. */
gboolean    jue_report_list_move_row (JueReport  *report,
                                      const char *list_path,
                                      gint        from,
                                      gint        to,
                                      GError    **error);
/* Inserts record (a row of the list's element type, taken on success) or a
 * new blank row when record is NULL.  On failure the caller keeps record. */
gint        jue_report_list_insert_record (JueReport  *report,
                                           const char *list_path,
                                           gint        index,
                                           gpointer    record,
                                           GError    **error);
/* Takes row index out of the list and returns it (the caller frees it with
 * jue_record_free and *element_out). */
gpointer    jue_report_list_steal   (JueReport           *report,
                                     const char          *list_path,
                                     gint                 index,
                                     const JueRecordDef **element_out,
                                     GError             **error);

/* Calls func for every scalar field, depth first in declaration order, with
 * its full path ("functional[3].budget").  prefix limits the walk to a
 * record, list or list item (NULL for everything). */
typedef void (*JueFieldFunc) (const char        *path,
                              const JueFieldRef *ref,
                              gpointer           user_data);
gboolean    jue_report_foreach      (JueReport   *report,
                                     const char  *prefix,
                                     JueFieldFunc func,
                                     gpointer     user_data,
                                     GError     **error);

/* Calls func for every unreadable value in declaration order. */
void        jue_report_foreach_unreadable (const JueReport *report,
                                           JueFieldFunc     func,
                                           gpointer         user_data);
guint       jue_report_count_unreadable   (const JueReport *report);

/* Carried texts (issue 13): a text taken over from last year's report
 * stays marked until the user confirms it or edits it.  Any set of the
 * field (jue_field_set_text(), jue_field_set_typed()) clears the mark. */
gboolean    jue_field_is_carried    (const JueFieldRef *ref);
void        jue_field_set_carried   (const JueFieldRef *ref,
                                     gboolean           carried);
/* Calls func for every carried field (under prefix, NULL for all). */
void        jue_report_foreach_carried (JueReport    *report,
                                        const char   *prefix,
                                        JueFieldFunc  func,
                                        gpointer      user_data);
guint       jue_report_count_carried   (JueReport    *report);
/* Cheap (no paths are built): does any field carry the mark? */
gboolean    jue_report_has_carried     (const JueReport *report);

/* "functional[3]" → list path "functional" and index 3. */
gboolean    jue_split_item_path     (const char *item_path,
                                     char      **list_path,
                                     gint       *index,
                                     GError    **error);

/* A list never holds more rows than this (files from others are bounded;
 * a real report's longest list has a few hundred rows). */
#define JUE_MAX_LIST_ROWS 10000

/* Creates the list rows the indices in path name.  in_order: an index may
 * be at most the list's length (a new row at the end); otherwise missing
 * rows up to the index are created too (rows stored in any order). */
gboolean    jue_report_ensure_rows  (JueReport  *report,
                                     const char *path,
                                     gboolean    in_order,
                                     GError    **error);
/* The same, in order: rows must be named 0, 1, 2, … */
gboolean    jue_report_ensure_path  (JueReport  *report,
                                     const char *path,
                                     GError    **error);

/* "text", "amount", "integer", "percent", "choice", "date". */
const char *jue_kind_type_name      (JueKind kind);

/* Escapes \, TAB, CR and LF as \\, \t, \r, \n (for one-line output), and
 * back.  unescape returns NULL for a malformed escape. */
char       *jue_escape_line         (const char *text);
char       *jue_unescape_line       (const char *text);

G_END_DECLS

G_BEGIN_DECLS
/* Walks the schema itself: every scalar field's path pattern, with lists
 * written "functional[N]" ("special_funds[N].indicators[N].weight"). */
typedef void (*JueSchemaFunc) (const char        *pattern,
                               const JueFieldDef *def,
                               gpointer           user_data);
void        jue_schema_foreach      (JueSchemaFunc func,
                                     gpointer      user_data);
G_END_DECLS
