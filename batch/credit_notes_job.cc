#include "batch/credit_notes_job.h"

#include "reports/statement/statement_data.h"

#include <map>
#include <memory>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "batch/invoice_keys.h"
#include "batch/invoice_lines.h"
#include "batch/run_stop.h"
#include "model/statement_reference.h"
#include "reports/invoice/invoice_builder.h"
#include "rules/calendar.h"
#include "rules/corrected_invoice.h"
#include "rules/further_credit.h"
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
  std::vector<CorrectedInvoice> candidates;
  for (const std::string& k : {key, continuity_invoice_key(month)})
    if (auto invoice = find_issued_document(db, DocumentKind::invoice, c.id, k))
      candidates.push_back({*invoice->number, invoice->issued_on, load_document_vat(db, *invoice->number)});
  return choose_invoice_to_correct(candidates, p.records.prior_invoices, month, c.start);
}

namespace {

// The statements and credit notes of a contract's ledger, as further_credit() (B4) reads them.
std::vector<CreditLedgerEntry> credit_ledger(const std::vector<IssuedDocument>& documents) {
  std::vector<CreditLedgerEntry> out;
  using Kind = CreditLedgerEntry::Kind;
  for (const IssuedDocument& d : documents) {
    if (d.kind == DocumentKind::statement) out.push_back({Kind::statement, d.period, d.id, d.total_ht});
    if (d.kind == DocumentKind::credit_note) out.push_back({Kind::credit_note, d.period, d.id, d.total_ht});
  }
  return out;
}

}  // namespace

void issue_credit_notes(Database& db, const BillingOutput& output, std::shared_ptr<const PreparedContract> prepared,
                        Date date, long long run_id, BillingPipeline& pipeline, NumberForecast* forecast,
                        const CreditNoteSink& sink) {
  const PreparedContract& p = *prepared;
  const Contract& c = p.records.contract;
  const TermsProfile& terms = *p.terms;
  const std::vector<ServiceCredit> credits = load_service_credits_of_contract(db, c.id);
  std::map<YearMonth, Money> by_month;
  for (const auto& credit : credits) by_month[credit.month] += credit.amount;
  const BillingWording& wording =
      output.engine().billing_wording(output.engine().language_of(p.records.account.language));
  std::optional<std::vector<CreditLedgerEntry>> ledger;  // the contract's documents, read once when needed
  for (const auto& [month, total] : by_month) {
    // Only a month that has ended by the run date, with something to credit.
    if (total <= Money{} || month.next().first_day() > date) continue;
    const std::string statement = statement_reference(c.id, month);
    std::string period = format_year_month(month);
    std::optional<FurtherCredit> further;
    if (auto existing = find_issued_document(db, DocumentKind::credit_note, c.id, period)) {
      pipeline.then([sink, found = *existing] { sink.document({found, false}); });
      if (!ledger) ledger = credit_ledger(load_issued_documents_of_contract(db, c.id));
      further = further_credit(*ledger, c.id, month, total);
      if (!further) continue;
      period = further->period;
      if (auto found = find_issued_document(db, DocumentKind::credit_note, c.id, period)) {
        pipeline.then([sink, found = *found] { sink.document({found, false}); });
        continue;
      }
    }
    const Money amount = further ? further->amount : total;
    const std::optional<CorrectedInvoice> invoice = invoice_to_correct(db, p, month);
    if (!invoice) {
      pipeline.then([sink, waiting = WaitingCredit{c.id, month, amount,
                                                   "no invoice of the period from " +
                                                       invoice_period_key(c, terms.billing, month.first_day()) +
                                                       " in the ledger or among the prior invoices to correct"}] {
        sink.waiting(waiting);
      });
      continue;
    }
    const std::vector<VatAmount>& invoice_vat = invoice->vat;
    const int rate = credit_note_vat_rate(invoice_vat, terms.billing.vat_rate_basis_points);
    std::vector<DraftLine> lines;
    if (further) {
      // One line for the difference: the per-service figures are on the corrective statement it cites.
      const std::string text = wording.phrase("line.further_credit", {{"month", month_label(month, wording.language())},
                                                                      {"reference", further->reference}});
      lines.push_back({{text, Milli{1000}, amount, rate}, "C62"});
    } else {
      lines = credit_note_lines(p, credits, month, rate, wording);
    }
    std::vector<InvoiceLineInput> inputs;
    for (const auto& l : lines) inputs.push_back(l.input);
    IssuedDocument draft;
    draft.kind = DocumentKind::credit_note;
    draft.contract_id = c.id;
    draft.period = period;
    draft.issued_on = date;
    draft.run_id = run_id;
    const std::optional<std::string> cites = further ? std::optional<std::string>{further->reference} : std::nullopt;
    // The credit note as its transaction builds it, from the number and what was already credited.
    // The closures hold the prepared contract, never copies of its records.
    auto build = [prepared, date, month, invoice, statement, cites, &output, &wording](const std::string& number,
                                                                                       const CreditNoteTotals& totals) {
      const ContractRecords& r = prepared->records;
      return build_credit_note(
          {{number, date, output.engine().provider(), r.account, r.contract.id, prepared->terms->billing},
           month,
           r.contract.start,
           totals,
           {invoice->number, invoice->issued_on},
           statement,
           cites},
          wording);
    };
    // Planned ahead (issue 16): rendered with the forecast number and what is credited now, when
    // the credit note is not refused now (a refused one is only tried in its transaction).
    std::function<AheadFiles()> render;
    std::optional<std::string> forecast_number;
    std::vector<VatAmount> planned_earlier;
    if (pipeline.renders_ahead() && forecast) {
      planned_earlier = load_vat_credited_against(db, invoice->number);
      const CreditNoteTotals totals = credit_note_totals(inputs, recorded_totals(invoice_vat), planned_earlier);
      if (!totals.error) {
        forecast_number = forecast->next();
        auto planned = std::make_shared<const InvoiceDocument>(build(*forecast_number, totals));
        render = [&output, planned, prepared] {
          return AheadFiles{output.stage_ahead(*planned, prepared->records.account)};
        };
      }
    }
    pipeline.submit(std::move(render), [=, contract_id = c.id, &db, &output](AheadFiles* ahead) {
      auto produce = [&](IssuedDocument& record) {
        // What was already credited against the invoice is read under issue_document's lock, so that
        // a concurrent run's credit note of the same invoice is counted (B6: never more than it bears).
        const std::vector<VatAmount> earlier = load_vat_credited_against(db, invoice->number);
        CreditNoteTotals totals = credit_note_totals(inputs, recorded_totals(invoice_vat), earlier);
        if (totals.error) throw CreditRefused(*totals.error);
        record.total_ht = totals.totals.total_ht;
        record.total_vat = totals.totals.total_vat;
        record.total_ttc = totals.totals.total_ttc;
        const InvoiceDocument d = build(*record.number, totals);
        record_document_vat(db, d.number, d.totals.vat);
        record_credit_note_correction(db, d.number, contract_id, invoice->number);
        // The file rendered ahead is this credit note when its number and credited amounts are these.
        if (ahead && !ahead->empty() && forecast_number == d.number && planned_earlier == earlier)
          return adopt_ahead(*ahead);
        return std::vector<StagedFile>{output.stage(d, prepared->records.account)};
      };
      IssueResult issued;
      try {
        issued = issue_and_publish(db, draft, produce);
      } catch (const CreditRefused& e) {
        if (forecast_number) forecast->dropped();
        sink.waiting(
            {contract_id, month, amount, "credit note correcting " + invoice->number + " refused: " + e.what()});
        return;
      } catch (const std::exception& e) {
        if (forecast_number) forecast->dropped();
        stop_if_database_gone(db, e);  // B4: a data problem makes the credit wait, never the invoices
        sink.waiting({contract_id, month, amount, "credit note correcting " + invoice->number + ": " + e.what(), true});
        return;
      }
      if (forecast_number) {
        if (issued.newly_issued)
          forecast->issued(*issued.document.number);
        else
          forecast->dropped();
      }
      if (issued.newly_issued) {
        spdlog::debug("issued credit note {} for {} {}", *issued.document.number, contract_id, draft.period);
      }
      sink.document(std::move(issued));
    });
  }
}

CreditNotesOfContract issue_credit_notes(Database& db, const BillingOutput& output, const PreparedContract& p,
                                         Date date, long long run_id) {
  CreditNotesOfContract result;
  BillingPipeline at_once(RenderWindow{});  // nothing rendered ahead: each credit note is recorded when planned
  const CreditNoteSink sink{[&](IssueResult r) { result.documents.push_back(std::move(r)); },
                            [&](WaitingCredit w) { result.waiting.push_back(std::move(w)); }};
  issue_credit_notes(db, output, std::shared_ptr<const PreparedContract>(&p, [](const PreparedContract*) {}), date,
                     run_id, at_once, nullptr, sink);
  return result;
}

}  // namespace clause
