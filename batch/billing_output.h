// Where and how the invoices job writes an invoice or credit note: the Factur-X PDF (PDF/A-3 with
// factur-x.xml) rendered in the client's language, dated by its issue date at 00:00 UTC (never the
// wall clock: a rerun gives the same bytes), staged for out/invoices/YYYY/<client folder>/NUMBER.pdf
// (batch/output_paths.h) and published once its ledger row commits (batch/document_publication.h).
#pragma once

#include <filesystem>

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

 private:
  const DocumentEngine& engine_;
  std::filesystem::path out_;
};

}  // namespace clause
