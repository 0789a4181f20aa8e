#include "store/sql_text.h"

#include <gtest/gtest.h>

#include "store/database.h"

namespace clause {
namespace {

TEST(SplitStatements, IgnoresSemicolonsInCommentsAndQuotes) {
  EXPECT_EQ(split_statements("CREATE TABLE a (x TEXT); -- done; really\nINSERT INTO a VALUES ('x;y');\n\n"),
            (std::vector<std::string>{"CREATE TABLE a (x TEXT)", "INSERT INTO a VALUES ('x;y')"}));
}

TEST(ParseNamedQueries, EachNameRunsToTheNextMarker) {
  auto queries = parse_named_queries("-- header\n-- name: one\nSELECT 1;\n-- why two\n-- name: two\nSELECT\n 2;\n");
  EXPECT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries.at("one"), "SELECT 1");
  EXPECT_EQ(queries.at("two"), "SELECT\n 2");
}

TEST(ListMigrations, BothDialectsHaveTheSameVersionsAndNames) {
  auto names = [](const std::string& dialect) {
    std::vector<std::string> out;
    for (const auto& m : list_migrations(default_sql_dir() / dialect)) out.push_back(m.name);
    return out;
  };
  EXPECT_EQ(names("sqlite"),
            (std::vector<std::string>{"001_records", "002_ledger", "003_billing", "004_prior_invoices",
                                      "005_document_files", "006_delivery", "007_gdpr", "008_reversibility",
                                      "009_term_notices", "010_gdpr_reminder_mail", "011_work_items"}));
  EXPECT_EQ(names("postgresql"), names("sqlite"));
}

}  // namespace
}  // namespace clause
