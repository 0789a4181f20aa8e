// The reversibility dossier of a contract (issue 15, RULES R1-R5, K Art. 16): what the provider
// hands over to a leaving client, built on demand as a folder and one archive of it:
//   OUT/reversibility/<client folder>/<contract>/
//     dossier-reversibilite.pdf   the report: schedule R1-R4 with its rule traces, state of the
//                                 services (every statement's figures, incidents, credits,
//                                 interventions), the inventories, what will be destroyed (R5)
//     proces-verbal.pdf           the minutes ready to sign by both parties (R5)
//     inventaires.xlsx            the report's tables, one sheet each
//     documents/<kind>/<file>     a copy of every file of every document issued to the client,
//                                 each checked against the SHA-256 the ledger holds
//     manifest.json               every file of the folder with its size and SHA-256
//   OUT/reversibility/<client folder>/<contract>.zip   the folder, deterministic (dossier_archive.h)
// A missing file or a SHA-256 that differs from the ledger's is an error naming the file: nothing is
// built. The same data and date give the same bytes. The schedule and the dossier are recorded
// (store/reversibility_milestones.h); --record-pv and --record-destruction record R5.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch/document_engine.h"
#include "batch/run_context.h"
#include "store/reversibility_milestones.h"

namespace clause {

struct DossierRequest {
  std::string contract_id;
  Date date{};                             // the dossier's date: printed, and every file's mtime
  std::filesystem::path out;               // output root
  std::optional<Date> record_pv;           // R5: record the minutes signed on this date first
  std::optional<Date> record_destruction;  // R5: record the destruction on this date first
};

// Why no dossier was built: the sentence an operator reads (one per problem).
struct DossierRefused : std::runtime_error {
  explicit DossierRefused(std::vector<std::string> problems);
  std::vector<std::string> problems;
};

struct DossierOutcome {
  std::filesystem::path folder;   // OUT/reversibility/<client>/<contract>
  std::filesystem::path archive;  // OUT/reversibility/<client>/<contract>.zip
  std::string archive_sha256;
  ReversibilityMilestones milestones;  // as recorded after this run
  int documents_checked = 0;           // files of issued documents checked against the ledger
  std::vector<std::string> removed;    // files removed by a destruction (R5)
};

// Builds (or rebuilds) the dossier of `request.contract_id` on `request.date`, recording its
// schedule, and R5 milestones when asked. Throws DossierRefused (nothing built, nothing recorded).
DossierOutcome build_reversibility_dossier(RunContext& context, const DocumentEngine& engine,
                                           const DossierRequest& request);

}  // namespace clause
