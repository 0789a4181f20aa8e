// The coordinator of a run done by `clause worker` processes (issue 16): `clause statements` or
// `clause invoices` with --workers (or `clause nightly --workers`). It starts the run as a single
// run would (run record, interrupted runs, output recovery), records one work item per contract
// in the single run's order and commits, then waits while the workers process them; when every
// item is done it adds up their results in that order and writes what the single run writes
// once (the journal, the manifest), recovers what a killed worker left in the output folder, and
// finishes the run. Needs PostgreSQL.
#pragma once

#include <chrono>

#include "batch/document_engine.h"
#include "batch/invoices_job.h"
#include "batch/run_context.h"
#include "batch/statements_job.h"

namespace clause {

// How often the coordinator looks whether its items are done.
inline constexpr std::chrono::milliseconds kCoordinatorPoll{200};

// `clause nightly --workers`: every statements and invoices job this process runs coordinates
// workers, as if given --workers (the nightly's other steps stay in the process).
void coordinate_workers_in_this_process(bool on);
bool coordinating_workers_in_this_process();

// run_statements and run_invoices (same outcome, same files), the contracts processed by workers.
// Throws std::runtime_error (kWorkersNeedPostgres) on SQLite, before anything is recorded.
StatementsOutcome run_statements_on_workers(RunContext& context, const DocumentEngine& engine,
                                            const StatementsRequest& request, Instant now);
InvoicesOutcome run_invoices_on_workers(RunContext& context, const DocumentEngine& engine,
                                        const InvoicesRequest& request, Instant now);

}  // namespace clause
