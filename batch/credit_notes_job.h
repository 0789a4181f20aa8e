// Credit notes (avoirs, type 381) from the service credits the statements recorded (B4, K Art. 14):
// one per contract and month, issued by `clause invoices --date D` for every month that ended by D,
// has credits, and has no credit note yet. Each cites the invoice that billed the month (BT-25,
// BT-26), mirrors its VAT and never credits more than it bears (B6, credit_note_totals). A month
// billed before Clause cites the imported prior invoice of its period (prior_invoices.csv); with
// neither, it waits, reported, never guessed.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/billing_output.h"
#include "batch/billing_pipeline.h"
#include "batch/number_forecast.h"
#include "batch/prepared_contract.h"
#include "rules/corrected_invoice.h"
#include "store/billing_ledger.h"
#include "store/ledger.h"

namespace clause {

// B4: a month of credits that got no credit note tonight, with the reason an operator reads. It
// waits (listed in the manifest and the journal every night until issued), and never stops the
// contract's invoices.
struct WaitingCredit {
  std::string contract_id;
  YearMonth month{};
  Money amount;         // the month's credits HT (what the credit note would grant)
  std::string reason;   // "no invoice of the period from 2026-10-01 in the ledger ..."
  bool failed = false;  // an error, not a rule (the commit failed...): worth a look
  friend bool operator==(const WaitingCredit&, const WaitingCredit&) = default;
};

struct CreditNotesOfContract {
  std::vector<IssueResult> documents;  // issued now or found, by month
  std::vector<WaitingCredit> waiting;  // no invoice to cite, refused (B6), a data problem
};

// B4: the credit notes of `contract` due on `date`, each in its own issue_document transaction. A
// credit note that cannot be issued (nothing to cite, more than the invoice bears, a data
// problem) is listed in `waiting`; a database that stops answering throws RunStopped.
CreditNotesOfContract issue_credit_notes(Database& db, const BillingOutput& output, const PreparedContract& contract,
                                         Date date, long long run_id);

// How the credit notes of a contract reach the run as they are recorded, in order (issue 16).
struct CreditNoteSink {
  std::function<void(IssueResult)> document;   // issued now or found
  std::function<void(WaitingCredit)> waiting;  // no invoice to cite, refused (B6), a data problem
};

// The same credit notes through `pipeline`: each planned now, rendered ahead with the number
// `forecast` gives (none rendered ahead without a forecast), recorded in its turn and handed to
// `sink` then. A database that stops answering throws RunStopped when the document is recorded.
void issue_credit_notes(Database& db, const BillingOutput& output, std::shared_ptr<const PreparedContract> contract,
                        Date date, long long run_id, BillingPipeline& pipeline, NumberForecast* forecast,
                        const CreditNoteSink& sink);

// B4: the invoice that billed `month` of the contract, looked up in the ledger and the prior
// invoices and chosen by choose_invoice_to_correct() (rules/corrected_invoice.h): Clause's invoice
// of the period (or, for a continuity month, R4, its in-arrears invoice), else the prior invoice
// whose period holds the month's first day of service; nothing when none exists.
std::optional<CorrectedInvoice> invoice_to_correct(Database& db, const PreparedContract& contract, YearMonth month);

}  // namespace clause
