// The GDPR inactivity list of a run date (RULES G1-G6) for the record of processing (PDF) and the
// team (XLSX), made through the document engine from templates/LANG/gdpr_list.xml.mustache:
// OUT/gdpr/gdpr-<date>.pdf and .xlsx, written atomically (a rerun of the day replaces them whole).
// It names accounts by id and company name only: it holds no personal data, so a purge keeps it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/document_engine.h"
#include "rules/personal_data.h"
#include "store/gdpr_ledger.h"

namespace clause {

// One line of the list: an account's status with what the run did about it.
struct GdprListAccount {
  const Account* account = nullptr;
  AccountDataStatus status;
  bool purged = false;                     // --apply purged it in this run (or an earlier one)
  std::optional<ReminderRecord> reminder;  // G4: its reminder for this period, queued or e-mailed
};

struct GdprListDocument {
  RetainedDocument document;
  Date kept_until{};  // last day of its retention (G6)
  bool destroyed = false;
};

struct GdprList {
  Date date{};
  bool applied = false;
  std::string run_id;
  std::vector<GdprListAccount> accounts;  // inactive, kept and soon-inactive ones, by account id
  std::vector<GdprListDocument> expired;
};

// The template data (templates/*/gdpr_list.schema.json) of `list` in `language`.
nlohmann::json gdpr_list_data(const GdprList& list, const ProviderIdentity& provider, Language language);

struct GdprListFiles {
  std::filesystem::path pdf;
  std::filesystem::path workbook;
};

// Renders and writes the list under `out`/gdpr/.
GdprListFiles write_gdpr_list(const GdprList& list, const DocumentEngine& engine, const std::filesystem::path& out);

}  // namespace clause
