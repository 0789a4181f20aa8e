// The two settings of issue 12 read where they are used (settings/term_extras.h): the article of
// each cure period of the shipped profiles (RULES N3: K Art. 9 = 7 days, Art. 15 = 10 days; D Art.
// 7 = 7 jours ouvrables) and [nightly] corrections_months of the shipped configuration.
#include "settings/term_extras.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

const std::filesystem::path kConfig = std::filesystem::path{CLAUSE_SOURCE_DIR} / "config";

TEST(BreachCureArticles, N3KalandaArticles9And15InTheOrderOfTheirDelays) {
  EXPECT_EQ(load_breach_cure_articles(kConfig / "terms" / "kalanda-hds.toml"), (std::vector<int>{9, 15}));
}

TEST(BreachCureArticles, N3DagArticle7) {
  EXPECT_EQ(load_breach_cure_articles(kConfig / "terms" / "dag.toml"), (std::vector<int>{7}));
}

TEST(CorrectionsMonths, TheShippedConfigurationWatchesTwelveMonths) {
  Config c;
  c.file = kConfig / "clause.toml";
  EXPECT_EQ(load_corrections_months(c), 12);
}

}  // namespace
}  // namespace clause
