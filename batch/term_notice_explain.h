// `clause explain --price-change ID` and `--breach ID` (issue 12, RULES N2, N3): the rule trace of
// the échéancier dates of an imported price change or breach notice, worded as `clause schedule`
// words them (batch/schedule_entries.h), under the terms profile of the contract.
#pragma once

#include <string>

#include "batch/run_context.h"
#include "reports/trace_text.h"

namespace clause {

// Prints "price change ID (contract C, applies D)" then each N2 step; kUsage for an unknown id,
// kDoneWithRejects when the contract's terms profile is unknown.
int explain_price_change(RunContext& context, Language language, const std::string& id);

// Prints "breach notice ID (contract C, notified D)" then each N3 step; kDoneWithRejects when the
// profile has no cure period for the article (the message names the articles it has).
int explain_breach(RunContext& context, Language language, const std::string& id);

}  // namespace clause
