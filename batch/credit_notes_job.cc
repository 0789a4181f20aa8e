#include "batch/credit_notes_job.h"

#include "reports/statement/statement_data.h"

#include <map>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "batch/document_vat.h"
#include "batch/invoice_keys.h"
#include "batch/invoice_lines.h"
#include "batch/run_stop.h"
#include "rules/calendar.h"
#include "store/billing_ledger.h"

namespace clause {
namespace {

// A credit note that would credit more than its invoice bears (B6): it waits.
struct CreditRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace

std::optional<CorrectedInvoice> invoice_to_correct(Database& db, const PreparedContract& p, YearMonth month) {
  const Contract& c = p.records.contract;
  const std::string key = invoice_period_key(c, p.terms->billing, month.first_day());
  // R4: a continuity month is billed by its own invoice, in arrears.
  for (const std::string& k : {key, continuity_invoice_key(month)})
    if (auto invoice = find_issued_document(db, DocumentKind::invoice, c.id, k)) {
      std::vector<DocumentVat> vat = load_document_vat(db, *invoice->number);
      if (!vat.empty()) return CorrectedInvoice{*invoice->number, invoice->issued_on, std::move(vat)};
    }
  // Billed before Clause: the former invoice whose period holds the month's first day of service.
  const Date served = std::max(month.first_day(), c.start);
  for (const PriorInvoice& prior : p.records.prior_invoices)
    if (prior.period_from <= served && served <= prior.period_to)
      return CorrectedInvoice{prior.number, prior.issued,
                              {{int(prior.vat_rate.thousandths / 10), prior.total_ht, prior.total_vat}}};
  return std::nullopt;
}

namespace {

// A further credit note due after a corrective statement raised a month's credits (B4): keyed by
// the corrective's ledger period ("2026-11-c1"), for what the month's credit notes have not yet
// credited.
struct FurtherCredit {
  std::string period;                      // "2026-11-c1"
  std::string reference;                   // the corrective statement, "RM-CTR-X-2026-11-R1"
  Money amount;                            // HT
};

// The further credit note of `month` due now, if any: the month's latest corrective statement has
// no credit note of its own, and the month's credits (as the corrective recorded them, `owed`) pass
// what the month's credit notes have credited. When credits went down nothing is due: nothing is
// clawed back.
std::optional<FurtherCredit> further_credit(const std::vector<IssuedDocument>& documents, const std::string& contract_id,
                                            YearMonth month, Money owed) {
  const std::string period = format_year_month(month), prefix = period + "-c";
  const IssuedDocument* latest = nullptr;
  Money credited;
  for (const IssuedDocument& d : documents) {
    const bool of_month = d.period == period || d.period.rfind(prefix, 0) == 0;
    if (!of_month) continue;
    if (d.kind == DocumentKind::credit_note) credited += d.total_ht;
    if (d.kind == DocumentKind::statement && d.period != period && (!latest || d.id > latest->id)) latest = &d;
  }
  if (!latest || owed <= credited) return std::nullopt;
  const std::string revision = latest->period.substr(prefix.size());
  return FurtherCredit{latest->period, "RM-" + contract_id + "-" + period + "-R" + revision, owed - credited};
}

}  // namespace

CreditNotesOfContract issue_credit_notes(Database& db, const BillingOutput& output, const PreparedContract& p,
                                         Date date, long long run_id) {
  CreditNotesOfContract result;
  const Contract& c = p.records.contract;
  const TermsProfile& terms = *p.terms;
  const std::vector<ServiceCredit> credits = load_service_credits_of_contract(db, c.id);
  std::map<YearMonth, Money> by_month;
  for (const auto& credit : credits) by_month[credit.month] += credit.amount;
  const Language language = output.engine().language_of(p.records.account.language);
  const bool fr = language == Language::fr;
  std::optional<std::vector<IssuedDocument>> ledger;   // the contract's documents, read once when needed
  for (const auto& [month, total] : by_month) {
    // Only a month that has ended by the run date, with something to credit.
    if (total <= Money{} || month.next().first_day() > date) continue;
    const std::string statement = "RM-" + c.id + "-" + format_year_month(month);
    std::string period = format_year_month(month);
    std::optional<FurtherCredit> further;
    if (auto existing = find_issued_document(db, DocumentKind::credit_note, c.id, period)) {
      result.documents.push_back({*existing, false});
      if (!ledger) ledger = load_issued_documents_of_contract(db, c.id);
      further = further_credit(*ledger, c.id, month, total);
      if (!further) continue;
      period = further->period;
      if (auto found = find_issued_document(db, DocumentKind::credit_note, c.id, period)) {
        result.documents.push_back({*found, false});
        continue;
      }
    }
    const Money amount = further ? further->amount : total;
    const std::optional<CorrectedInvoice> invoice = invoice_to_correct(db, p, month);
    if (!invoice) {
      result.waiting.push_back({c.id, month, amount,
                                "no invoice of the period from " + invoice_period_key(c, terms.billing, month.first_day()) +
                                    " in the ledger or among the prior invoices to correct"});
      continue;
    }
    const std::vector<DocumentVat>& invoice_vat = invoice->vat;
    const int rate = invoice_vat.size() == 1 ? invoice_vat.front().rate_basis_points : terms.billing.vat_rate_basis_points;
    std::vector<DraftLine> lines;
    if (further) {
      // One line for the difference: the per-service figures are on the corrective statement it cites.
      lines.push_back({{(fr ? "Complément d'avoirs de service — " : "Further service credits — ") + month_label(month, language) +
                            (fr ? " — relevé rectificatif " : " — corrective statement ") + further->reference + " (art. 14)",
                        Milli{1000}, amount, rate},
                       "C62"});
    } else {
      lines = credit_note_lines(p, credits, month, rate, language);
    }
    std::vector<InvoiceLineInput> inputs;
    for (const auto& l : lines) inputs.push_back(l.input);
    IssuedDocument draft;
    draft.kind = DocumentKind::credit_note;
    draft.contract_id = c.id;
    draft.period = period;
    draft.issued_on = date;
    draft.run_id = run_id;
    auto produce = [&](IssuedDocument& record) {
      // What was already credited against the invoice is read under issue_document's lock, so that
      // a concurrent run's credit note of the same invoice is counted (B6: never more than it bears).
      const std::vector<VatAmount> earlier = vat_amounts_of(load_vat_credited_against(db, invoice->number));
      CreditNoteTotals totals = credit_note_totals(inputs, totals_of(invoice_vat), earlier);
      if (totals.error) throw CreditRefused(*totals.error);
      record.total_ht = totals.totals.total_ht;
      record.total_vat = totals.totals.total_vat;
      record.total_ttc = totals.totals.total_ttc;
      InvoiceDocument d;
      d.kind = InvoiceKind::credit_note;
      d.number = *record.number;
      d.issue_date = date;
      d.seller = output.engine().provider();
      d.buyer = buyer_of(p.records.account);
      d.contract_id = c.id;
      d.period_from = std::max(month.first_day(), c.start);
      d.period_to = add_days(month.next().first_day(), -1);
      d.totals = totals.totals;
      d.lines = numbered_lines(d.totals);
      d.corrects = PrecedingInvoice{invoice->number, invoice->issued_on};
      if (further)
        d.credit_reason = fr ? "Complément d'avoirs de service " + month_label_of(month, language) +
                                   " (art. 14, relevé rectificatif " + further->reference + " remplaçant " + statement + ")"
                             : "Further service credits " + month_label_of(month, language) +
                                   " (art. 14, corrective statement " + further->reference + " replacing " + statement + ")";
      else
        d.credit_reason = fr ? "Avoirs de service " + month_label_of(month, language) + " (art. 14, relevé " + statement + ")"
                             : "Service credits " + month_label_of(month, language) + " (art. 14, statement " + statement + ")";
      d.late_penalty = terms.billing.late_penalty;
      d.recovery_indemnity = terms.billing.recovery_indemnity;
      record_document_vat(db, d.number, document_vat_of(d.totals));
      record_credit_note_correction(db, d.number, c.id, invoice->number);
      return std::vector<StagedFile>{output.stage(d, p.records.account)};
    };
    IssueResult issued;
    try {
      issued = issue_and_publish(db, draft, produce);
    } catch (const CreditRefused& e) {
      result.waiting.push_back({c.id, month, amount, "credit note correcting " + invoice->number + " refused: " + e.what()});
      continue;
    } catch (const std::exception& e) {
      stop_if_database_gone(db, e);   // B4: a data problem makes the credit wait, never the invoices
      result.waiting.push_back({c.id, month, amount, "credit note correcting " + invoice->number + ": " + e.what(), true});
      continue;
    }
    if (issued.newly_issued) {
      spdlog::debug("issued credit note {} for {} {}", *issued.document.number, c.id, period);
    }
    result.documents.push_back(std::move(issued));
  }
  return result;
}

}  // namespace clause
