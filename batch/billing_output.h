// Where and how the invoices job writes an invoice or credit note: the Factur-X PDF (PDF/A-3 with
// factur-x.xml) rendered in the client's language, dated by its issue date at 00:00 UTC (never the
// wall clock: a rerun gives the same bytes), written atomically to
// out/invoices/YYYY/<client>-<account>/NUMBER.pdf. Also the B8 parties copied at issue time, and
// the hidden crash hook of the rerun tests.
#pragma once

#include <filesystem>

#include "batch/document_engine.h"
#include "model/account.h"
#include "reports/invoice/invoice_document.h"
#include "store/ledger.h"

namespace clause {

// B8: the buyer's mentions copied from the account (name, address, SIREN and VAT number when known).
InvoiceBuyer buyer_of(const Account& account);

class BillingOutput {
 public:
  BillingOutput(const DocumentEngine& engine, std::filesystem::path out) : engine_(engine), out_(std::move(out)) {}

  const DocumentEngine& engine() const { return engine_; }
  const std::filesystem::path& out() const { return out_; }
  // The folder of a year's billing files: out/invoices/YYYY.
  std::filesystem::path year_folder(int year) const;
  // Renders `document` (its number set) for `account` and writes it; sets record.path and sha256.
  void write(const InvoiceDocument& document, const Account& account, IssuedDocument& record) const;

 private:
  const DocumentEngine& engine_;
  std::filesystem::path out_;
};

// Test hook (never set in production): with CLAUSE_KILL_AFTER_DOCUMENTS=N the process ends with
// _exit(9) at the Nth document of the run: right after its transaction commits (default), or,
// with CLAUSE_KILL_POINT=written, after its file is in place but before the commit.
void kill_point_written();
void kill_point_committed();

}  // namespace clause
