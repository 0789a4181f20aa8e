// What a run finds of the runs before it under its output folder, and puts right before it issues
// anything (ARCHITECTURE invariant 1: "the next run removes or completes what a crash left"):
// a temporary file whose writer has ended is published when the ledger holds its target with the
// same SHA-256 (a crash between commit and rename, or a power cut that lost the rename), and
// removed otherwise (a crash before the commit, a failed commit, a partial write). A file rendered
// ahead ("a.pdf.ahead.tmp-42") stands for the same target: a power cut can lose its adoption's
// rename as well (batch/billing_pipeline.h). Then every file the ledger holds under the folder is
// checked to be there with its digest: a missing or changed one is reported, never rewritten.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"

namespace clause {

struct OutputRecovery {
  std::vector<std::string> published;  // targets completed from their temporary file
  std::vector<std::string> removed;    // temporary files of documents never committed
  std::vector<std::string> problems;   // "PATH: recorded in the ledger but missing" ...
};

// Completes and cleans what earlier runs left under `out`. Temporary files of a process still
// running (another run) are left alone. `check_digests` re-reads every recorded file (slower: a
// full check); otherwise only presence is checked.
OutputRecovery recover_output(Database& db, const std::filesystem::path& out, bool check_digests = false);

}  // namespace clause
