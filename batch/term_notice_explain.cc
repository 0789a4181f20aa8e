// The N2 and N3 traces of one imported record, computed by rules/term_notices as the échéancier
// computes them and worded with the échéancier's phrases.
#include "batch/term_notice_explain.h"

#include <iostream>

#include <spdlog/spdlog.h>

#include "batch/exit_codes.h"
#include "batch/schedule_entries.h"
#include "rules/calendar.h"
#include "rules/term_notices.h"
#include "settings/term_extras.h"
#include "store/record_repository.h"
#include "store/table_rows.h"
#include "store/term_notice_tables.h"

namespace clause {
namespace {

// The terms profile of `contract_id`, or nullptr after logging why there is none.
const TermsProfile* profile_of(RunContext& context, const std::string& contract_id, Contract& contract) {
  auto c = load_contract(context.database(), contract_id);
  if (!c) return nullptr;  // a foreign key guarantees it
  contract = *c;
  auto p = context.profiles().find(c->terms_profile);
  if (p == context.profiles().end()) {
    spdlog::error("contract {}: unknown terms profile \"{}\"", c->id, c->terms_profile);
    return nullptr;
  }
  return &p->second;
}

void print(const std::string& title, const Trace& trace, RunContext& context, Language language, HolidayZone zone) {
  const Config& config = context.config();
  const TraceWording wording = schedule_trace_wording(
      config.documents.templates / (language == Language::en ? "en" : "fr") / "traces.json", language);
  const ContractClock clock(config.zone(config.default_time_zone), zone, BusinessHours{});
  std::cout << title << "\n";
  for (const auto& step : wording.describe_steps(trace, clock))
    std::cout << "  " << step.rule << "\t" << step.text << "\n";
}

}  // namespace

int explain_price_change(RunContext& context, Language language, const std::string& id) {
  for (const PriceChange& p : load_records<PriceChange>(context.database(), "price_changes.all")) {
    if (p.id != id) continue;
    Contract contract;
    const TermsProfile* terms = profile_of(context, p.contract_id, contract);
    if (!terms) return kDoneWithRejects;
    if (terms->term.price_change_notice_months <= 0) {
      spdlog::error("price change {}: terms profile {} has no price-change notice (N2 is D Art. 8)", id, terms->name);
      return kDoneWithRejects;
    }
    print("price change " + id + " (contract " + p.contract_id + ", applies " + format_date(p.applies) + ")",
          price_change_dates(p, terms->term).trace, context, language, contract.holiday_zone);
    return kDone;
  }
  spdlog::error("no price change \"{}\"", id);
  return kUsage;
}

int explain_breach(RunContext& context, Language language, const std::string& id) {
  for (const BreachNotice& b : load_records<BreachNotice>(context.database(), "breach_notices.all")) {
    if (b.id != id) continue;
    Contract contract;
    const TermsProfile* terms = profile_of(context, b.contract_id, contract);
    if (!terms) return kDoneWithRejects;
    const std::vector<int> articles = load_breach_cure_articles(context.config().terms / (terms->name + ".toml"));
    const BreachCureDates d = breach_cure_dates(b, terms->term, articles, contract.holiday_zone);
    if (!d.known) {
      spdlog::error("breach notice {}: article {} has no cure period in terms profile {} (articles {})", id, b.article,
                    terms->name, breach_cure_article_list(articles));
      return kDoneWithRejects;
    }
    print("breach notice " + id + " (contract " + b.contract_id + ", notified " + format_date(b.notified) + ")",
          d.trace, context, language, contract.holiday_zone);
    return kDone;
  }
  spdlog::error("no breach notice \"{}\"", id);
  return kUsage;
}

}  // namespace clause
