#include "batch/run_findings.h"

#include <spdlog/spdlog.h>

#include "batch/exit_codes.h"

namespace clause {

void add_run_findings(nlohmann::ordered_json& manifest, const OutputRecovery& recovery,
                      const std::vector<long long>& interrupted_runs, const std::optional<std::string>& stopped) {
  manifest["interrupted_runs"] = interrupted_runs;
  manifest["recovered_files"] = recovery.published;
  manifest["removed_temporary_files"] = recovery.removed.size();
  manifest["file_problems"] = recovery.problems;
  if (stopped) manifest["stopped"] = *stopped;
}

RunStatus run_status(const std::optional<std::string>& stopped, bool nothing_skipped) {
  if (stopped) return RunStatus::failed;
  return nothing_skipped ? RunStatus::succeeded : RunStatus::partial;
}

void finish_run_if_possible(Database& db, long long run_id, Instant finished, RunStatus status, RunCounts counts) {
  try {
    finish_run(db, run_id, finished, status, counts);
  } catch (const std::exception& e) {
    spdlog::error("run {} could not be recorded as finished ({}): the next run will mark it interrupted", run_id,
                  e.what());
  }
}

int issuing_exit_code(const std::optional<std::string>& stopped, int documents_issued, bool anything_to_look_at) {
  if (stopped) return documents_issued > 0 ? kStoppedPartWay : kFailure;
  return anything_to_look_at ? kDoneWithRejects : kDone;
}

}  // namespace clause
