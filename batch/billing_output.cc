#include "batch/billing_output.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "batch/output_files.h"
#include "reports/facturx/facturx_document.h"

namespace clause {
namespace {

int documents_committed = 0;

// The document count at which the hook fires at `point`, or 0.
int kill_at(const char* point) {
  const char* n = std::getenv("CLAUSE_KILL_AFTER_DOCUMENTS");
  if (!n || !*n) return 0;
  const char* p = std::getenv("CLAUSE_KILL_POINT");
  const std::string chosen = p && *p ? p : "committed";
  return chosen == point ? std::atoi(n) : 0;
}

}  // namespace

InvoiceBuyer buyer_of(const Account& account) {
  InvoiceBuyer b;
  b.account_id = account.id;
  b.name = account.name;
  b.address = account.address;
  b.siren = account.siren;
  b.vat_number = account.vat_number;
  return b;
}

std::filesystem::path BillingOutput::year_folder(int year) const { return out_ / "invoices" / std::to_string(year); }

void BillingOutput::write(const InvoiceDocument& document, const Account& account, IssuedDocument& record) const {
  const Language language = engine_.language_of(account.language);
  const Instant created{std::chrono::sys_days{document.issue_date}};
  const std::string pdf = facturx::render_facturx_pdf(document, engine_.templates(language), engine_.pdf(), language,
                                                      created);
  const auto path = year_folder(int(document.issue_date.year())) /
                    (safe_file_name(account.name) + "-" + safe_file_name(account.id)) /
                    (document.number + ".pdf");   // FA-/AV-YYYY-NNNNNN: already a safe name
  write_file_atomically(path, pdf);
  record.path = path.string();
  record.sha256 = sha256_hex(pdf);
}

void kill_point_written() {
  if (int n = kill_at("written"); n > 0 && documents_committed + 1 == n) ::_exit(9);
}

void kill_point_committed() {
  ++documents_committed;
  if (int n = kill_at("committed"); n > 0 && documents_committed == n) ::_exit(9);
}

}  // namespace clause
