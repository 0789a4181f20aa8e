// Paths of issued documents (invariant 1: two distinct documents never share a path): the id
// pairs a fault campaign made collide under the former folding scheme now map apart, and the
// escaping is a function that can be read back, so no two ids can meet.
#include "batch/output_paths.h"

#include <gtest/gtest.h>

#include <set>

namespace clause {
namespace {

TEST(PathSegment, KeepsLettersDigitsDashesAndCase) {
  EXPECT_EQ(path_segment("CTR-K-SAINTROCH"), "CTR-K-SAINTROCH");
  EXPECT_EQ(path_segment("ctr-k-saintroch"), "ctr-k-saintroch");
  EXPECT_EQ(path_segment("C.1"), "C.1");
}

TEST(PathSegment, EscapesEverythingElseAsHex) {
  EXPECT_EQ(path_segment("c 1/é"), "c_201_2F_C3_A9");
  EXPECT_EQ(path_segment("a_b"), "a_5Fb");  // the escape character itself
  EXPECT_EQ(path_segment(".."), "_2E.");    // never "." or "..", never hidden
  EXPECT_EQ(path_segment(""), "_");
}

TEST(PathSegment, SeparatesTheIdsThatCollidedBefore) {
  const std::string prefix = "CTR-LONG-" + std::string(51, 'x');  // 60 characters in common
  const std::set<std::string> ids = {
      "CTR-K-SAINTROCH",    "ctr-k-saintroch",    "ACC-X1", "acc.x1", "C.1", "c-1", "c.1", "C_2E1",
      prefix + "-ALPHA-01", prefix + "-BRAVO-02", "a b",    "a_20b"};
  std::set<std::string> segments;
  for (const auto& id : ids) segments.insert(path_segment(id));
  EXPECT_EQ(segments.size(), ids.size());
  EXPECT_EQ(path_segment(prefix + "-ALPHA-01").size(), 69u);  // never cut
}

TEST(ClientFolder, ReadableNameThenTheEscapedAccountId) {
  EXPECT_EQ(client_folder_name("Boulangerie Lefèvre & Fils", "ACC-42"), "boulangerie-lefevre-fils--ACC-42");
  EXPECT_EQ(client_folder_name("Société X", "ACC-X1"), "societe-x--ACC-X1");
  EXPECT_EQ(client_folder_name("Société X", "acc.x1"), "societe-x--acc.x1");
  EXPECT_EQ(client_folder_name("", "-x"), "client---x");  // the first "--" still separates
  EXPECT_EQ(client_folder_name("A--B", "c"), "a-b--c");
}

TEST(ReadableSlug, IsShortAndPlain) {
  EXPECT_EQ(readable_slug("Clinique Saint-Roch SAS"), "clinique-saint-roch-sas");
  EXPECT_EQ(readable_slug(std::string(100, 'a')), std::string(40, 'a'));
  EXPECT_EQ(readable_slug("北京"), "client");
}

}  // namespace
}  // namespace clause
