// The shipped profiles hold the contract figures of RULES.md, and a broken profile is refused with
// the file, the key and the line.
#include "settings/terms_loader.h"

#include <fstream>

#include <gtest/gtest.h>

#include "settings/toml_reader.h"

namespace clause {
namespace {

const std::filesystem::path kTerms = std::filesystem::path(CLAUSE_SOURCE_DIR) / "config/terms";

TEST(TermsProfiles, KalandaHoldsTheContractFigures) {
  TermsProfile k = load_terms_profile(kTerms / "kalanda-hds.toml");
  EXPECT_EQ(k.name, "kalanda-hds");
  EXPECT_EQ(k.business_hours.opens, std::chrono::minutes(9 * 60));             // T2
  EXPECT_EQ(k.business_hours.closes, std::chrono::minutes(18 * 60));
  EXPECT_EQ(k.service_levels.gti_tiers.size(), 4u);                            // S2
  EXPECT_EQ(k.service_levels.gti_tiers[1], (LatenessTier{std::chrono::minutes(180), 25}));
  EXPECT_EQ(k.service_levels.gtr_tiers[3], (LatenessTier{std::chrono::minutes(1440), 100}));  // S4
  EXPECT_EQ(k.service_levels.availability_tiers[0], (AvailabilityTier{999000, false, 0}));   // S5
  EXPECT_EQ(k.service_levels.availability_tiers[1], (AvailabilityTier{995000, true, 5}));
  EXPECT_EQ(k.service_levels.availability_tiers[5], (AvailabilityTier{0, true, 75}));
  EXPECT_EQ(k.interventions.hourly_rate, Money::from_cents(12900));          // I1
  EXPECT_EQ(k.interventions.billing_step, std::chrono::minutes(15));
  EXPECT_EQ(k.billing.revision_base_index, Milli{268500});                    // B3
  EXPECT_EQ(k.reversibility.delivery, (Delay{10, DayCount::ouvres}));         // R3
}

TEST(TermsProfiles, DagHasNoCreditsAndDailyBackups) {
  TermsProfile d = load_terms_profile(kTerms / "dag.toml");
  EXPECT_FALSE(d.service_levels.credits);                                     // S10
  EXPECT_TRUE(d.service_levels.root_access_suspends);                         // S6
  EXPECT_EQ(d.term.termination_notice, (Delay{32, DayCount::francs}));        // N1
  EXPECT_EQ(d.billing.mail_step_price, Money::from_cents(1000));              // B5
  EXPECT_EQ(d.backups.window_opens, std::chrono::minutes(60));                // K1
  EXPECT_EQ(d.backups.required_scopes.size(), 3u);
  EXPECT_FALSE(d.billing.prorate_first_period);                               // B2
}

TEST(TermsProfiles, FolderLoadsBothByName) {
  auto all = load_terms_folder(kTerms);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all.count("dag"));
  EXPECT_TRUE(all.count("kalanda-hds"));
}

// A provider's copy with three mistakes: every one is reported, with its line.
TEST(TermsProfiles, ErrorsNameFileKeyAndLine) {
  auto dir = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-terms";
  std::filesystem::create_directories(dir);
  std::ifstream in(kTerms / "kalanda-hds.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto replace = [&](const std::string& from, const std::string& to) { text.replace(text.find(from), from.size(), to); };
  replace("hourly_rate = \"129.00\"", "hourly_rate = 129");
  replace("billing_step_minutes = 15", "billing_step_minutes = 15\nbilling_stepp = 15");
  replace("opens = \"09:00\"", "opens = \"9h\"");
  auto file = dir / "mine.toml";
  std::ofstream(file) << text;
  try {
    load_terms_profile(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    const std::string f = file.string();
    EXPECT_EQ(e.problems(), (std::vector<std::string>{
                                f + ":6: key business_hours.opens: \"9h\" is not a time of day like \"09:00\"",
                                f + ":43: key interventions.hourly_rate: expected an amount as a string like \"129.00\", found an integer",
                                f + ":45: key interventions.billing_stepp: unknown key",
                            }));
  }
}

TEST(TermsProfiles, SyntaxErrorNamesTheLine) {
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-terms" / "broken.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << "title = \"x\"\n[billing\n";
  try {
    load_terms_profile(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].rfind(file.string() + ":2: ", 0), 0u) << e.problems()[0];
  }
}

}  // namespace
}  // namespace clause
