// Issuing a document so that the files in out/ and the ledger always agree (ARCHITECTURE
// invariant 1): the files are rendered to temporary names beside their targets and flushed, the
// ledger row and the files' paths and digests commit together, and only then are the files renamed
// into place. A failed commit (disk full, database gone) leaves no file under a document's name;
// a crash between commit and rename leaves a temporary file that the next run publishes
// (batch/output_recovery.h). A target already on disk that the ledger does not hold is never
// overwritten.
#pragma once

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
// record are set from it). After the commit the files are renamed into place (their folders are
// flushed at the run's end: flush_published_folders, output_files.h); when nothing was committed
// (an exception, or the document was already issued), the staged files are removed.
// Throws TargetExists when a target is already on disk without a ledger row.
IssueResult issue_and_publish(Database& db, const IssuedDocument& draft,
                              const std::function<std::vector<StagedFile>(IssuedDocument&)>& stage);

struct TargetExists : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Test hooks (never set in production): with CLAUSE_KILL_AFTER_DOCUMENTS=N the process ends with
// _exit(9) at the Nth document issued by the run: with CLAUSE_KILL_POINT=staged (or "written")
// after its files are staged and before the commit, with "committed" (the default) after the
// commit and before the files are published, with "published" once they are in place.
void kill_point(std::string_view point);

}  // namespace clause
