// B4: the further credit note after a corrective statement (further_credit.h).
#include "rules/further_credit.h"

#include "model/statement_reference.h"

namespace clause {

std::optional<FurtherCredit> further_credit(const std::vector<CreditLedgerEntry>& ledger,
                                            const std::string& contract_id, YearMonth month, Money owed) {
  const std::string period = format_year_month(month), prefix = period + "-c";
  const CreditLedgerEntry* latest = nullptr;
  Money credited;
  for (const CreditLedgerEntry& d : ledger) {
    const bool of_month = d.period == period || d.period.rfind(prefix, 0) == 0;
    if (!of_month) continue;
    if (d.kind == CreditLedgerEntry::Kind::credit_note) credited += d.total_ht;
    // The latest by order of issue, not by text ("-c10" sorts before "-c9").
    if (d.kind == CreditLedgerEntry::Kind::statement && d.period != period && (!latest || d.order > latest->order))
      latest = &d;
  }
  if (!latest || owed <= credited) return std::nullopt;
  const int revision = std::stoi(latest->period.substr(prefix.size()));  // the ledger writes "-c<n>"
  return FurtherCredit{latest->period, statement_reference(contract_id, month, revision), owed - credited};
}

}  // namespace clause
