// FirstSeenKeys (issue 16): the import's duplicate check keeps each key of a file with the line it
// was first seen on, exactly, in a packed index that grows with the file.
#include "store/first_seen_keys.h"

#include <gtest/gtest.h>

#include <string>

namespace clause {
namespace {

TEST(FirstSeenKeys, ANewKeyIsRememberedAndItsDuplicateGetsTheFirstLine) {
  FirstSeenKeys keys;
  EXPECT_EQ(keys.seen("BK-1", 2), std::nullopt);
  EXPECT_EQ(keys.seen("BK-2", 3), std::nullopt);
  EXPECT_EQ(keys.seen("BK-1", 9), std::optional<std::size_t>{2});
  EXPECT_EQ(keys.seen("BK-1", 10), std::optional<std::size_t>{2});  // still the first line
}

TEST(FirstSeenKeys, KeysAreComparedWholeNotByPrefixOrHash) {
  FirstSeenKeys keys;
  EXPECT_EQ(keys.seen(std::string("C-1\x1f"
                                  "S-1",
                                  7),
                      2),
            std::nullopt);
  EXPECT_EQ(keys.seen("C-1", 3), std::nullopt);
  EXPECT_EQ(keys.seen(std::string("C-1\x1f"
                                  "S-10",
                                  8),
                      4),
            std::nullopt);
  EXPECT_EQ(keys.size(), 3u);
}

TEST(FirstSeenKeys, EveryKeyKeepsItsLineAsTheIndexGrows) {
  FirstSeenKeys keys;
  for (std::size_t i = 0; i < 50'000; ++i) ASSERT_EQ(keys.seen("BK-" + std::to_string(i), i + 2), std::nullopt);
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < 50'000; ++i)
    if (keys.seen("BK-" + std::to_string(i), 0) != std::optional<std::size_t>{i + 2}) ++wrong;
  EXPECT_EQ(wrong, 0u);
  EXPECT_EQ(keys.size(), 50'000u);
}

}  // namespace
}  // namespace clause
