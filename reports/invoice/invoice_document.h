// One invoice (UNTDID 1001 type code 380) or credit note (avoir, 381) as issued: everything the PDF,
// the Factur-X XML and the ledger need, already decided. The document layer only copies: every
// amount comes from rules/invoice_arithmetic (B6), numbers from the ledger (B7), wording of the
// legal mentions (B8) from the templates. The same struct feeds cii_xml() and invoice_data(), so
// the XML and the printed page cannot disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "model/money.h"
#include "model/provider.h"
#include "model/time.h"
#include "rules/invoice_arithmetic.h"

namespace clause {

enum class InvoiceKind { invoice, credit_note };

// The billed company (B8 buyer mentions). Company data, copied from Account at issue time.
struct InvoiceBuyer {
  std::string account_id;  // also BT-46, the buyer identifier in the XML
  std::string name;
  std::string address;              // lines separated by "\n"; "13002 Marseille" read as postcode + city
  std::string country_code = "FR";  // ISO 3166-1 alpha-2 (BT-55)
  std::string siren;                // empty when unknown
  std::string vat_number;           // empty when unknown
  friend bool operator==(const InvoiceBuyer&, const InvoiceBuyer&) = default;
};

// A printed line: InvoiceTotals.lines[i] with its line number (BT-126).
struct InvoiceLine {
  std::string id;  // "1", "2"...
  std::string description;
  Milli quantity{1000};
  Money unit_price;  // HT
  int vat_rate_basis_points = 2000;
  Money total_ht;                 // from invoice_totals(), never recomputed here
  std::string unit_code = "C62";  // UN/ECE rec. 20: C62 one, HUR hour, MON month
  friend bool operator==(const InvoiceLine&, const InvoiceLine&) = default;
};

// The invoice a credit note corrects (BT-25, BT-26).
struct PrecedingInvoice {
  std::string number;
  Date issue_date{};
  friend bool operator==(const PrecedingInvoice&, const PrecedingInvoice&) = default;
};

// An earlier credit note deducted from this invoice (B4): shown with its number and amount TTC.
struct CreditNoteDeduction {
  std::string credit_note_number;  // "AV-2026-000001"
  Date issue_date{};
  Money amount_ttc;  // the credit note's total TTC
  friend bool operator==(const CreditNoteDeduction&, const CreditNoteDeduction&) = default;
};

struct InvoiceDocument {
  InvoiceKind kind = InvoiceKind::invoice;
  std::string number;  // B7, from the ledger
  Date issue_date{};
  std::optional<Date> due_date;  // invoices: issue date + payment days; credit notes: none
  std::string currency = "EUR";
  ProviderIdentity seller;
  InvoiceBuyer buyer;
  std::string contract_id;  // BT-12
  Date period_from{};       // billing period, both days included (BT-73, BT-74)
  Date period_to{};
  std::vector<InvoiceLine> lines;               // one per totals.lines entry, same order
  InvoiceTotals totals;                         // B6: invoice_totals() or credit_note_totals().totals
  std::optional<PrecedingInvoice> corrects;     // credit notes only (required there)
  std::string credit_reason;                    // credit notes: "Avoirs de service d'octobre 2026 (art. 14)"
  std::vector<CreditNoteDeduction> deductions;  // invoices only (B4)
  std::string late_penalty = "3 fois le taux d'intérêt légal";  // BillingTerms.late_penalty
  Money recovery_indemnity = Money::from_cents(4000);           // L441-10, BillingTerms.recovery_indemnity
  std::vector<std::string> notes;                               // free notes, printed and written as BT-22
};

// "380" for an invoice, "381" for a credit note (UNTDID 1001).
std::string type_code(InvoiceKind kind);

// The printed lines of `totals` numbered from 1 (what InvoiceDocument.lines holds).
std::vector<InvoiceLine> numbered_lines(const InvoiceTotals& totals);

// What the buyer pays (BT-115): total TTC less the credit notes deducted (B4). Deductions are
// settled amounts, not a new VAT base: the credit notes already carry their own VAT.
Money amount_due(const InvoiceDocument& document);

// Empty when the document can be issued, else the first reason it cannot ("credit note
// AV-2026-000001 without the invoice it corrects"). cii_xml() and the renderers throw on it.
std::string document_problem(const InvoiceDocument& document);

}  // namespace clause
