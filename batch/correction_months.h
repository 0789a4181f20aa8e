// Which older months need their statements checked again tonight (issue 12, corrections): a late
// change to the data of a month whose statements are issued (an incident of two months ago
// imported tonight) must give its corrective statement, whatever the month. Recomputing every
// statement of every month each night would make a night slower with each month of history, so
// each watched month keeps a fingerprint of its inputs (migration 009): the SHA-256 of the rows its
// statements read (incidents, outages, interventions, tickets, root access, backups and mail usage
// of the month and the 40 days before it, for the B5 grace and the K1 retention; contracts,
// services, fees and reversibility requests whole). A night reads those rows once, in one pass per
// table over the watched months, hashes them, and reruns the statements job only for a month
// whose fingerprint changed (or was never taken). The months watched are the
// [nightly] corrections_months before the night's month that hold issued statements; the month
// before itself is the corrections step's (batch/nightly.cc), which runs every night anyway.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/time.h"
#include "store/database.h"

namespace clause {

// The months of [first, last] holding issued statements (originals or corrections), in order.
std::vector<YearMonth> months_with_statements(Database& db, YearMonth first, YearMonth last);

// The input fingerprint (64 hex digits) of each of `months`, computed in one pass per table.
std::map<YearMonth, std::string> statement_input_fingerprints(Database& db, const std::vector<YearMonth>& months);

// The fingerprint recorded for `month`, if any; and recording one (checked on `night`).
std::optional<std::string> recorded_fingerprint(Database& db, YearMonth month);
void record_fingerprint(Database& db, YearMonth month, const std::string& sha256, Date night);

}  // namespace clause
