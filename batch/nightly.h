// `clause nightly`: everything due on a night, in a fixed order, as the provider's cron runs it
// once a night; first every night missed since the last completed one (batch/night_plan.h), each
// recorded in the run ledger as a `nightly` run with its own steps' runs beside it. A night that
// fails part-way is not completed: the next run goes through it again, and since every document is
// found in the ledger once issued, it finishes it without issuing anything twice.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "batch/document_engine.h"
#include "batch/night_report.h"
#include "batch/run_context.h"
#include "model/time.h"

namespace clause {

// One job of the night. Adding a job to the night is one line in night_steps().
struct NightStep {
  std::string_view name;
  // Whether the job has something to do on `night` (statements: the 1st of a month).
  std::function<bool(Date night)> due;
  // Runs the job for `night`, writing under `out` and adding its outcome to `report`; returns its
  // exit code (batch/exit_codes.h).
  std::function<int(RunContext&, const DocumentEngine&, Date night, const std::filesystem::path& out,
                    NightReport& report)>
      run;
};

// The steps in the order they run: the statements of the month before (on the 1st; their credits
// feed the credit notes), on the other nights the corrections of the month before (its corrective
// statements when data changed since it was issued), then the invoices and credit notes due (the
// further credit notes of tonight's corrections included), then the mail quota warnings (B5), the
// reversibility warnings (R3, R4), the GDPR list (and purge when configured), and last the e-mails
// of what was issued (when delivery is on).
const std::vector<NightStep>& night_steps();

struct NightlyRequest {
  Date date{};
  std::filesystem::path out;
  bool summary = true;               // the one-screen summary of each night on stderr
  bool dry_run = false;              // a rehearsal on a copy (run_nightly_dry_run): reports say so
  std::filesystem::path report_out;  // where the reports go; empty: `out`
};

// Runs the nights to catch up and the night asked, each with its report (batch/night_report.h); the exit code is the
// worst of its steps', 1 when nights are left to catch up, and a night whose step stopped on a failure (2, 4) ends the
// run.
int run_nightly(RunContext& context, const DocumentEngine& engine, const NightlyRequest& request, Instant now);

// `clause nightly --dry-run`: the same nights on a copy of the database (SQLite's VACUUM INTO, a
// consistent snapshot even while another run writes), documents rendered into a temporary folder
// and thrown away, only the reports kept, under OUT/nightly/dry-run/. No number is taken, no file
// of the output folder is touched, the real database is only read. PostgreSQL has no such copy
// short of a second database: refused with exit 64 and what to use instead.
int run_nightly_dry_run(const GlobalOptions& options, RunContext& context, const NightlyRequest& request, Instant now);

}  // namespace clause
