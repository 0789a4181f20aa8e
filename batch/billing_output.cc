#include "batch/billing_output.h"

#include <string>

#include "batch/billing_pipeline.h"
#include "batch/output_paths.h"
#include "reports/facturx/facturx_document.h"
#include "store/document_planning.h"

namespace clause {

std::filesystem::path BillingOutput::year_folder(int year) const { return out_ / "invoices" / std::to_string(year); }

std::pair<std::filesystem::path, std::string> BillingOutput::render(const InvoiceDocument& document,
                                                                    const Account& account) const {
  const Language language = engine_.language_of(account.language);
  const Instant created{std::chrono::sys_days{document.issue_date}};
  std::string pdf =
      facturx::render_facturx_pdf(document, engine_.templates(language), engine_.pdf(), language, created);
  auto path = year_folder(int(document.issue_date.year())) / client_folder_name(account.name, account.id) /
              (document.number + ".pdf");  // FA-/AV-YYYY-NNNNNN: already a safe name
  return {std::move(path), std::move(pdf)};
}

StagedFile BillingOutput::stage(const InvoiceDocument& document, const Account& account) const {
  // Issue 16: a worker's planning pass learns which documents an item issues, not their bytes.
  if (planning_documents())
    return StagedFile{{},
                      year_folder(int(document.issue_date.year())) / client_folder_name(account.name, account.id) /
                          (document.number + ".pdf"),
                      std::string(64, '0')};
  const auto [path, pdf] = render(document, account);
  return stage_bytes(path, pdf);
}

StagedFile BillingOutput::stage_ahead(const InvoiceDocument& document, const Account& account) const {
  const auto [path, pdf] = render(document, account);
  return clause::stage_ahead(path, pdf);
}

}  // namespace clause
