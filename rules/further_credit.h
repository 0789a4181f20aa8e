// Which further credit note follows a corrective statement (RULES B4, K Art. 14): when a corrective
// statement raised a month's credits after the month's credit note was issued, one more credit note
// grants the difference, keyed by the corrective's ledger period and citing it. Pure: the credit
// notes job reads the contract's ledger and asks here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/money.h"
#include "model/time.h"

namespace clause {

// A statement or credit note of the contract's ledger, as B4 reads it to find a further credit.
struct CreditLedgerEntry {
  enum class Kind { statement, credit_note };
  Kind kind = Kind::statement;
  std::string period;   // "2026-11"; the n-th corrective statement's "2026-11-c<n>"
  long long order = 0;  // the ledger's id: a document issued later has a greater one
  Money total_ht;       // what a credit note credited
  friend bool operator==(const CreditLedgerEntry&, const CreditLedgerEntry&) = default;
};

// A further credit note due after a corrective statement raised a month's credits (B4).
struct FurtherCredit {
  std::string period;     // its ledger key, the corrective's: "2026-11-c1"
  std::string reference;  // the corrective statement it cites: "RM-CTR-X-2026-11-R1"
  Money amount;           // HT: what the month's credit notes have not yet credited
  friend bool operator==(const FurtherCredit&, const FurtherCredit&) = default;
};

// B4: the further credit note of `month` when the month has a corrective statement (the latest
// issued one) and the month's credits as it recorded them, `owed`, pass what the month's credit
// notes (its own and its correctives') have credited. Nothing when credits did not go up: an issued
// credit note is the client's, nothing is clawed back.
std::optional<FurtherCredit> further_credit(const std::vector<CreditLedgerEntry>& ledger,
                                            const std::string& contract_id, YearMonth month, Money owed);

}  // namespace clause
