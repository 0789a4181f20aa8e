// `clause gdpr`: the GDPR inactivity job (RULES G1-G6, docs/gdpr.md). On a run date it lists the
// accounts inactive, kept and soon inactive and the legal documents past retention (batch/gdpr_list.h),
// queues one reminder per soon-inactive account and inactivity period for `clause send` to e-mail
// (G4, batch/gdpr_reminder_mail.h), and
// with `apply` purges each purgeable account in its own transaction (G3: people erased, quoting
// texts scrubbed, statements and reminders removed, legal documents kept, an audit row with no
// personal data, also appended to the audit file before the commit) and destroys the documents
// past retention (G6). `replay` applies again every purge and destruction of the audit file that
// the database does not hold (a restore from an older backup, G5).
#pragma once

#include <filesystem>

#include "batch/document_engine.h"
#include "batch/run_context.h"
#include "model/time.h"

namespace clause {

struct GdprRequest {
  Date date{};
  std::filesystem::path out;  // the output folder (lists under gdpr/)
  bool apply = false;
  bool replay = false;
  std::filesystem::path audit_file;  // the configuration's [gdpr] audit_file unless overridden
  std::filesystem::path outbox;      // where `clause send` writes .eml messages (removed by a purge)
};

// Runs the job; the exit code (batch/exit_codes.h). Test hook: CLAUSE_KILL_POINT=gdpr_erased,
// gdpr_audited or gdpr_committed kills the process at that point of the Nth account purge
// (CLAUSE_KILL_AFTER_ACCOUNTS, default 1).
int run_gdpr(RunContext& context, const DocumentEngine& engine, const GdprRequest& request, Instant now);

}  // namespace clause
