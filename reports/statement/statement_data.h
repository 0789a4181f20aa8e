// The data of a monthly SLA statement (RULES S, I, K): everything one contract's month shows, as
// the JSON object templates/<lang>/statement.schema.json describes, ready for
// TemplateSet::render("statement", ...). Figures arrive in machine form for typed cells (money
// "312.50", local datetime "2026-11-20T17:30", percent "99.898") and already worded for sentences
// (durations "3 h 40", rule traces through TraceWording). Built from one ContractRecords and the
// figures computed from it only, so a statement can never show another client's data.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/contract_records.h"
#include "model/provider.h"
#include "model/terms.h"
#include "reports/format.h"
#include "reports/trace_text.h"
#include "rules/calendar.h"
#include "rules/contract_month.h"

namespace clause {

// A corrective statement (issue 10 "corrections are issued"): the month's data changed after its
// statement was issued, so a new statement with a new reference replaces it; both are kept.
struct StatementCorrection {
  std::string corrects;            // the reference of the statement it replaces, "RM-CTR-X-2026-11"
  Date corrects_issued{};          // that statement's date
  Money credit_before;             // the credits that statement granted
  Money credit_after;              // the credits the current data gives (this statement's)
};

// What a statement is made from. `figures` must be compute_contract_month(records, terms, clock, m)
// for the statement's month; `clock` is the contract's clock; `wording` is the same language.
struct StatementInput {
  const ProviderIdentity& provider;
  const ContractRecords& records;
  const TermsProfile& terms;
  const ContractMonthFigures& figures;
  const ContractClock& clock;
  const TraceWording& wording;
  Language language = Language::fr;
  Date issued{};                   // the run date printed on the statement
  std::string reference;           // "REL-2026-11-K-2026-001", allocated by the job
  std::string logo;                // PNG/JPEG path (absolute, or relative to the template folder), "" for none
  const StatementCorrection* correction = nullptr;   // set for a corrective statement only
};

// The statement data, exactly the keys of statement.schema.json. Sections without content have
// their has_* flag false and an empty list. has_correction says a corrective statement (with what
// it replaces and whether credits went up or down); has_continuity a month of reversibility
// continuity (R4). S10: with terms.service_levels.credits false,
// contract.has_credit_table is false and there is no credit line.
nlohmann::json statement_data(const StatementInput& input);

// "2026-11-20T17:30": the local wall-clock time of `t` in the layout's datetime machine form.
std::string local_datetime(Instant t, const ContractClock& clock);

// "novembre 2026" / "November 2026".
std::string month_label(YearMonth m, Language language);
// "d'octobre 2026", "de novembre 2026" (French elision), "of October 2026".
std::string month_label_of(YearMonth m, Language language);

}  // namespace clause
