// Issuing a document so that the files in out/ and the ledger always agree (ARCHITECTURE
// invariant 1): the files are rendered to temporary names beside their targets and flushed, the
// ledger row and the files' paths and digests commit together, and only then are the files renamed
// into place. A failed commit (disk full, database gone) leaves no file under a document's name;
// a crash between commit and rename leaves a temporary file that the next run publishes
// (batch/output_recovery.h). A target already on disk that the ledger does not hold is never
// overwritten.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/ledger.h"

namespace clause {

// A rendered file waiting for its ledger row: written and flushed at `temporary`.
struct StagedFile {
  std::filesystem::path temporary;
  std::filesystem::path target;
  std::string sha256;
};

// Stages `bytes` for `target` (temporary file, fsync) and returns it.
StagedFile stage_bytes(const std::filesystem::path& target, std::string_view bytes);
// Stages a file a library already wrote at temporary_name(target) (libxlsxwriter): fsync, digest.
StagedFile stage_written(const std::filesystem::path& target);
// Removes the temporary files of documents that will not be published; never throws.
void discard(const std::vector<StagedFile>& staged);

// issue_document (store/ledger.h) with its files: `stage` renders the document knowing its number
// and returns its staged files (the first is the document's main file: path and sha256 of the
// record are set from it). After the commit the files are renamed into place, at once or, within
// a GroupCommit of `db`, once the commit is on disk (their folders are flushed at the run's end:
// publish_issued_documents); when nothing was committed (an exception, or the document was
// already issued), the staged files are removed.
// Throws TargetExists when a target is already on disk without a ledger row.
IssueResult issue_and_publish(Database& db, const IssuedDocument& draft,
                              const std::function<std::vector<StagedFile>(IssuedDocument&)>& stage);

// Group commit (issue 16). Each document's commit flushed SQLite's write-ahead log to disk, ~0.8 ms
// of fdatasync: 4.0 of the 9.5 s of 10,000 clients' invoices, on the main thread that bounds them.
// Within this scope the commits of `db` (an SQLite file; elsewhere nothing changes) are not flushed
// one by one (Database::defer_commit_flush): the files of a committed document are held under their
// temporary names, and every `documents_per_flush` documents, and when the run publishes, the
// commits are flushed once and the held files renamed into place. A file still reaches its name
// only once its ledger row is on disk (invariant 1). A process killed after a commit leaves the
// documents committed since the last flush under temporary names, as a kill between commit and
// rename always did, and the next run publishes them (output_recovery.h); a power cut may undo
// those commits, whose files never got their names: the next run removes them and issues the
// documents again, under the same numbers (nothing of them had left the machine).
// One scope at a time, on the thread that issues the documents.
class GroupCommit {
 public:
  // A flush per 64 documents: 78 for 4,987 invoices instead of 4,987, and a power cut issues at
  // most 64 documents again.
  static constexpr std::size_t kDocumentsPerFlush = 64;
  GroupCommit(Database& db, std::size_t documents_per_flush);
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;
  // Publishes what is still held (an error is logged: the files stay for the next run) and flushes
  // each commit again.
  ~GroupCommit();
};

// Flushes the commits of documents held by a GroupCommit, renames their files into place, then
// flushes the folders documents were renamed into (output_files.h): a run calls it before its
// manifest says the documents are there, a worker before it marks an item done.
void publish_issued_documents();

struct TargetExists : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Test hooks (never set in production): with CLAUSE_KILL_AFTER_DOCUMENTS=N the process ends with
// _exit(9) at the Nth document issued by the run (`document`, counted from 1): with
// CLAUSE_KILL_POINT=staged (or "written") after its files are staged and before the commit, with
// "committed" (the default) after the commit and before the files are published, with "published"
// once they are in place. CLAUSE_DOCUMENTS_PER_FLUSH=N makes a GroupCommit flush every N
// documents, so that a kill after a flush lands within a few documents of the run's start.
void kill_point(std::string_view point, int document);

}  // namespace clause
