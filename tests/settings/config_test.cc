#include "settings/config.h"

#include <fstream>

#include <gtest/gtest.h>

#include "settings/toml_reader.h"

namespace clause {
namespace {

const std::filesystem::path kConfig = std::filesystem::path(CLAUSE_SOURCE_DIR) / "config/clause.toml";

TEST(Config, ShippedConfigurationResolvesPathsAgainstItsFolder) {
  Config c = load_config(kConfig);
  EXPECT_EQ(c.provider.name, "KALANDA");
  EXPECT_EQ(c.provider.vat_number, "FR41812345678");
  EXPECT_EQ(c.database_url, "sqlite:" + (std::filesystem::path(CLAUSE_SOURCE_DIR) / "var/clause.db").string());
  EXPECT_EQ(c.terms, std::filesystem::path(CLAUSE_SOURCE_DIR) / "config/terms");
  EXPECT_EQ(c.zone("Europe/Paris").posix, "CET-1CEST,M3.5.0,M10.5.0/3");
}

TEST(Config, UnknownKeyAndWrongTypeAreReportedWithTheirLines) {
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-config" / "clause.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ifstream in(kConfig);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("[database]"), 10, "[database]\nport = 5432");
  text.replace(text.find("default_language = \"fr\""), 23, "default_language = 3");
  std::ofstream(file) << text;
  try {
    load_config(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    const std::string f = file.string();
    EXPECT_EQ(e.problems(), (std::vector<std::string>{
                                f + ":18: key database.port: unknown key",
                                f + ":27: key documents.default_language: expected a string, found an integer",
                            }));
  }
}

// T1: Boost reads "garbage" as UTC and other rules throw at the first contract; either way every
// contract of the zone would be skipped at each run, so the configuration is refused at load.
TEST(Config, ZoneRulesThatAreNotPosixRulesAreRefusedAtLoad) {
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-config" / "zones.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ifstream in(kConfig);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("\"America/Martinique\" = \"AST4\""), 29,
               "\"America/Martinique\" = \"garbage\"\n\"Europe/Berlin\" = \"CET-1CEST\"\n"
               "\"Europe/Rome\" = \"CET-1CEST,M13.5.0,M10.5.0/3\"\n\"Europe/Madrid\" = \"CET-1CEST,M3.5.0,M10.5.0/3\"");
  std::ofstream(file) << text;
  const std::string f = file.string();
  const std::string like = " is not a POSIX TZ rule like \"CET-1CEST,M3.5.0,M10.5.0/3\"";
  try {
    load_config(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.problems(), (std::vector<std::string>{
                                f + ":40: key time_zones.America/Martinique: \"garbage\"" + like,
                                f + ":41: key time_zones.Europe/Berlin: \"CET-1CEST\"" + like,
                                f + ":42: key time_zones.Europe/Rome: \"CET-1CEST,M13.5.0,M10.5.0/3\"" + like}));
  }
}

TEST(Config, FontSubsetsIsSharedOrExact) {
  EXPECT_EQ(load_config(kConfig).documents.font_subsets, "shared");
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-config" / "subsets.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ifstream in(kConfig);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto at = text.find("font_subsets = \"shared\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 23, "font_subsets = \"exact\"");
  std::ofstream(file) << text;
  EXPECT_EQ(load_config(file).documents.font_subsets, "exact");
  text.replace(at, 22, "font_subsets = \"small\"");
  std::ofstream(file) << text;
  try {
    load_config(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.problems(),
              (std::vector<std::string>{file.string() + ":29: key documents.font_subsets: \"small\" is not one of: "
                                                        "shared, exact"}));
  }
}

TEST(Config, CatchUpNightsIsRequiredAndBounded) {
  EXPECT_EQ(load_config(kConfig).catch_up_nights, 31);
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-config" / "nightly.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ifstream in(kConfig);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("catch_up_nights = 31"), 20, "catch_up_nights = -1");
  std::ofstream(file) << text;
  try {
    load_config(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.problems(), std::vector<std::string>{file.string() +
                                                     ":32: key nightly.catch_up_nights: -1 is out of range [0, 366]"});
  }
}

TEST(Config, GdprIsADryRunWithItsAuditFileUnderVarByDefault) {  // issue 14, RULES G5
  const Config c = load_config(kConfig);
  EXPECT_FALSE(c.gdpr_apply);
  EXPECT_EQ(c.gdpr_audit_file,
            (std::filesystem::absolute(kConfig).parent_path() / "../var/gdpr-audit.jsonl").lexically_normal());
  auto file = std::filesystem::path(CLAUSE_BINARY_DIR) / "test-config" / "gdpr.toml";
  std::filesystem::create_directories(file.parent_path());
  std::ifstream in(kConfig);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("apply = false"), 13, "apply = true\npurge = 1");
  std::ofstream(file) << text;
  try {
    load_config(file);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("gdpr.purge"), std::string::npos) << e.problems()[0];
  }
}

TEST(Config, UndefinedZoneIsAnError) {
  Config c = load_config(kConfig);
  EXPECT_THROW(c.zone("Mars/Olympus"), ConfigError);
}

}  // namespace
}  // namespace clause
