// The monthly SLA statements job (`clause statements --month M`): for every contract active in the
// local month, load -> rules -> document -> PDF + XLSX -> ledger (statement and its credits in one
// transaction) -> manifest. Each contract is isolated: an inconsistent one is reported and skipped,
// the others are issued. A statement already in the ledger is never issued again; when the data
// has changed since, so that its credits would now differ, the run says so (a correction is due).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch/document_engine.h"
#include "batch/output_recovery.h"
#include "batch/run_context.h"
#include "model/money.h"
#include "model/time.h"

namespace clause {

struct StatementsRequest {
  YearMonth month{};
  std::optional<std::string> contract_id;     // only this contract
  std::filesystem::path out;                  // output root; documents go to out/YYYY-MM/<client>/
};

// A contract left out of the run, with the record and the reason an operator needs.
struct SkippedContract {
  std::string contract_id;
  std::string record;                         // "incident I-7", "contract C-3"...
  std::string reason;
};

// An issued statement whose credits the current data no longer gives (a late import, a corrected
// record): it stays as issued, and an operator decides the correction.
struct CreditDrift {
  std::string contract_id;
  Money issued;                               // total credit of the issued statement
  Money recomputed;                           // total credit the current data gives
  std::vector<std::string> services;          // services whose credit differs
};

struct StatementsOutcome {
  long long run_id = 0;
  int issued = 0;                             // statements issued by this run
  int already_issued = 0;                     // found in the ledger: nothing new
  std::vector<SkippedContract> skipped;
  std::vector<CreditDrift> drifted;           // issued statements the data no longer matches
  std::filesystem::path manifest;
  OutputRecovery recovery;                    // what earlier runs left, completed or removed first
  std::vector<long long> interrupted_runs;    // runs found `running` whose process had ended
  std::optional<std::string> stopped;         // why the run stopped before its last contract
};

// Runs the job; `now` only dates the run record, never a document.
StatementsOutcome run_statements(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                                 Instant now);

}  // namespace clause
