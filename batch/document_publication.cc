#include "batch/document_publication.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "batch/output_files.h"
#include "store/document_planning.h"

namespace clause {
namespace {

int documents_issued = 0;

// A document committed, its files waiting under their temporary names (GroupCommit).
struct HeldDocument {
  std::vector<StagedFile> files;
  int ordinal;  // for the kill point
};

// The GroupCommit in force: one at a time, used on the thread that issues the documents.
struct Held {
  Database* db = nullptr;
  std::size_t documents_per_flush = 0;
  std::vector<HeldDocument> documents;
};
Held& held() {
  static Held state;
  return state;
}

void publish_now(const std::vector<StagedFile>& files, int ordinal) {
  for (const auto& s : files) publish_unflushed(s.temporary, s.target);  // folders flushed at the run's end
  kill_point("published", ordinal);
}

// Puts the held documents' commits on disk, then gives their files their names. After an error the
// files not renamed stay under their temporary names, which the next run publishes from the ledger.
void publish_held() {
  auto& state = held();
  if (state.documents.empty()) return;
  std::vector<HeldDocument> documents;
  documents.swap(state.documents);
  state.db->flush_commits();
  for (const auto& d : documents) publish_now(d.files, d.ordinal);
}

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

void kill_point(std::string_view point, int document) {
  if (planning_documents()) return;  // issue 16: a worker's planning pass issues nothing
  if (int n = kill_at(point); n > 0 && document == n) ::_exit(9);
}

GroupCommit::GroupCommit(Database& db, std::size_t documents_per_flush) {
  auto& state = held();
  if (state.db) throw std::logic_error("a GroupCommit is already in force");
  if (const char* n = std::getenv("CLAUSE_DOCUMENTS_PER_FLUSH"); n && *n) documents_per_flush = std::atoi(n);
  db.defer_commit_flush(true);
  state = {&db, std::max<std::size_t>(documents_per_flush, 1), {}};
}

GroupCommit::~GroupCommit() {
  auto& state = held();
  try {
    publish_held();
  } catch (const std::exception& e) {
    spdlog::error("documents committed but not yet renamed into place, left for the next run: {}", e.what());
  }
  try {
    state.db->flush_commits();  // what the run wrote after its documents (its own row)
    state.db->defer_commit_flush(false);
  } catch (const std::exception& e) {
    spdlog::error("cannot flush the database's last commits: {}", e.what());
  }
  state = {};
}

void publish_issued_documents() {
  std::exception_ptr failed;
  try {
    publish_held();
  } catch (...) {
    failed = std::current_exception();
  }
  flush_published_folders();
  if (failed) std::rethrow_exception(failed);
}

StagedFile stage_bytes(const std::filesystem::path& target, std::string_view bytes) {
  return {write_temporary(target, bytes), target, sha256_hex(bytes)};
}

StagedFile stage_written(const std::filesystem::path& target) {
  const auto tmp = temporary_name(target);
  return {tmp, target, sync_file_and_hash(tmp)};
}

void discard(const std::vector<StagedFile>& staged) {
  for (const auto& s : staged) {
    std::error_code ignored;
    std::filesystem::remove(s.temporary, ignored);
  }
}

IssueResult issue_and_publish(Database& db, const IssuedDocument& draft,
                              const std::function<std::vector<StagedFile>(IssuedDocument&)>& stage) {
  const int ordinal = documents_issued + 1;
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
      kill_point("staged", ordinal);
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
  kill_point("committed", ordinal);
  ++documents_issued;
  if (auto& state = held(); state.db == &db && db.commit_flush_deferred()) {
    state.documents.push_back({std::move(staged), ordinal});
    if (state.documents.size() >= state.documents_per_flush) publish_held();
  } else {
    publish_now(staged, ordinal);
  }
  return result;
}

}  // namespace clause
