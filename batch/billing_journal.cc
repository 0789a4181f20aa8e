#include "batch/billing_journal.h"

#include "batch/invoice_keys.h"

#include <chrono>

#include "batch/layout_cells.h"
#include "batch/output_files.h"
#include "batch/output_paths.h"
#include "reports/format.h"
#include "reports/xlsx/xlsx_renderer.h"
#include "rules/calendar.h"
#include "rules/unpaid.h"
#include "store/billing_ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

using namespace layout_cells;
using layout::Align;
using layout::CellType;

layout::Cell date_cell(Date d) { return {CellType::date, format_date(d)}; }
layout::Cell money_sum(Money m) { return {CellType::money, format_money_plain(m), true, true}; }

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

layout::Table journal_table(Database& db, const Parties& parties, Date date, const std::optional<std::string>& only) {
  layout::Table t;
  t.name = "Journal";
  t.columns = {{"Numéro", 2, Align::left, CellType::text},     {"Date", 1.5, Align::left, CellType::date},
               {"Client", 4, Align::left, CellType::text},     {"Contrat", 2.5, Align::left, CellType::text},
               {"Nature", 1.5, Align::left, CellType::text},   {"HT", 1.5, Align::right, CellType::money},
               {"TVA", 1.5, Align::right, CellType::money},    {"TTC", 1.5, Align::right, CellType::money},
               {"Référence", 3, Align::left, CellType::text}};
  Money ht, vat, ttc;
  std::map<std::string, std::string> corrected;   // credit note -> invoice, loaded per contract once
  for (DocumentKind kind : {DocumentKind::invoice, DocumentKind::credit_note}) {
    for (const IssuedDocument& d : load_issued_documents_of_kind(db, kind, date)) {
      if (only && d.contract_id != *only) continue;
      const bool credit = kind == DocumentKind::credit_note;
      // A credit note reduces the sales: negative amounts, so that the column sums are net.
      const Money sign_ht = credit ? -d.total_ht : d.total_ht, sign_vat = credit ? -d.total_vat : d.total_vat,
                  sign_ttc = credit ? -d.total_ttc : d.total_ttc;
      std::string reference = is_final_invoice_key(d.period)
                                  ? "Facture de solde, période du " + d.period.substr(kFinalInvoicePrefix.size())
                              : is_continuity_invoice_key(d.period)
                                  ? "Continuité de service (R4), mois " + d.period.substr(kContinuityInvoicePrefix.size())
                                  : "Période du " + d.period;
      if (credit) {
        if (!corrected.count(*d.number))
          for (const auto& e : load_credit_notes_of_contract(db, d.contract_id)) corrected[e.number] = e.corrects_number;
        reference = "Avoirs de " + d.period + ", corrige " + corrected[*d.number];
      }
      t.rows.push_back({text(d.number.value_or("")), date_cell(d.issued_on), text(parties.client_of(d.contract_id)),
                        text(d.contract_id), text(credit ? "Avoir" : "Facture"), money(sign_ht), money(sign_vat),
                        money(sign_ttc), text(reference)});
      ht += sign_ht;
      vat += sign_vat;
      ttc += sign_ttc;
    }
  }
  t.total = {{CellType::text, "Total", true}, text(""), text(""), text(""), text(""),
             money_sum(ht), money_sum(vat), money_sum(ttc), text("")};
  return t;
}

std::string consequence_text(const UnpaidConsequences& u) {
  std::string s = u.wording;
  auto add = [&](const std::string& part) { s += (s.empty() ? "" : " ; ") + part; };
  if (u.service_stops) add("arrêt du service le " + format_date_text(*u.service_stops));
  if (u.definitive_suspension) add("suspension définitive le " + format_date_text(*u.definitive_suspension));
  if (u.interventions_suspended && u.wording.empty()) add("interventions suspendues");
  if (u.all_sums_due_now && u.wording.empty()) add("toutes sommes dues immédiatement");
  return s;
}

layout::Table unpaid_table(Database& db, const std::map<std::string, TermsProfile>& profiles, const Parties& parties,
                           Date date, const std::optional<std::string>& only) {
  layout::Table t;
  t.name = "Impayés";
  t.columns = {{"Facture", 2, Align::left, CellType::text},      {"Client", 4, Align::left, CellType::text},
               {"Contrat", 2.5, Align::left, CellType::text},    {"Émise le", 1.5, Align::left, CellType::date},
               {"Échéance", 1.5, Align::left, CellType::date},   {"Reste dû TTC", 1.5, Align::right, CellType::money},
               {"Conséquences", 8, Align::left, CellType::text}};
  std::map<std::string, std::vector<Payment>> payments;
  for (auto& p : load_payments(db)) payments[p.invoice_number].push_back(p);
  Money total;
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
    UnpaidConsequences u = unpaid_consequences(contract->second, terms, invoice, std::nullopt);
    t.rows.push_back({text(invoice.number), text(parties.client_of(d.contract_id)), text(d.contract_id),
                      date_cell(invoice.issued), date_cell(invoice.due), money(remaining), text(consequence_text(u))});
    total += remaining;
  }
  t.total = {{CellType::text, "Total", true}, text(""), text(""), text(""), text(""), money_sum(total), text("")};
  return t;
}

// B4: the months of credits that wait, so that the accountant sees what is owed and not yet issued.
layout::Table waiting_table(const Parties& parties, const std::vector<WaitingCredit>& waiting) {
  layout::Table t;
  t.name = "Avoirs en attente";
  t.columns = {{"Contrat", 2.5, Align::left, CellType::text}, {"Client", 4, Align::left, CellType::text},
               {"Mois", 1.5, Align::left, CellType::text},    {"Avoirs HT", 1.5, Align::right, CellType::money},
               {"Motif", 8, Align::left, CellType::text}};
  Money total;
  for (const WaitingCredit& w : waiting) {
    t.rows.push_back({text(w.contract_id), text(parties.client_of(w.contract_id)), text(format_year_month(w.month)),
                      money(w.amount), text(w.reason)});
    total += w.amount;
  }
  t.total = {{CellType::text, "Total", true}, text(""), text(""), money_sum(total), text("")};
  return t;
}

}  // namespace

layout::Document billing_journal(Database& db, const std::map<std::string, TermsProfile>& profiles, Date date,
                                 const std::optional<std::string>& contract_id, const std::string& provider,
                                 const std::vector<WaitingCredit>& waiting) {
  const Parties parties = load_parties(db);
  layout::Document doc;
  doc.title = "Journal de facturation du " + format_date_text(date);
  doc.author = provider;
  doc.subject = "Factures, avoirs et impayés";
  doc.blocks.push_back(layout::Heading{1, doc.title});
  doc.blocks.push_back(journal_table(db, parties, date, contract_id));
  doc.blocks.push_back(layout::Heading{2, "Impayés au " + format_date_text(date) + " (B9)"});
  doc.blocks.push_back(unpaid_table(db, profiles, parties, date, contract_id));
  if (!waiting.empty()) {   // only then: a night with nothing waiting writes the same workbook as before
    doc.blocks.push_back(layout::Heading{2, "Avoirs en attente au " + format_date_text(date) + " (B4)"});
    doc.blocks.push_back(waiting_table(parties, waiting));
  }
  return doc;
}

std::filesystem::path write_billing_journal(Database& db, const std::map<std::string, TermsProfile>& profiles,
                                            const BillingOutput& output, Date date,
                                            const std::optional<std::string>& contract_id,
                                            const std::vector<WaitingCredit>& waiting) {
  const auto name = "journal-" + format_date(date) + (contract_id ? "-" + path_segment(*contract_id) : "") + ".xlsx";
  const auto path = output.year_folder(int(date.year())) / name;
  std::filesystem::create_directories(path.parent_path());
  const auto doc = billing_journal(db, profiles, date, contract_id, output.engine().provider().name, waiting);
  const auto tmp = temporary_name(path);
  xlsx::render_xlsx(doc, tmp, {std::chrono::system_clock::to_time_t(std::chrono::sys_days{date}),
                               output.engine().provider().name, {}});
  commit_file(tmp, path);
  return path;
}

}  // namespace clause
