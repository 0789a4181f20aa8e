// Where and how the invoices job writes an invoice or credit note: the Factur-X PDF (PDF/A-3 with
// factur-x.xml) rendered in the client's language, dated by its issue date at 00:00 UTC (never the
// wall clock: a rerun gives the same bytes), staged for out/invoices/YYYY/<client folder>/NUMBER.pdf
// (batch/output_paths.h) and published once its ledger row commits (batch/document_publication.h).
#pragma once

#include <filesystem>
#include <string>
#include <utility>

#include "batch/document_engine.h"
#include "batch/document_publication.h"
#include "model/account.h"
#include "reports/invoice/invoice_document.h"
#include "store/ledger.h"

namespace clause {

class BillingOutput {
 public:
  BillingOutput(const DocumentEngine& engine, std::filesystem::path out) : engine_(engine), out_(std::move(out)) {}

  const DocumentEngine& engine() const { return engine_; }
  const std::filesystem::path& out() const { return out_; }
  // The folder of a year's billing files: out/invoices/YYYY.
  std::filesystem::path year_folder(int year) const;
  // Renders `document` (its number set) for `account` and stages it under its final path.
  StagedFile stage(const InvoiceDocument& document, const Account& account) const;
  // The same, rendered ahead on a worker (issue 16): staged under the ahead name of its final path
  // (batch/billing_pipeline.h), adopted by the transaction only if the document is the same.
  StagedFile stage_ahead(const InvoiceDocument& document, const Account& account) const;

 private:
  // The document's final path and its PDF bytes.
  std::pair<std::filesystem::path, std::string> render(const InvoiceDocument& document, const Account& account) const;
  const DocumentEngine& engine_;
  std::filesystem::path out_;
};

}  // namespace clause
