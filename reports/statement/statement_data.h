// The data of a monthly SLA statement (RULES S, I, K): everything one contract's month shows, as
// the JSON object templates/layouts/statement.schema.json describes (built as a StatementDocument,
// reports/statement/statement_document.h, then converted once here), ready for
// TemplateSet::render("statement", ...). Figures arrive in machine form for typed cells (money
// "312.50", local datetime "2026-11-20T17:30", percent "99.898") and already worded for sentences
// (durations "3 h 40", rule traces through TraceWording). Built from one ContractRecords and the
// figures computed from it only, so a statement can never show another client's data.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "reports/statement/statement_document.h"

namespace clause {

// The statement data, exactly the keys of statement.schema.json. Sections without content have
// their has_* flag false and an empty list. has_correction says a corrective statement (with what
// it replaces and whether credits went up or down); has_continuity a month of reversibility
// continuity (R4). S10: with terms.service_levels.credits false,
// contract.has_credit_table is false and there is no credit line.
nlohmann::json statement_data(const StatementInput& input);

// The template data of a built statement (the one conversion: money in machine form, the
// correction's amounts worded in `language`, the statement's own language).
nlohmann::json statement_data(const StatementDocument& statement, Language language);

// "2026-11-20T17:30": the local wall-clock time of `t` in the layout's datetime machine form.
std::string local_datetime(Instant t, const ContractClock& clock);

// "novembre 2026" / "November 2026".
std::string month_label(YearMonth m, Language language);
// "d'octobre 2026", "de novembre 2026" (French elision), "of October 2026".
std::string month_label_of(YearMonth m, Language language);

}  // namespace clause
