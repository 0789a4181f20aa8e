#include "store/csv_reader.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

std::vector<CsvRecord> read_all(std::string_view text, std::optional<CsvError>* error = nullptr) {
  std::vector<CsvRecord> out;
  auto e = read_csv(text, [&](const CsvRecord& r) { out.push_back(r); });
  if (error) *error = e;
  return out;
}

TEST(CsvReader, RecordsStartOnTheLineOfTheirFirstField) {
  auto records = read_all("a,b\n1,\"two\nlines\"\n\n3,x\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].line, 2u);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "two\nlines"}));
  EXPECT_EQ(records[2].line, 5u);  // line 4 is blank and skipped
}

TEST(CsvReader, SkipsTheByteOrderMarkAndAcceptsCrlf) {
  auto records = read_all("\xEF\xBB\xBFid,name\r\nA, spaced \r\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields.front(), "id");
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"A", " spaced "}));  // spaces are data
}

TEST(CsvReader, LastRecordWithoutNewlineIsRead) {
  auto records = read_all("a\n\"q\"\"uote\"");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields.front(), "q\"uote");
}

TEST(CsvReader, UnterminatedQuoteIsReportedAtTheRecordStart) {
  std::optional<CsvError> error;
  read_all("a\n\"open\nmore\n", &error);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->line, 2u);
  EXPECT_EQ(error->reason, "unterminated quoted field");
}

TEST(Utf8, AcceptsValidAndRejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Hébergé 😀"));
  EXPECT_FALSE(is_valid_utf8("Ren\xE9"));          // Latin-1
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));         // truncated
}

}  // namespace
}  // namespace clause
