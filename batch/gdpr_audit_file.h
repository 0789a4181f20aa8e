// The GDPR audit log kept outside the database (RULES G5; docs/gdpr.md): one JSON object per line,
// appended and fsync'ed BEFORE the database transaction that performs the purge commits. A line
// whose transaction then failed records a purge that was due and is still due, so `clause gdpr
// --replay` applying every line is right either way. Lines hold ids, dates, rule ids and counts:
// no personal data.
#pragma once

#include <filesystem>
#include <variant>
#include <vector>

#include "store/gdpr_ledger.h"

namespace clause {

using GdprAuditEntry = std::variant<PurgeRecord, DestroyedDocument>;

// Appends `entry` as one line to `file` (created with its folder), then fsyncs it.
// Throws std::runtime_error naming the file when it cannot be written.
void append_audit_entry(const std::filesystem::path& file, const GdprAuditEntry& entry);

// Every entry of `file` in order (none when it does not exist). A last line cut short by a crash is
// ignored; any other line that does not parse throws std::runtime_error "FILE:LINE: reason".
std::vector<GdprAuditEntry> read_audit_file(const std::filesystem::path& file);

}  // namespace clause
