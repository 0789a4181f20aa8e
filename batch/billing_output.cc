#include "batch/billing_output.h"

#include <string>

#include "batch/output_paths.h"
#include "reports/facturx/facturx_document.h"
#include "store/document_planning.h"

namespace clause {

std::filesystem::path BillingOutput::year_folder(int year) const { return out_ / "invoices" / std::to_string(year); }

StagedFile BillingOutput::stage(const InvoiceDocument& document, const Account& account) const {
  const Language language = engine_.language_of(account.language);
  const Instant created{std::chrono::sys_days{document.issue_date}};
  const auto path = year_folder(int(document.issue_date.year())) /
                    client_folder_name(account.name, account.id) /
                    (document.number + ".pdf");   // FA-/AV-YYYY-NNNNNN: already a safe name
  // Issue 16: a worker's planning pass learns which documents an item issues, not their bytes.
  if (planning_documents()) return StagedFile{{}, path, std::string(64, '0')};
  const std::string pdf = facturx::render_facturx_pdf(document, engine_.templates(language), engine_.pdf(), language,
                                                      created);
  return stage_bytes(path, pdf);
}

}  // namespace clause
