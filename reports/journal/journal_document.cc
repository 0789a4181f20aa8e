// build_journal() and journal_layout() (journal_document.h).
#include "reports/journal/journal_document.h"

#include <tuple>

#include "reports/format.h"

namespace clause {
namespace {

using layout::Align;
using layout::CellType;

layout::Cell text(std::string v) { return {CellType::text, std::move(v)}; }
layout::Cell money(Money m) { return {CellType::money, format_money_plain(m)}; }
layout::Cell date_cell(Date d) { return {CellType::date, format_date(d)}; }
layout::Cell money_sum(Money m) { return {CellType::money, format_money_plain(m), true, true}; }
layout::Cell total_label(const BillingWording& w) { return {CellType::text, w.phrase("journal.total"), true}; }

// The column titles of `sheet` with their widths, alignments and types, in the file's order.
std::vector<layout::Column> columns(const BillingWording& w, const char* sheet,
                                    const std::vector<std::tuple<double, Align, CellType>>& shape) {
  const std::vector<std::string>& titles = w.columns(sheet);
  std::vector<layout::Column> out;
  for (std::size_t i = 0; i < shape.size(); ++i)
    out.push_back({titles.at(i), std::get<0>(shape[i]), std::get<1>(shape[i]), std::get<2>(shape[i])});
  return out;
}

std::string reference(const JournalEntry& e, const BillingWording& w) {
  switch (e.kind) {
    case JournalKind::final_invoice:
      return w.phrase("journal.reference_final", {{"period", e.period}});
    case JournalKind::continuity_invoice:
      return w.phrase("journal.reference_continuity", {{"month", e.period}});
    case JournalKind::credit_note:
      return w.phrase("journal.reference_credit_note", {{"period", e.period}, {"invoice", e.corrects}});
    case JournalKind::periodic_invoice:
      break;
  }
  return w.phrase("journal.reference_period", {{"period", e.period}});
}

std::string consequence_text(const UnpaidConsequences& u, const BillingWording& w) {
  std::string s = u.wording;
  auto add = [&](const std::string& part) { s += (s.empty() ? "" : w.phrase("unpaid.separator")) + part; };
  const Language lang = w.language();
  if (u.service_stops) add(w.phrase("unpaid.service_stops", {{"date", format_date_text(*u.service_stops, lang)}}));
  if (u.definitive_suspension)
    add(w.phrase("unpaid.definitive_suspension", {{"date", format_date_text(*u.definitive_suspension, lang)}}));
  if (u.interventions_suspended && u.wording.empty()) add(w.phrase("unpaid.interventions_suspended"));
  if (u.all_sums_due_now && u.wording.empty()) add(w.phrase("unpaid.all_sums_due_now"));
  return s;
}

layout::Table journal_table(const JournalDocument& j, const BillingWording& w) {
  layout::Table t;
  t.name = w.phrase("journal.sheet");
  t.columns = columns(w, "journal",
                      {{2, Align::left, CellType::text},
                       {1.5, Align::left, CellType::date},
                       {4, Align::left, CellType::text},
                       {2.5, Align::left, CellType::text},
                       {1.5, Align::left, CellType::text},
                       {1.5, Align::right, CellType::money},
                       {1.5, Align::right, CellType::money},
                       {1.5, Align::right, CellType::money},
                       {3, Align::left, CellType::text}});
  for (const JournalEntry& e : j.entries)
    t.rows.push_back({text(e.number), date_cell(e.issued_on), text(e.client), text(e.contract_id),
                      text(w.phrase(e.kind == JournalKind::credit_note ? "journal.credit_note" : "journal.invoice")),
                      money(e.ht), money(e.vat), money(e.ttc), text(reference(e, w))});
  t.total = {
      total_label(w),         text(""), text(""), text(""), text(""), money_sum(j.total_ht), money_sum(j.total_vat),
      money_sum(j.total_ttc), text("")};
  return t;
}

layout::Table unpaid_table(const JournalDocument& j, const BillingWording& w) {
  layout::Table t;
  t.name = w.phrase("unpaid.sheet");
  t.columns = columns(w, "unpaid",
                      {{2, Align::left, CellType::text},
                       {4, Align::left, CellType::text},
                       {2.5, Align::left, CellType::text},
                       {1.5, Align::left, CellType::date},
                       {1.5, Align::left, CellType::date},
                       {1.5, Align::right, CellType::money},
                       {8, Align::left, CellType::text}});
  for (const UnpaidEntry& u : j.unpaid)
    t.rows.push_back({text(u.number), text(u.client), text(u.contract_id), date_cell(u.issued), date_cell(u.due),
                      money(u.remaining), text(consequence_text(u.consequences, w))});
  t.total = {total_label(w), text(""), text(""), text(""), text(""), money_sum(j.unpaid_total), text("")};
  return t;
}

// B4: the months of credits that wait, so that the accountant sees what is owed and not yet issued.
layout::Table waiting_table(const JournalDocument& j, const BillingWording& w) {
  layout::Table t;
  t.name = w.phrase("waiting.sheet");
  t.columns = columns(w, "waiting",
                      {{2.5, Align::left, CellType::text},
                       {4, Align::left, CellType::text},
                       {1.5, Align::left, CellType::text},
                       {1.5, Align::right, CellType::money},
                       {8, Align::left, CellType::text}});
  for (const WaitingEntry& e : j.waiting)
    t.rows.push_back(
        {text(e.contract_id), text(e.client), text(format_year_month(e.month)), money(e.amount), text(e.reason)});
  t.total = {total_label(w), text(""), text(""), money_sum(j.waiting_total), text("")};
  return t;
}

}  // namespace

JournalDocument build_journal(const JournalInputs& in) {
  JournalDocument j;
  j.date = in.date;
  j.provider = in.provider;
  for (JournalEntry e : in.issued) {
    // A credit note reduces the sales: negative amounts, so that the column sums are net.
    if (e.kind == JournalKind::credit_note) {
      e.ht = -e.ht;
      e.vat = -e.vat;
      e.ttc = -e.ttc;
    }
    j.total_ht += e.ht;
    j.total_vat += e.vat;
    j.total_ttc += e.ttc;
    j.entries.push_back(std::move(e));
  }
  j.unpaid = in.unpaid;
  for (const UnpaidEntry& u : j.unpaid) j.unpaid_total += u.remaining;
  j.waiting = in.waiting;
  for (const WaitingEntry& w : j.waiting) j.waiting_total += w.amount;
  return j;
}

layout::Document journal_layout(const JournalDocument& j, const BillingWording& w) {
  const std::string date = format_date_text(j.date, w.language());
  layout::Document doc;
  doc.title = w.phrase("journal.title", {{"date", date}});
  doc.author = j.provider;
  doc.subject = w.phrase("journal.subject");
  doc.blocks.push_back(layout::Heading{1, doc.title});
  doc.blocks.push_back(journal_table(j, w));
  doc.blocks.push_back(layout::Heading{2, w.phrase("unpaid.heading", {{"date", date}})});
  doc.blocks.push_back(unpaid_table(j, w));
  if (!j.waiting.empty()) {  // only then: a night with nothing waiting writes the same workbook as before
    doc.blocks.push_back(layout::Heading{2, w.phrase("waiting.heading", {{"date", date}})});
    doc.blocks.push_back(waiting_table(j, w));
  }
  return doc;
}

}  // namespace clause
