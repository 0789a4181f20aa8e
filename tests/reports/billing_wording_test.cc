// Billing wording (reports/invoice/billing_wording.h): templates/<lang>/billing.json word every
// phrase of the invoices, credit notes and journal; a broken file is refused with file, line, reason.
#include "reports/invoice/billing_wording.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace clause {
namespace {

const BillingWording& french() {
  static const BillingWording w = BillingWording::load(CLAUSE_SOURCE_DIR "/templates/fr/billing.json", Language::fr);
  return w;
}
const BillingWording& english() {
  static const BillingWording w = BillingWording::load(CLAUSE_SOURCE_DIR "/templates/en/billing.json", Language::en);
  return w;
}

// The French file with `from` replaced by `to` once, parsed as "billing.json".
std::string refusal(const std::string& from, const std::string& to) {
  std::ifstream in(CLAUSE_SOURCE_DIR "/templates/fr/billing.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  s.replace(s.find(from), from.size(), to);
  try {
    BillingWording::parse(s, Language::fr, "billing.json");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "accepted";
}

TEST(BillingWording, FillsTheFiguresOfAPhrase) {
  EXPECT_EQ(
      french().phrase("line.service",
                      {{"period", "mensuelle"}, {"service", "Web"}, {"from", "01/12/2026"}, {"to", "31/12/2026"}}),
      "Infogérance mensuelle — Web — du 01/12/2026 au 31/12/2026");
  EXPECT_EQ(english().phrase("line.prorated", {{"days", "12"}, {"days_in_period", "31"}}), " (prorated 12/31 days)");
}

TEST(BillingWording, WordsTheJournalColumnsPerLanguage) {
  EXPECT_EQ(french().columns("journal").at(0), "Numéro");
  EXPECT_EQ(english().columns("unpaid").at(5), "Left to pay incl. VAT");
}

TEST(BillingWording, BothLanguagesWordTheSamePhrases) {
  EXPECT_EQ(french().phrase("reason.credit", {{"month", "de novembre 2026"}, {"statement", "RM-X-2026-11"}}),
            "Avoirs de service de novembre 2026 (art. 14, relevé RM-X-2026-11)");
  EXPECT_EQ(english().phrase("reason.credit", {{"month", "of November 2026"}, {"statement", "RM-X-2026-11"}}),
            "Service credits of November 2026 (art. 14, statement RM-X-2026-11)");
}

TEST(BillingWording, RefusesAFigureThePhraseDoesNotHave) {
  EXPECT_EQ(refusal("{rank}", "{rang}"), "billing.json:10: line.intervention_emergency: unknown figure {rang}");
}

TEST(BillingWording, RefusesUnbalancedBraces) {
  EXPECT_EQ(refusal("{ended}", "{ended"), "billing.json:16: note.final_invoice: unbalanced braces");
}

TEST(BillingWording, RefusesAMissingPhrase) {
  EXPECT_EQ(refusal("\"journal.subject\"", "\"journal.subjet\""), "billing.json:23: journal.subjet: unknown phrase");
  EXPECT_EQ(refusal("    \"journal.subject\": \"Factures, avoirs et impayés\",\n", ""),
            "billing.json:2: journal.subject: missing phrase");
}

TEST(BillingWording, RefusesAWrongColumnCount) {
  EXPECT_EQ(refusal("\"Mois\", ", ""), "billing.json:45: columns.waiting: must list 5 column titles");
}

TEST(BillingWording, RefusesAnUnreadableFile) {
  try {
    BillingWording::load("/nonexistent/billing.json", Language::fr);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/billing.json: cannot read the billing wording");
  }
}

}  // namespace
}  // namespace clause
