// The monthly SLA statements job (`clause statements --month M`): for every contract active in the
// local month, load -> rules -> document -> PDF + XLSX -> ledger (statement and its credits in one
// transaction) -> manifest. Each contract is isolated: an inconsistent one is reported and skipped,
// the others are issued. A statement already in the ledger is never issued again; when the data
// has changed since, so that its credits would now differ, the run issues a corrective statement
// (a new document that replaces it; the original is kept).
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
  std::optional<std::string> contract_id;  // only this contract
  std::filesystem::path out;               // output root; documents go to out/YYYY-MM/<client>/
  // The date a corrective statement bears (the night of `clause nightly`); unset: the local date of
  // the run's clock, the one case where a document's date comes from the clock.
  std::optional<Date> correction_date;
  bool workers = false;  // issue 16: the contracts processed by `clause worker`s (PostgreSQL)
};

// A contract left out of the run, with the record and the reason an operator needs.
struct SkippedContract {
  std::string contract_id;
  std::string record;  // "incident I-7", "contract C-3"...
  std::string reason;
};

// An issued statement whose credits the current data no longer gives (a late import, a corrected
// record). It stays as issued; a corrective statement replaces it (CorrectiveStatement), and only
// when that cannot be issued does the drift stay listed as a correction due.
struct CreditDrift {
  std::string contract_id;
  Money issued;                       // total credit of the issued statement
  Money recomputed;                   // total credit the current data gives
  std::vector<std::string> services;  // services whose credit differs
};

// A corrective statement issued by this run: a new document (ledger period "2026-11-c1", file
// "...-releve-2026-11-rectificatif-1.pdf", reference "RM-<contract>-2026-11-R1") citing the one it
// replaces, both kept. The month's service credits become its figures; `clause invoices` issues a
// further credit note for what they add (B4), and nothing is clawed back when they went down.
struct CorrectiveStatement {
  std::string contract_id;
  std::string reference;  // "RM-CTR-K-GARNIER-2026-11-R1"
  std::string corrects;   // "RM-CTR-K-GARNIER-2026-11" (the original, also after an earlier correction)
  Money issued;           // the credits recorded until now
  Money recomputed;       // the credits the current data gives, now recorded
};

struct StatementsOutcome {
  long long run_id = 0;
  int issued = 0;          // statements issued by this run
  int already_issued = 0;  // found in the ledger: nothing new
  std::vector<SkippedContract> skipped;
  std::vector<CreditDrift> drifted;            // issued statements the data no longer matches, not corrected
  std::vector<CorrectiveStatement> corrected;  // corrective statements issued by this run
  std::filesystem::path manifest;
  OutputRecovery recovery;                  // what earlier runs left, completed or removed first
  std::vector<long long> interrupted_runs;  // runs found `running` whose process had ended
  std::optional<std::string> stopped;       // why the run stopped before its last contract
};

// Runs the job; `now` dates the run record and a corrective statement (issued on the day it is
// issued, never before the statement it replaces), never a monthly statement.
StatementsOutcome run_statements(RunContext& context, const DocumentEngine& engine, const StatementsRequest& request,
                                 Instant now);

}  // namespace clause
