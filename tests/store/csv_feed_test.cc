// CsvFeed (store/csv_reader.h): a text read in pieces split anywhere gives the records, lines and
// errors of read_csv on the whole text, so that the import can read large exports block by block.
#include "store/csv_reader.h"

#include <gtest/gtest.h>

namespace clause {
namespace {

// Each record as "line:field|field", then the error as "error line:reason".
std::vector<std::string> outline(const std::vector<CsvRecord>& records, const std::optional<CsvError>& error) {
  std::vector<std::string> out;
  for (const auto& r : records) {
    std::string s = std::to_string(r.line) + ":";
    for (std::size_t i = 0; i < r.fields.size(); ++i) s += (i ? "|" : "") + r.fields[i];
    out.push_back(s);
  }
  if (error) out.push_back("error " + std::to_string(error->line) + ":" + error->reason);
  return out;
}

std::vector<std::string> in_pieces(std::string_view text, std::size_t size) {
  std::vector<CsvRecord> records;
  CsvFeed feed([&](const CsvRecord& r) { records.push_back(r); });
  for (std::size_t at = 0; at < text.size(); at += size) {
    if (!feed.feed(text.substr(at, size))) break;
  }
  return outline(records, feed.finish());
}

std::vector<std::string> whole(std::string_view text) {
  std::vector<CsvRecord> records;
  auto error = read_csv(text, [&](const CsvRecord& r) { records.push_back(r); });
  return outline(records, error);
}

TEST(CsvFeed, PiecesOfAnySizeGiveTheRecordsAndLinesOfTheWholeText) {
  // A byte order mark, CRLF, a quoted field over two lines, a blank line and a lone CR: each may
  // be cut between two pieces.
  const std::string text = "\xEF\xBB\xBFid,name\r\nA,\"two\r\nlines\"\r\n\r\nB,x\rC,y";
  const std::vector<std::string> expected{"1:id|name", "2:A|two\r\nlines", "5:B|x", "6:C|y"};
  ASSERT_EQ(whole(text), expected);
  for (std::size_t size = 1; size <= text.size(); ++size) EXPECT_EQ(in_pieces(text, size), expected) << size;
}

TEST(CsvFeed, AStructuralErrorIsReportedOnItsLineWhateverThePieces) {
  const std::string text = "a,b\n1,2\n3,x\"y\n4,5\n";
  const std::vector<std::string> expected{
      "1:a|b", "2:1|2", "error 3:malformed CSV: a quote inside an unquoted field or text after a closing quote"};
  ASSERT_EQ(whole(text), expected);
  for (std::size_t size = 1; size <= text.size(); ++size) EXPECT_EQ(in_pieces(text, size), expected) << size;
}

TEST(CsvFeed, AnUnterminatedQuotedFieldIsReportedAtTheEnd) {
  EXPECT_EQ(in_pieces("a,b\n1,\"open\n", 2), (std::vector<std::string>{"1:a|b", "error 2:unterminated quoted field"}));
}

}  // namespace
}  // namespace clause
