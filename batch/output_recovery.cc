#include "batch/output_recovery.h"

#include <spdlog/spdlog.h>

#include "batch/output_files.h"
#include "store/ledger.h"
#include "store/process_liveness.h"

namespace clause {
namespace {

bool is_under(const std::filesystem::path& file, const std::filesystem::path& folder) {
  const std::string f = file.lexically_normal().string(), d = folder.lexically_normal().string();
  return f.size() > d.size() && f.compare(0, d.size(), d) == 0 && (d.back() == '/' || f[d.size()] == '/');
}

}  // namespace

OutputRecovery recover_output(Database& db, const std::filesystem::path& out, bool check_digests) {
  OutputRecovery result;
  if (!std::filesystem::is_directory(out)) return result;
  std::vector<std::filesystem::path> temporaries;
  std::error_code walk_error;
  for (auto it = std::filesystem::recursive_directory_iterator(
           out, std::filesystem::directory_options::skip_permission_denied, walk_error);
       !walk_error && it != std::filesystem::recursive_directory_iterator(); it.increment(walk_error)) {
    if (it->is_regular_file() && !it->is_symlink()) {
      const long pid = temporary_owner_pid(it->path());
      // Another run going on beside this one may still be writing its temporary files.
      if (pid > 0 && !other_clause_process_running(pid)) temporaries.push_back(it->path());
    }
  }
  if (walk_error) result.problems.push_back(out.string() + ": cannot be read whole: " + walk_error.message());

  for (const auto& temporary : temporaries) {
    const auto target = target_of_temporary(temporary);
    const auto recorded = find_document_file(db, target.string());
    std::error_code ignored;
    if (recorded && !std::filesystem::exists(std::filesystem::symlink_status(target)) &&
        sha256_of_file(temporary) == recorded->file.sha256) {
      publish(temporary, target);
      result.published.push_back(target.string());
      spdlog::info("published {}: its ledger row had committed when the run that wrote it stopped", target.string());
    } else {
      std::filesystem::remove(temporary, ignored);
      result.removed.push_back(temporary.string());
      spdlog::debug("removed {}: left by a run that stopped before its document was recorded", temporary.string());
    }
  }

  for (const RecordedFile& f : load_document_files(db)) {
    if (!is_under(f.file.path, out)) continue;
    const std::string owner = std::string{to_word(f.kind)} + " of contract " + f.contract_id + " for " + f.period;
    if (!std::filesystem::exists(f.file.path))
      result.problems.push_back(f.file.path + ": the " + owner + " is recorded in the ledger but its file is missing");
    else if (check_digests && sha256_of_file(f.file.path) != f.file.sha256)
      result.problems.push_back(f.file.path + ": the " + owner + " does not have the SHA-256 the ledger recorded");
  }
  for (const auto& p : result.problems) spdlog::error("{}", p);
  return result;
}

}  // namespace clause
