// The échéancier for the team: out/schedule/schedule-<from>-<days>.xlsx, one sheet "Échéancier"
// (date, contract, client, rule, what, detail; by date; header frozen, autofilter: the XLSX
// renderer's table), and beside it schedule-<from>-<days>.json, the same items with their trace
// steps. Both written atomically (temporary file, then rename): a rerun replaces them whole.
#pragma once

#include <filesystem>
#include <string>

#include "batch/schedule_entries.h"
#include "reports/layout/layout.h"

namespace clause {

// The workbook's layout: a title and the table of `schedule`'s entries in `language`.
layout::Document schedule_document(const Schedule& schedule, const std::string& provider, Language language);

struct ScheduleFiles {
  std::filesystem::path workbook;  // OUT/schedule/schedule-2026-11-01-60.xlsx
  std::filesystem::path manifest;  // OUT/schedule/schedule-2026-11-01-60.json
};

// Writes the workbook and the manifest of `schedule` under `out`/schedule/.
ScheduleFiles write_schedule(const Schedule& schedule, const std::filesystem::path& out, const std::string& provider,
                             Language language);

}  // namespace clause
