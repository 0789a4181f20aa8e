// `clause worker` (issue 16): one of N processes, on one machine or several, sharing one PostgreSQL
// and one output folder. It claims the work items a coordinator planned (store/work_items.h), one
// at a time, and processes each contract with the single run's code (batch/job_items.h): the same
// documents, bytes and numbers as one `clause statements` or `clause invoices`. Its invoice and
// credit note numbers come from short reservations in seq order (store/number_reservation.h), so
// that renders run side by side. Killed, it hands its item back (its transaction ends).
#pragma once

#include <optional>
#include <string>

#include "batch/run_context.h"

namespace clause {

struct WorkerOptions {
  std::string name;                    // recorded on the items it did; empty: "<host>:<pid>"
  std::optional<double> idle_seconds;  // ends after this long with nothing to claim; unset: never
};

// Claims and processes items until idle for options.idle_seconds (or for ever); the exit code:
// kDone, kFailure (SQLite, or the database gone: the item in hand goes back to the queue).
int run_worker(RunContext& context, const WorkerOptions& options);

// The message `clause worker` and a coordinator give on SQLite.
inline constexpr const char* kWorkersNeedPostgres =
    "workers share one PostgreSQL database: this configuration's is SQLite (set database.url, or --db)";

}  // namespace clause
