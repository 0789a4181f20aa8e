#include "store/csv_reader.h"

#include <gtest/gtest.h>

#include <chrono>

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

// Found by fuzz/csv_import_fuzz (fuzz/README.md, C1): libcsv ends records at a lone CR, so the
// lines of a CR-only export (old Mac) must count it, or every error says line 1.
TEST(CsvReader, ALoneCarriageReturnEndsALineOfACrOnlyFile) {
  auto records = read_all("a,b\r1,2\r3,4\r");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].line, 3u);
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"3", "4"}));
}

TEST(CsvReader, ACarriageReturnInsideAQuotedFieldIsDataNotALineEnd) {
  auto records = read_all("a,b\n1,\"x\ry\"\n3,4\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[1], "x\ry");
  EXPECT_EQ(records[2].line, 3u);
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

// libcsv grows a field by 128-byte blocks unless told otherwise: n / 128 reallocations of up to n
// bytes each. Fed as the reader feeds it, a 5 MB field takes milliseconds; the bound is generous
// for a loaded machine and still far below what quadratic copying costs (sanitizer builds, allocators
// that cannot grow a block in place).
TEST(CsvReader, FiveMegabyteFieldIsReadInLinearTime) {
  const std::string text =
      "a,b\n1,\"" + std::string(5'000'000, 'x') + "\"\n2,\"" + std::string(5'000'000, 'y') + "\"\n";
  auto start = std::chrono::steady_clock::now();
  auto records = read_all(text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{2});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].fields[1].size(), 5'000'000u);
  EXPECT_EQ(records[2].fields[1].back(), 'y');
}

TEST(CsvReader, QuotedFieldAcrossManyLinesKeepsItsStartLine) {
  std::string field;
  for (int i = 0; i < 100'000; ++i) field += "ligne\n";
  auto records = read_all("a,b\n1,\"" + field + "\"\n2,x\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields[1], field);
  EXPECT_EQ(records[2].line, 100'003u);  // header, record 1 over 100001 lines, then record 2
}

TEST(ForbiddenCharacter, PlainTextAndLineBreaksWhereAllowedPass) {
  EXPECT_EQ(forbidden_character("Hébergé à Paris 😀 — 100 €", false), std::nullopt);
  EXPECT_EQ(forbidden_character("1 rue Haute\r\n75001 Paris", true), std::nullopt);
}

TEST(ForbiddenCharacter, ControlsAndNoncharactersAreNamedByCodePoint) {
  EXPECT_EQ(forbidden_character("a\x01", false), "control character U+0001 is not allowed");
  EXPECT_EQ(forbidden_character("a\tb", true), "control character U+0009 is not allowed");
  EXPECT_EQ(forbidden_character("a\x7F", false), "control character U+007F is not allowed");
  EXPECT_EQ(forbidden_character("a\xC2\x9F", false), "control character U+009F is not allowed");
  EXPECT_EQ(forbidden_character(std::string_view{"a\0b", 3}, true), "control character U+0000 is not allowed");
  EXPECT_EQ(forbidden_character("a\nb", false), "line break U+000A is not allowed in this column");
  EXPECT_EQ(forbidden_character("a\rb", false), "line break U+000D is not allowed in this column");
  EXPECT_EQ(forbidden_character("\xEF\xBF\xBE", false), "noncharacter U+FFFE is not allowed");
  EXPECT_EQ(forbidden_character("\xEF\xBB\xBFid", false),
            "byte order mark U+FEFF is not allowed (only at the very start of a file)");
}

TEST(ForbiddenCharacter, RightToLeftLettersAndBidiControlsAreRefused) {
  const std::string why = " is not allowed: documents cannot lay out right-to-left text";
  EXPECT_EQ(forbidden_character("\u05D0", false), "right-to-left character U+05D0" + why);  // Hebrew alef
  EXPECT_EQ(forbidden_character("\u0710", false), "right-to-left character U+0710" + why);  // Syriac
  EXPECT_EQ(forbidden_character("\u0780", false), "right-to-left character U+0780" + why);  // Thaana
  EXPECT_EQ(forbidden_character("\u07CA", false), "right-to-left character U+07CA" + why);  // NKo
  EXPECT_EQ(forbidden_character("\uFB1D", false), "right-to-left character U+FB1D" + why);
  EXPECT_EQ(forbidden_character("\uFDFF", false), "right-to-left character U+FDFF" + why);
  EXPECT_EQ(forbidden_character("\uFE70", false), "right-to-left character U+FE70" + why);
  EXPECT_EQ(forbidden_character("\U0001E900", false), "right-to-left character U+1E900" + why);  // Adlam
  EXPECT_EQ(forbidden_character("x\u200E", false), "bidirectional control U+200E" + why);
  EXPECT_EQ(forbidden_character("x\u202A", false), "bidirectional control U+202A" + why);
  EXPECT_EQ(forbidden_character("x\u2069", false), "bidirectional control U+2069" + why);
  EXPECT_EQ(forbidden_character("\u058F\u0900\uFB1C\uFE00\u2010", false), std::nullopt);  // neighbours pass
}

TEST(Utf8, AcceptsValidAndRejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Hébergé 😀"));
  EXPECT_FALSE(is_valid_utf8("Ren\xE9"));       // Latin-1
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));      // truncated
}

}  // namespace
}  // namespace clause
