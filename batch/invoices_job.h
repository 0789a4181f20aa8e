// The invoices job (`clause invoices --date D`): for each contract, first the credit notes of the
// months whose statement credits have none yet (B4, credit_notes_job.h), then the invoice due on D
// if any (B1: in advance, on the first day of each period, or on the start date for a contract
// starting inside one), with its prorated fees (B2), the SYNTEC revisions due (B3, recorded in
// fee_revisions with their index in the same transaction), the variable lines of the previous
// period (I1-I3, B5) and the deduction of the credit notes not yet deducted (B4). Each document is
// its own issue_document transaction (B7: numbered there); each contract is isolated. Then the
// journal workbook of D (billing_journal.h) and a manifest. A rerun issues nothing new.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/credit_notes_job.h"
#include "batch/document_engine.h"
#include "batch/output_recovery.h"
#include "batch/run_context.h"
#include "batch/statements_job.h"
#include "model/time.h"

namespace clause {

struct InvoicesRequest {
  Date date{};
  std::optional<std::string> contract_id;  // only this contract
  std::filesystem::path out;               // output root; documents go to out/invoices/YYYY/<client>/
  bool workers = false;                    // issue 16: the contracts processed by `clause worker`s (PostgreSQL)
};

struct InvoicesOutcome {
  long long run_id = 0;
  int invoices_issued = 0;
  int credit_notes_issued = 0;
  int already_issued = 0;                      // found in the ledger: nothing new
  std::vector<WaitingCredit> waiting_credits;  // months of credits with no credit note yet, and why (B4)
  std::vector<SkippedContract> skipped;
  std::filesystem::path journal;
  std::filesystem::path manifest;
  OutputRecovery recovery;                  // what earlier runs left, completed or removed first
  std::vector<long long> interrupted_runs;  // runs found `running` whose process had ended
  std::optional<std::string> stopped;       // why the run stopped before its last contract
};

// Runs the job; `now` only dates the run record, never a document. A database that stops answering
// ends the run early (`stopped`), with its manifest written.
InvoicesOutcome run_invoices(RunContext& context, const DocumentEngine& engine, const InvoicesRequest& request,
                             Instant now);

}  // namespace clause
