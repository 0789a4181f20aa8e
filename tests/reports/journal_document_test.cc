// The billing journal document (reports/journal/journal_document.h): credit notes negative, every
// column summed once in cents, worded from billing.json.
#include "reports/journal/journal_document.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}
Money eur(std::int64_t cents) { return Money::from_cents(cents); }

const BillingWording& french() {
  static const BillingWording w = BillingWording::load(CLAUSE_SOURCE_DIR "/templates/fr/billing.json", Language::fr);
  return w;
}

JournalInputs night() {
  JournalInputs in;
  in.date = d(2026, 12, 1);
  in.provider = "KALANDA";
  in.issued = {{"FA-2026-000010", d(2026, 12, 1), "Client X", "CTR-X", JournalKind::periodic_invoice, "2026-12-01", "",
                eur(100000), eur(20000), eur(120000)},
               {"FA-2026-000011", d(2026, 12, 1), "Client Y", "CTR-Y", JournalKind::continuity_invoice, "2026-11", "",
                eur(5000), eur(1000), eur(6000)},
               {"AV-2026-000003", d(2026, 12, 1), "Client X", "CTR-X", JournalKind::credit_note, "2026-11",
                "FA-2026-000004", eur(12419), eur(2484), eur(14903)}};
  in.waiting = {{"CTR-Z", "Client Z", {2026, 11}, eur(4000), "no invoice"}};
  return in;
}

TEST(BuildJournal, B4CreditNotesReduceTheNetSales) {
  const JournalDocument j = build_journal(night());
  // HT 1 000.00 + 50.00 - 124.19 = 925.81; VAT 200.00 + 10.00 - 24.84 = 185.16; TTC 1 200.00 + 60.00 - 149.03 = 1
  // 110.97.
  EXPECT_EQ(j.total_ht, eur(92581));
  EXPECT_EQ(j.total_vat, eur(18516));
  EXPECT_EQ(j.total_ttc, eur(111097));
  EXPECT_EQ(j.entries.at(2).ttc, eur(-14903));
  EXPECT_EQ(j.waiting_total, eur(4000));
}

TEST(JournalLayout, WordsTheSheetsAndReferences) {
  const layout::Document doc = journal_layout(build_journal(night()), french());
  EXPECT_EQ(doc.title, "Journal de facturation du 01/12/2026");
  ASSERT_EQ(doc.blocks.size(), 6u);
  const auto& journal = std::get<layout::Table>(doc.blocks[1]);
  EXPECT_EQ(journal.name, "Journal");
  EXPECT_EQ(journal.columns.at(8).title, "Référence");
  EXPECT_EQ(journal.rows.at(0).at(8).value, "Période du 2026-12-01");
  EXPECT_EQ(journal.rows.at(1).at(8).value, "Continuité de service (R4), mois 2026-11");
  EXPECT_EQ(journal.rows.at(2).at(8).value, "Avoirs de 2026-11, corrige FA-2026-000004");
  EXPECT_EQ(journal.rows.at(2).at(4).value, "Avoir");
  EXPECT_EQ(std::get<layout::Table>(doc.blocks[5]).name, "Avoirs en attente");
}

TEST(JournalLayout, B9WordsTheUnpaidConsequences) {
  JournalInputs in = night();
  UnpaidConsequences u;
  u.service_stops = d(2027, 1, 1);
  u.interventions_suspended = true;
  in.unpaid = {{"FA-2026-000001", "Client X", "CTR-X", d(2026, 11, 1), d(2026, 12, 1), eur(60000), u}};
  const layout::Document doc = journal_layout(build_journal(in), french());
  const auto& unpaid = std::get<layout::Table>(doc.blocks[3]);
  EXPECT_EQ(unpaid.name, "Impayés");
  EXPECT_EQ(unpaid.rows.at(0).at(6).value, "arrêt du service le 01/01/2027 ; interventions suspendues");
}

}  // namespace
}  // namespace clause
