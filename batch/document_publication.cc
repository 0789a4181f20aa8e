#include "batch/document_publication.h"

#include <unistd.h>

#include <cstdlib>

#include "batch/output_files.h"
#include "store/document_planning.h"

namespace clause {
namespace {

int documents_issued = 0;

// The count of documents at which the hook fires at `point`, or 0.
int kill_at(std::string_view point) {
  const char* n = std::getenv("CLAUSE_KILL_AFTER_DOCUMENTS");
  if (!n || !*n) return 0;
  const char* p = std::getenv("CLAUSE_KILL_POINT");
  std::string chosen = p && *p ? p : "committed";
  if (chosen == "written") chosen = "staged";
  return chosen == point ? std::atoi(n) : 0;
}

}  // namespace

void kill_point(std::string_view point) {
  if (planning_documents()) return;  // issue 16: a worker's planning pass issues nothing
  if (int n = kill_at(point); n > 0 && documents_issued + 1 == n) ::_exit(9);
}

StagedFile stage_bytes(const std::filesystem::path& target, std::string_view bytes) {
  return {write_temporary(target, bytes), target, sha256_hex(bytes)};
}

StagedFile stage_written(const std::filesystem::path& target) {
  const auto tmp = temporary_name(target);
  sync_file(tmp);
  return {tmp, target, sha256_of_file(tmp)};
}

void discard(const std::vector<StagedFile>& staged) {
  for (const auto& s : staged) {
    std::error_code ignored;
    std::filesystem::remove(s.temporary, ignored);
  }
}

IssueResult issue_and_publish(Database& db, const IssuedDocument& draft,
                              const std::function<std::vector<StagedFile>(IssuedDocument&)>& stage) {
  std::vector<StagedFile> staged;
  IssueResult result;
  try {
    result = issue_document(db, draft, [&](IssuedDocument& record) {
      staged = stage(record);
      std::vector<DocumentFile> files;
      for (const auto& s : staged) {
        // Checked under the document's lock: an unknown file under a document's name is an
        // operator's to look at (a copy, a file from another tool), never ours to replace.
        if (std::filesystem::exists(std::filesystem::symlink_status(s.target)))
          throw TargetExists(s.target.string() +
                             " is already on disk but the ledger holds no document there: not "
                             "overwritten (move it away, then rerun)");
        files.push_back({s.target.string(), s.sha256});
      }
      if (!files.empty()) {
        record.path = files.front().path;
        record.sha256 = files.front().sha256;
      }
      kill_point("staged");
      return files;
    });
  } catch (...) {
    discard(staged);
    throw;
  }
  if (!result.newly_issued || planning_documents()) {  // issue 16: planned, not issued: nothing to publish
    discard(staged);
    return result;
  }
  // Committed: from here on the files must reach their names; if a rename fails, the temporary
  // file stays for the next run to publish (output_recovery.h).
  kill_point("committed");
  for (const auto& s : staged) publish_unflushed(s.temporary, s.target);  // flushed at the run's end
  kill_point("published");
  ++documents_issued;
  return result;
}

}  // namespace clause
