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
#include "batch/run_context.h"
#include "model/time.h"

namespace clause {

// One job of the night. Adding a job to the night is one line in night_steps().
struct NightStep {
  std::string_view name;
  // Whether the job has something to do on `night` (statements: the 1st of a month).
  std::function<bool(Date night)> due;
  // Runs the job for `night`, writing under `out`; returns its exit code (batch/exit_codes.h).
  std::function<int(RunContext&, const DocumentEngine&, Date night, const std::filesystem::path& out)> run;
};

// The steps in the order they run: the statements of the month before (on the 1st; their credits
// feed the credit notes), then the invoices and credit notes due.
const std::vector<NightStep>& night_steps();

struct NightlyRequest {
  Date date{};
  std::filesystem::path out;
};

// Runs the nights to catch up and the night asked; the exit code is the worst of its steps', 1 when
// nights are left to catch up, and a night whose step stopped on a failure (2, 4) ends the run.
int run_nightly(RunContext& context, const DocumentEngine& engine, const NightlyRequest& request, Instant now);

}  // namespace clause
