// What every issuing run reports besides its documents, the same way for each kind: what it found
// of earlier runs (interrupted runs, files completed or removed, files missing), whether it stopped
// early, and so its run status and exit code (README "Exit codes").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/output_recovery.h"
#include "store/ledger.h"

namespace clause {

// Adds "interrupted_runs", "recovered_files", "removed_temporary_files", "file_problems" and, when
// the run stopped early, "stopped" to a run's manifest.
void add_run_findings(nlohmann::ordered_json& manifest, const OutputRecovery& recovery,
                      const std::vector<long long>& interrupted_runs, const std::optional<std::string>& stopped);

// failed when stopped, partial when something was skipped, succeeded otherwise.
RunStatus run_status(const std::optional<std::string>& stopped, bool nothing_skipped);

// finish_run, unless the database is the reason the run stopped (then the next run marks it
// interrupted, mark_interrupted_runs).
void finish_run_if_possible(Database& db, long long run_id, Instant finished, RunStatus status, RunCounts counts);

// The exit code of an issuing run: 4 stopped after issuing, 2 stopped before issuing anything,
// 1 something skipped or a file problem found, 0 all done.
int issuing_exit_code(const std::optional<std::string>& stopped, int documents_issued, bool anything_to_look_at);

}  // namespace clause
