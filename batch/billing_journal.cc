// The billing journal job side (billing_journal.h): load what the day shows, build, render, write.
#include "batch/billing_journal.h"

#include "batch/invoice_keys.h"

#include <chrono>

#include "batch/output_files.h"
#include "batch/output_paths.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"
#include "rules/unpaid.h"
#include "store/billing_ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

struct Parties {
  std::map<std::string, Contract> contracts;
  std::map<std::string, std::string> account_names;
  std::string client_of(const std::string& contract_id) const {
    auto c = contracts.find(contract_id);
    if (c == contracts.end()) return "";
    auto a = account_names.find(c->second.account_id);
    return a == account_names.end() ? "" : a->second;
  }
};

Parties load_parties(Database& db) {
  Parties p;
  for (auto& c : load_contracts(db)) p.contracts.emplace(c.id, c);
  for (auto& a : load_accounts(db)) p.account_names.emplace(a.id, a.name);
  return p;
}

// What an invoice bills, from its ledger key (batch/invoice_keys.h), and the period it names.
std::pair<JournalKind, std::string> invoice_kind(const std::string& key) {
  if (is_final_invoice_key(key)) return {JournalKind::final_invoice, key.substr(kFinalInvoicePrefix.size())};
  if (is_continuity_invoice_key(key))
    return {JournalKind::continuity_invoice, key.substr(kContinuityInvoicePrefix.size())};
  return {JournalKind::periodic_invoice, key};
}

std::vector<JournalEntry> issued_entries(Database& db, const Parties& parties, Date date,
                                         const std::optional<std::string>& only) {
  std::vector<JournalEntry> out;
  std::map<std::string, std::string> corrected;  // credit note -> invoice, loaded per contract once
  for (DocumentKind kind : {DocumentKind::invoice, DocumentKind::credit_note}) {
    for (const IssuedDocument& d : load_issued_documents_of_kind(db, kind, date)) {
      if (only && d.contract_id != *only) continue;
      JournalEntry e{d.number.value_or(""),
                     d.issued_on,
                     parties.client_of(d.contract_id),
                     d.contract_id,
                     JournalKind::credit_note,
                     d.period,
                     "",
                     d.total_ht,
                     d.total_vat,
                     d.total_ttc};
      if (kind == DocumentKind::credit_note) {
        if (!corrected.count(*d.number))
          for (const auto& n : load_credit_notes_of_contract(db, d.contract_id))
            corrected[n.number] = n.corrects_number;
        e.corrects = corrected[*d.number];
      } else {
        std::tie(e.kind, e.period) = invoice_kind(d.period);
      }
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::vector<UnpaidEntry> unpaid_entries(Database& db, const std::map<std::string, TermsProfile>& profiles,
                                        const Parties& parties, Date date, const std::optional<std::string>& only) {
  std::vector<UnpaidEntry> out;
  std::map<std::string, std::vector<Payment>> payments;
  for (auto& p : load_payments(db)) payments[p.invoice_number].push_back(p);
  for (const IssuedDocument& d : load_issued_documents_of_kind(db, DocumentKind::invoice)) {
    if ((only && d.contract_id != *only) || d.issued_on > date) continue;
    auto contract = parties.contracts.find(d.contract_id);
    if (contract == parties.contracts.end()) continue;
    auto profile = profiles.find(contract->second.terms_profile);
    if (profile == profiles.end()) continue;
    const BillingTerms& terms = profile->second.billing;
    // What the buyer owes: TTC less the credit notes this invoice deducted (B4).
    IssuedInvoice invoice{*d.number, d.issued_on, add_days(d.issued_on, terms.payment_days),
                          d.total_ttc - deducted_from_invoice(db, *d.number)};
    const auto& paid = payments[*d.number];
    if (overdue_on({invoice}, paid, date).empty()) continue;
    Money remaining = invoice.total_ttc;
    for (const auto& p : paid)
      if (p.paid <= date) remaining -= p.amount;
    out.push_back({invoice.number, parties.client_of(d.contract_id), d.contract_id, invoice.issued, invoice.due,
                   remaining, unpaid_consequences(contract->second, terms, invoice, std::nullopt)});
  }
  return out;
}

}  // namespace

JournalInputs journal_inputs(Database& db, const std::map<std::string, TermsProfile>& profiles, Date date,
                             const std::optional<std::string>& contract_id, const std::string& provider,
                             const std::vector<WaitingCredit>& waiting) {
  const Parties parties = load_parties(db);
  JournalInputs in{date,
                   provider,
                   issued_entries(db, parties, date, contract_id),
                   unpaid_entries(db, profiles, parties, date, contract_id),
                   {}};
  for (const WaitingCredit& w : waiting)
    in.waiting.push_back({w.contract_id, parties.client_of(w.contract_id), w.month, w.amount, w.reason});
  return in;
}

std::filesystem::path write_billing_journal(Database& db, const std::map<std::string, TermsProfile>& profiles,
                                            const BillingOutput& output, Date date,
                                            const std::optional<std::string>& contract_id,
                                            const std::vector<WaitingCredit>& waiting) {
  const auto name = "journal-" + format_date(date) + (contract_id ? "-" + path_segment(*contract_id) : "") + ".xlsx";
  const auto path = output.year_folder(int(date.year())) / name;
  std::filesystem::create_directories(path.parent_path());
  const DocumentEngine& engine = output.engine();
  const JournalDocument journal =
      build_journal(journal_inputs(db, profiles, date, contract_id, engine.provider().name, waiting));
  const auto doc = journal_layout(journal, engine.billing_wording(engine.default_language()));
  const auto tmp = temporary_name(path);
  xlsx::render_xlsx(doc, tmp,
                    {std::chrono::system_clock::to_time_t(std::chrono::sys_days{date}), engine.provider().name, {}});
  commit_file(tmp, path);
  return path;
}

}  // namespace clause
