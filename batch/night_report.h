// The nightly report (issue 12): what one night did, for the operator who reads cron's mail in the
// morning and for the record. Each step of the night adds its outcome; the documents are read back
// from the ledger (those issued on the night's date), so a night finished by a second run reports
// everything it holds, not only the second run's part. Written as
// OUT/nightly/YYYY/nightly-YYYY-MM-DD.pdf and .xlsx (replaced whole when the night is run again),
// and summed up on one screen on stderr.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "batch/invoices_job.h"
#include "batch/schedule_entries.h"
#include "batch/statements_job.h"
#include "reports/layout/layout.h"
#include "reports/pdf/pdf_renderer.h"
#include "store/ledger.h"

namespace clause {

struct NightReport {
  struct Step {
    std::string name;
    int exit_code = 0;
    std::string summary;  // the step's own one-line account
  };
  struct Skip {
    std::string step;
    std::string contract_id;
    std::string reason;
  };
  struct MailWarning {  // B5: the client to warn of a first exceedance
    std::string contract_id;
    std::string client;
    Date day{};
    std::int64_t megabytes = 0;
    int quota_gb = 0;
  };
  Date night{};
  bool dry_run = false;  // a rehearsal on a copy: nothing of it was issued
  std::vector<Step> steps;
  std::vector<IssuedDocument> issued;  // issued on the night's date: statements, invoices, credit notes
  std::vector<Skip> skipped;
  std::vector<CorrectiveStatement> corrected;
  std::vector<CreditDrift> drifted;  // statements the data no longer matches, not corrected
  std::vector<WaitingCredit> waiting;
  std::vector<MailWarning> mail_warnings;
  std::vector<std::string> failures;  // a step that stopped, files the ledger holds but are missing
  Schedule upcoming;                  // the échéancier of the next 7 days

  // Adds a job's outcome under step `name`.
  void add(const std::string& name, int exit_code, const std::string& summary, const StatementsOutcome& outcome);
  void add(const std::string& name, int exit_code, const std::string& summary, const InvoicesOutcome& outcome);
};

// The report as a document (PDF and XLSX from the same layout), in `language`.
layout::Document night_report_document(const NightReport& report, const std::string& provider, Language language);

// The one-screen summary for stderr: documents per kind with totals HT/TTC, credits, skipped,
// corrections, waiting credits, the next 7 days, failures; at most about 24 lines (lists cut with
// "... and N more, see the report").
std::string night_summary(const NightReport& report, const std::filesystem::path& pdf);

struct NightReportFiles {
  std::filesystem::path pdf;
  std::filesystem::path workbook;
};

// Writes the PDF (through `renderer`) and the XLSX under OUT/nightly/YYYY/, atomically.
NightReportFiles write_night_report(const NightReport& report, const pdf::PdfRenderer& renderer,
                                    const std::filesystem::path& out, const std::string& provider, Language language);

}  // namespace clause
