// The invoice and credit-note documents built from their inputs (RULES B4, B6, B8): one pure
// function per kind, build_invoice() and build_credit_note(), both assembling InvoiceDocument through
// the same parties and terms, so the invoices and credit notes jobs cannot fill it differently.
// The inputs are model values and rule outcomes (totals from rules/invoice_arithmetic, deductions
// from rules/credit_deductions, the corrected invoice from rules/corrected_invoice); the wording of
// the credit reason comes from templates/<lang>/billing.json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/provider.h"
#include "model/terms.h"
#include "model/time.h"
#include "reports/invoice/billing_wording.h"
#include "reports/invoice/invoice_document.h"
#include "rules/credit_deductions.h"
#include "rules/invoice_arithmetic.h"

namespace clause {

// B8: the buyer's mentions copied from the account (name, address, SIREN and VAT number when known).
InvoiceBuyer buyer_of(const Account& account);

// What every billing document carries besides its lines: number, date, parties, terms (B7, B8).
struct BillingParties {
  std::string number;  // B7, from the ledger
  Date issued_on{};
  ProviderIdentity seller;
  Account buyer;
  std::string contract_id;
  BillingTerms terms;  // payment days, late penalty, recovery indemnity
};

struct InvoiceInputs {
  BillingParties parties;
  Date period_from{}, period_to{};            // the days billed, both included
  InvoiceTotals totals;                       // B6: invoice_totals() of the lines
  std::vector<std::string> unit_codes;        // one per line (UN/ECE rec. 20), "C62" when shorter
  std::vector<CreditNoteBalance> deductions;  // B4: credit_notes_to_deduct()
  std::vector<std::string> notes;             // printed and written as BT-22
};

// B4, B6, B8: the invoice, due `terms.payment_days` after its issue, deducting `deductions`.
InvoiceDocument build_invoice(const InvoiceInputs& inputs);

struct CreditNoteInputs {
  BillingParties parties;
  YearMonth month{};                      // the month whose credits it grants
  Date contract_start{};                  // the period starts on the later of the 1st and this
  CreditNoteTotals totals;                // B6: credit_note_totals(), without error
  PrecedingInvoice corrects;              // B4: choose_invoice_to_correct() (BT-25, BT-26)
  std::string statement;                  // "RM-CTR-X-2026-11": the statement of the credits
  std::optional<std::string> corrective;  // "RM-CTR-X-2026-11-R1" for a further credit note
};

// B4, B6: the credit note of `month`'s credits, its reason worded by `wording`.
InvoiceDocument build_credit_note(const CreditNoteInputs& inputs, const BillingWording& wording);

}  // namespace clause
