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

TEST(Config, UndefinedZoneIsAnError) {
  Config c = load_config(kConfig);
  EXPECT_THROW(c.zone("Mars/Olympus"), ConfigError);
}

}  // namespace
}  // namespace clause
