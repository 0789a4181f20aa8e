// The four documents the invoice and Factur-X tests share, with their figures worked out by hand
// (RULES B2, B4, B6). Amounts are computed by rules/invoice_arithmetic, as the invoices job does;
// the tests check them against the hand computations written here.
#pragma once

#include "model/provider.h"
#include "reports/invoice/invoice_document.h"
#include "rules/invoice_arithmetic.h"

namespace clause::invoice_test {

inline Money eur(std::int64_t cents) { return Money::from_cents(cents); }
inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// VAT key of FR32123456789: (12 + 3 x (123456789 mod 97 = 39)) mod 97 = 129 mod 97 = 32.
inline ProviderIdentity kalanda() {
  ProviderIdentity p;
  p.name = "KALANDA";
  p.legal_form = "SAS";
  p.capital = "100 000 €";
  p.address = "12 rue de la République\n13002 Marseille";
  p.siren = "123456789";
  p.siret = "12345678900012";
  p.rcs = "RCS Marseille 123 456 789";
  p.vat_number = "FR32123456789";
  p.email = "facturation@kalanda.example";
  p.phone = "04 91 00 00 00";
  p.iban = "FR76 3000 4000 0312 3456 7890 143";
  p.bic = "BNPAFRPPXXX";
  return p;
}

// VAT key of FR05987654321: (12 + 3 x (987654321 mod 97 = 30)) mod 97 = 102 mod 97 = 5.
inline InvoiceBuyer clinic() {
  InvoiceBuyer b;
  b.account_id = "CLI-0042";
  b.name = "Clinique des Calanques";
  b.address = "Bâtiment B\n45 avenue du Prado\n13008 Marseille";
  b.siren = "987654321";
  b.vat_number = "FR05987654321";
  return b;
}

inline InvoiceDocument with_totals(InvoiceDocument d, InvoiceTotals totals) {
  d.lines = numbered_lines(totals);
  d.totals = std::move(totals);
  return d;
}

// Monthly invoice of November 2026, issued 1 Nov (B1), due 30 days later:
// 1 x 1 250,00 = 1 250,00 HT; VAT 20 % = 250,00; TTC 1 500,00.
inline InvoiceDocument monthly_invoice() {
  InvoiceDocument d;
  d.number = "FA-2026-000123";
  d.issue_date = day(2026, 11, 1);
  d.due_date = day(2026, 12, 1);
  d.seller = kalanda();
  d.buyer = clinic();
  d.contract_id = "K-2026-001";
  d.period_from = day(2026, 11, 1);
  d.period_to = day(2026, 11, 30);
  return with_totals(
      d, invoice_totals({{"Infogérance serveur srv-web-01 — novembre 2026", Milli{1000}, eur(125000), 2000}}));
}

// Credit note of the October 2026 service credits, correcting FA-2026-000123:
// 125,00 HT; VAT 20 % = 25,00; TTC 150,00.
inline InvoiceDocument credit_note() {
  InvoiceDocument d;
  d.kind = InvoiceKind::credit_note;
  d.number = "AV-2026-000001";
  d.issue_date = day(2026, 11, 5);
  d.seller = kalanda();
  d.buyer = clinic();
  d.contract_id = "K-2026-001";
  d.period_from = day(2026, 10, 1);
  d.period_to = day(2026, 10, 31);
  d.corrects = PrecedingInvoice{"FA-2026-000123", day(2026, 11, 1)};
  d.credit_reason = "avoirs de service du mois d'octobre 2026 (art. 14, relevé SLA-2026-10-K-2026-001)";
  const InvoiceTotals invoice = monthly_invoice().totals;
  return with_totals(
      d, credit_note_totals({{"GTI dépassée de 2 h — incident INC-2026-0042", Milli{1000}, eur(12500), 2000}}, invoice)
             .totals);
}

// December 2026 invoice with three 20 % lines and the deduction of AV-2026-000001 (B4):
//   1 x 1 250,00 = 1 250,00;  1,25 h x 129,00 = 161,25;  2 x 10,00 = 20,00  -> HT 1 431,25
//   VAT 20 % of 1 431,25 = 286,25 (exact); TTC 1 717,50; less 150,00 -> due 1 567,50.
inline InvoiceDocument invoice_with_deduction() {
  InvoiceDocument d;
  d.number = "FA-2026-000157";
  d.issue_date = day(2026, 12, 1);
  d.due_date = day(2026, 12, 31);
  d.seller = kalanda();
  d.buyer = clinic();
  d.contract_id = "K-2026-001";
  d.period_from = day(2026, 12, 1);
  d.period_to = day(2026, 12, 31);
  d = with_totals(
      d, invoice_totals({{"Infogérance serveur srv-web-01 — décembre 2026", Milli{1000}, eur(125000), 2000},
                         {"Intervention hors forfait (heures)", Milli{1250}, eur(12900), 2000},
                         {"Dépassement du quota de messagerie (tranche de 5 Go)", Milli{2000}, eur(1000), 2000}}));
  d.lines[1].unit_code = "HUR";
  d.deductions.push_back(CreditNoteDeduction{"AV-2026-000001", day(2026, 11, 5), eur(15000)});
  return d;
}

// Quarterly contract starting 15 Nov 2026 (B1, B2): Q4 has 92 days, 15 Nov - 31 Dec is 16 + 31 = 47
// days; 3 000,00 x 47 / 92 = 1 532,6087 -> 1 532,61 HT; VAT 20 % = 306,522 -> 306,52; TTC 1 839,13.
inline InvoiceDocument prorated_quarter() {
  InvoiceDocument d;
  d.number = "FA-2026-000140";
  d.issue_date = day(2026, 11, 15);
  d.due_date = day(2026, 12, 15);
  d.seller = kalanda();
  d.buyer = clinic();
  d.buyer.vat_number.clear();  // unknown VAT number: the mention is left out (B8 "when known")
  d.contract_id = "K-2026-014";
  d.period_from = day(2026, 11, 15);
  d.period_to = day(2026, 12, 31);
  return with_totals(d, invoice_totals({{"Infogérance trimestrielle — prorata 47/92 jours (T4 2026)", Milli{1000},
                                         scale_rounded(eur(300000), 47, 92), 2000}}));
}

}  // namespace clause::invoice_test
