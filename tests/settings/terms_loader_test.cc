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
  EXPECT_EQ(k.business_hours.opens, std::chrono::minutes(9 * 60));  // T2
  EXPECT_EQ(k.business_hours.closes, std::chrono::minutes(18 * 60));
  EXPECT_EQ(k.service_levels.gti_tiers.size(), 4u);  // S2
  EXPECT_EQ(k.service_levels.gti_tiers[1], (LatenessTier{std::chrono::minutes(180), 25}));
  EXPECT_EQ(k.service_levels.gtr_tiers[3], (LatenessTier{std::chrono::minutes(1440), 100}));  // S4
  EXPECT_EQ(k.service_levels.availability_tiers[0], (AvailabilityTier{999000, false, 0}));    // S5
  EXPECT_EQ(k.service_levels.availability_tiers[1], (AvailabilityTier{995000, true, 5}));
  EXPECT_EQ(k.service_levels.availability_tiers[5], (AvailabilityTier{0, true, 75}));
  EXPECT_EQ(k.interventions.hourly_rate, Money::from_cents(12900));  // I1
  EXPECT_EQ(k.interventions.billing_step, std::chrono::minutes(15));
  EXPECT_EQ(k.billing.revision_base_index, Milli{268500});             // B3
  EXPECT_EQ(k.reversibility.delivery, (Delay{10, DayCount::ouvres}));  // R3
}

TEST(TermsProfiles, DagHasNoCreditsAndDailyBackups) {
  TermsProfile d = load_terms_profile(kTerms / "dag.toml");
  EXPECT_FALSE(d.service_levels.credits);                               // S10
  EXPECT_TRUE(d.service_levels.root_access_suspends);                   // S6
  EXPECT_EQ(d.term.termination_notice, (Delay{32, DayCount::francs}));  // N1
  EXPECT_EQ(d.billing.mail_step_price, Money::from_cents(1000));        // B5
  EXPECT_EQ(d.backups.window_opens, std::chrono::minutes(60));          // K1
  EXPECT_EQ(d.backups.required_scopes.size(), 3u);
  EXPECT_FALSE(d.billing.prorate_first_period);  // B2
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
  auto replace = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
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
    EXPECT_EQ(
        e.problems(),
        (std::vector<std::string>{
            f + ":6: key business_hours.opens: \"9h\" is not a time of day like \"09:00\"",
            f + ":43: key interventions.hourly_rate: expected an amount as a string like \"129.00\", found an integer",
            f + ":45: key interventions.billing_stepp: unknown key",
        }));
  }
}

// A copy of dag.toml with `edits` applied (each replaces one text once), written under the build tree.
std::filesystem::path edited_dag(const std::string& name,
                                 const std::vector<std::pair<std::string, std::string>>& edits) {
  auto dir = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-terms";
  std::filesystem::create_directories(dir);
  std::ifstream in(kTerms / "dag.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  for (const auto& [from, to] : edits) text.replace(text.find(from), from.size(), to);
  auto file = dir / (name + ".toml");
  std::ofstream(file) << text;
  return file;
}

std::vector<std::string> problems_of(const std::filesystem::path& file) {
  try {
    load_terms_profile(file);
  } catch (const ConfigError& e) {
    return e.problems();
  }
  return {};
}

// S10: dag grants no credit and says so (credits = false, empty tables), which stays valid; the
// same empty tables under credits = true would grant nothing without a word.
TEST(TermsProfiles, EmptyTierTablesAreRefusedWhenTheProfileGrantsCredits) {
  auto file = edited_dag("credits_without_tiers", {{"credits = false", "credits = true"}});
  const std::string f = file.string();
  const std::string why =
      "is empty but credits = true: no credit of this kind would ever be granted "
      "(list the tiers, or set credits = false)";
  EXPECT_EQ(problems_of(file), (std::vector<std::string>{f + ":14: key service_levels.gti_tiers: " + why,
                                                         f + ":18: key service_levels.gtr_tiers: " + why,
                                                         f + ":19: key service_levels.availability_tiers: " + why}));
}

TEST(TermsProfiles, OneExplicitZeroTierKeepsAKindWithoutCredit) {
  auto file = edited_dag(
      "explicit_zero_tier",
      {{"credits = false", "credits = true"},
       {"gti_tiers = []", "gti_tiers = [{ late_minutes = 0, percent = 0 }]"},
       {"gtr_tiers = []", "gtr_tiers = [{ late_minutes = 0, percent = 0 }]"},
       {"availability_tiers = []", "availability_tiers = [{ from_percent = \"0\", inclusive = true, percent = 0 }]"}});
  EXPECT_EQ(problems_of(file), std::vector<std::string>{});
}

// I1, B3, B5, B8: an amount the provider charges is never negative, a revised price needs a base
// index to divide by, and a mail quota needs a quota and a cap above it.
TEST(TermsProfiles, NegativeMoneyAndQuotasThatBillNothingAreRefused) {
  auto file = edited_dag("negative_money", {{"hourly_rate = \"129.00\"", "hourly_rate = \"-129.00\""},
                                            {"revision = false", "revision = true"},
                                            {"recovery_indemnity = \"40.00\"", "recovery_indemnity = \"-40.00\""},
                                            {"mail_quota_gb = 25", "mail_quota_gb = 0"},
                                            {"mail_cap_gb = 35", "mail_cap_gb = -1"},
                                            {"mail_step_price = \"10.00\"", "mail_step_price = \"-0.01\""}});
  const std::string f = file.string();
  EXPECT_EQ(
      problems_of(file),
      (std::vector<std::string>{
          f + ":26: key interventions.hourly_rate: \"-129.00\" must not be negative",
          f + ":38: key billing.revision_base_index: must be positive when revision = true",
          f + ":42: key billing.recovery_indemnity: \"-40.00\" must not be negative",
          f + ":46: key billing.mail_cap_gb: -1 is out of range [0, 1000000]",
          f + ":47: key billing.mail_step_price: \"-0.01\" must not be negative",
          f + ":44: key billing.mail_quota_gb: must be at least 1 when mail_quota = true",
          f + ":46: key billing.mail_cap_gb: -1 is below mail_quota_gb 0: no step above the quota would be billed"}));
}

// S1, T2: a profile without business days loaded, then the first GTI deadline failed (found by fuzz/).
TEST(TermsProfiles, BusinessHoursNeedABusinessDay) {
  auto file = edited_dag("no_business_day", {{"weekdays = [1, 2, 3, 4, 5]", "weekdays = []"}});
  EXPECT_EQ(problems_of(file),
            std::vector<std::string>{file.string() + ":8: key business_hours.weekdays: at least one "
                                                     "business day is needed (1 = Monday .. 7 = Sunday)"});
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
