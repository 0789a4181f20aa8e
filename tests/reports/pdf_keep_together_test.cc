// Documents that look finished (docs/templates.md, "Pages"): no page holds only the tail of a
// paragraph, a heading or a lone table row, the legal mentions move as one block, and a hostname
// in a narrow column breaks after its dots and hyphens. Checked on rendered PDFs with pdfinfo and
// pdftotext -f/-l, on documents whose page breaks are worked out by hand below.
//
// The arithmetic (default PdfStyle, no logo): the body runs from 22 mm = 62.362 pt to
// 841.890 - 62.362 = 779.528 pt, i.e. 717.166 pt. A body line is 9.5 x 1.42 = 13.49 pt and a
// paragraph is followed by 9.5 x 0.7 = 6.65 pt, so an empty page takes 53 lines (717.166 / 13.49 =
// 53.16) and after a first paragraph of L lines (L x 13.49 + 6.65 pt) 52 - L more lines fit
// ((717.166 - 6.65) / 13.49 = 52.67).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "reports/layout/markup.h"
#include "reports/pdf/pdf_renderer.h"
#include "reports/pdf/text_wrap.h"
#include "tests/support/shell.h"

namespace clause::pdf {
namespace {

using clause::testing::run;
namespace fs = std::filesystem;

fs::path output_dir() {
  fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "keep";
  fs::create_directories(dir);
  return dir;
}

const PdfRenderer& renderer() {
  static const PdfRenderer r{PdfStyle{}};
  return r;
}

std::string render(const std::string& name, const layout::Document& d) {
  PdfOptions options;
  options.created = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};
  const fs::path path = output_dir() / name;
  std::ofstream(path, std::ios::binary) << renderer().render(d, options);
  return path.string();
}

int pages(const std::string& pdf) {
  const std::string info = run("pdfinfo " + pdf);
  const auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

std::string page_text(const std::string& pdf, int page) {
  return run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + pdf + " -");
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// A paragraph of `n` short lines "<word> 1" ... "<word> n" (forced breaks).
layout::Paragraph lines(const std::string& word, int n, bool small = false) {
  std::string text;
  for (int i = 1; i <= n; ++i) text += (i > 1 ? "\n" : "") + word + " " + std::to_string(i);
  return layout::Paragraph{{{text, false}}, small};
}

layout::Document document(std::vector<layout::Block> blocks) {
  layout::Document d;
  d.title = "Mise en page";
  d.footer = "Hébergeur Exemple SAS";
  d.blocks = std::move(blocks);
  return d;
}

TEST(PdfKeepTogether, LastParagraphThatWouldLeaveOneLineAloneMovesWhole) {
  // 48 filler lines leave room for 52 - 48 = 4 lines: the 5-line last paragraph would put
  // "Fin 5" alone on page 2; it moves whole instead.
  const std::string pdf = render("last-one.pdf", document({lines("Remplissage", 48), lines("Fin", 5)}));
  EXPECT_EQ(pages(pdf), 2);
  EXPECT_FALSE(has(page_text(pdf, 1), "Fin 1")) << page_text(pdf, 1);
  for (const char* line : {"Fin 1", "Fin 4", "Fin 5"}) EXPECT_TRUE(has(page_text(pdf, 2), line)) << line;
}

TEST(PdfKeepTogether, LastParagraphThatWouldLeaveTwoLinesAloneMovesWhole) {
  // 49 filler lines leave room for 3: "Fin 4" and "Fin 5" would stand alone on page 2.
  const std::string pdf = render("last-two.pdf", document({lines("Remplissage", 49), lines("Fin", 5)}));
  EXPECT_EQ(pages(pdf), 2);
  EXPECT_FALSE(has(page_text(pdf, 1), "Fin 1"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Fin 1"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Fin 5"));
}

TEST(PdfKeepTogether, ParagraphSplitsWithAtLeastTwoLinesOnTheNewPage) {
  // Room for 4 of 5 lines, and a block follows: 3 lines stay, 2 go ("Suite 4", "Suite 5").
  const std::string pdf =
      render("widow.pdf", document({lines("Remplissage", 48), lines("Suite", 5), lines("Après", 1)}));
  EXPECT_EQ(pages(pdf), 2);
  EXPECT_TRUE(has(page_text(pdf, 1), "Suite 3"));
  EXPECT_FALSE(has(page_text(pdf, 1), "Suite 4"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Suite 4"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Suite 5"));
}

TEST(PdfKeepTogether, ParagraphNeverLeavesOneLineAtThePageFoot) {
  // 51 filler lines leave room for 1 line: the 5-line paragraph starts on page 2.
  const std::string pdf =
      render("orphan.pdf", document({lines("Remplissage", 51), lines("Suite", 5), lines("Après", 1)}));
  EXPECT_FALSE(has(page_text(pdf, 1), "Suite 1"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Suite 1"));
}

TEST(PdfKeepTogether, ParagraphOfThreeLinesIsNeverSplit) {
  // Room for 2 of 3 lines: 2 + 1 would break the 2-line minimum, so all 3 move.
  const std::string pdf =
      render("three.pdf", document({lines("Remplissage", 50), lines("Court", 3), lines("Après", 1)}));
  EXPECT_FALSE(has(page_text(pdf, 1), "Court 1"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Court 3"));
}

TEST(PdfKeepTogether, HeadingNeverEndsAPageBeforeAChart) {
  // After 40 lines the cursor is at 62.362 + 40 x 13.49 + 6.65 = 608.61 pt; the h2 (16 pt gap,
  // 12.35 x 1.25 = 15.44 pt line, 10 pt after) and a chart (8 pt + 64 mm = 189.4 pt) need
  // 624.61 + 15.44 + 10 + 189.4 = 839.45 pt > 779.528: the heading goes to page 2 with its chart.
  layout::Chart chart;
  chart.title = "Disponibilité quotidienne";
  chart.labels = {"1", "2", "3"};
  chart.series = {{"Disponibilité", {100, 99.5, 100}}};
  const std::string pdf =
      render("heading.pdf", document({lines("Remplissage", 40), layout::Heading{2, "Disponibilité du mois"}, chart}));
  EXPECT_EQ(pages(pdf), 2);
  EXPECT_FALSE(has(page_text(pdf, 1), "Disponibilité du mois")) << page_text(pdf, 1);
  EXPECT_TRUE(has(page_text(pdf, 2), "Disponibilité du mois"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Disponibilité quotidienne"));
}

TEST(PdfKeepTogether, KeepWithNextMovesTheLegalMentionsAsOneBlock) {
  // Small text: 7.41 pt, lines of 10.522 pt, 5.187 pt after. After 48 lines the cursor is at
  // 716.53 pt: the 3-line mentions (31.57 pt) fit, but the 3-line seller paragraph would not
  // (716.53 + 31.57 + 5.19 + 31.57 = 784.86 > 779.528); kept with it, both go to page 2.
  layout::Paragraph mentions = lines("Mentions", 3, true);
  mentions.keep_with_next = true;
  const std::string pdf =
      render("legal.pdf", document({lines("Remplissage", 48), mentions, lines("Vendeur", 3, true)}));
  EXPECT_EQ(pages(pdf), 2);
  EXPECT_FALSE(has(page_text(pdf, 1), "Mentions 1"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Mentions 1"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Vendeur 3"));
}

TEST(PdfKeepTogether, TableTotalNeverStandsAloneOnANewPage) {
  // Rows are 8.55 x 1.3 + 2 x 4 = 19.115 pt. After 40 lines (608.61 pt) and the 6 pt gap the
  // header ends at 633.73 pt and (779.528 - 633.73) / 19.115 = 7.6 rows fit: all 7 rows, not the
  // total. The last row goes with the total, so page 2 holds 2 rows' worth, not a lone total.
  layout::Table t;
  t.columns = {{"Désignation", 3}, {"Montant", 1, layout::Align::right, layout::CellType::money}};
  for (int i = 1; i <= 7; ++i)
    t.rows.push_back({{layout::CellType::text, "Ligne " + std::to_string(i)}, {layout::CellType::money, "10.00"}});
  t.total = {{layout::CellType::text, "Total"}, {layout::CellType::money, "70.00", true, true}};  // 7 x 10.00, given
  const std::string pdf = render("table.pdf", document({lines("Remplissage", 40), t}));
  EXPECT_EQ(pages(pdf), 2);
  EXPECT_TRUE(has(page_text(pdf, 1), "Ligne 6"));
  EXPECT_FALSE(has(page_text(pdf, 1), "Ligne 7"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Ligne 7"));
  EXPECT_TRUE(has(page_text(pdf, 2), "Désignation"));  // the header is repeated
  EXPECT_TRUE(has(page_text(pdf, 2), "70,00"));        // 7 x 10.00
}

TEST(PdfKeepTogether, KeepWithNextIsReadAndWrittenByTheMarkup) {
  const auto d =
      layout::parse_markup(R"(<document title="t"><p keep-with-next="true">a</p><p>b</p></document>)", "t.xml");
  const auto& first = std::get<layout::Paragraph>(d.blocks[0]);
  EXPECT_TRUE(first.keep_with_next);
  EXPECT_FALSE(std::get<layout::Paragraph>(d.blocks[1]).keep_with_next);
  EXPECT_TRUE(has(layout::to_markup(d), R"(<p keep-with-next="true">a</p>)"));
}

TEST(PdfKeepTogether, KeepWithNextTakesOnlyTrueOrFalse) {
  try {
    layout::parse_markup(R"(<document title="t"><p keep-with-next="yes">a</p></document>)", "t.xml");
    FAIL();
  } catch (const layout::MarkupError& e) {
    EXPECT_STREQ(e.what(), "t.xml:1: bad value \"yes\" for keep-with-next on <p> (true or false)");
  }
}

// Hostnames in narrow columns: widths are measured with DejaVu Sans at 8.55 pt (table cells).
const FontFace& regular() {
  static const auto face = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  return *face;
}
const FontFace& bold() {
  static const auto face = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
  return *face;
}
constexpr double kCell = 8.55;

std::vector<std::string> wrap(const std::string& word, const std::string& widest_that_fits) {
  const Fonts fonts{regular(), bold()};
  return wrap_text(word, false, fonts, kCell, regular().width(widest_that_fits, kCell) + 0.1);
}

TEST(PdfHostnameWrap, BreaksAfterTheHyphenWhereItUsedToCutTheWord) {
  // The column of the demo's "web01.saint-roc" / "h.fr": the whole name does not fit; the top-level
  // domain stays with its name, so the break is after "saint-".
  EXPECT_EQ(wrap("web01.saint-roch.fr", "web01.saint-roc"), (std::vector<std::string>{"web01.saint-", "roch.fr"}));
}

TEST(PdfHostnameWrap, NeverLeavesTheTopLevelDomainAlone) {
  EXPECT_EQ(wrap("web01.saint-roch.fr", "web01.saint-roch."), (std::vector<std::string>{"web01.saint-", "roch.fr"}));
  EXPECT_EQ(wrap("srv.jardins-partages.org", "srv.jardins-partages."),
            (std::vector<std::string>{"srv.jardins-", "partages.org"}));
}

TEST(PdfHostnameWrap, BreaksAfterTheDotWhenTheHyphenDoesNotFit) {
  EXPECT_EQ(wrap("app01.transports-garnier.fr", "app01.transports"),
            (std::vector<std::string>{"app01.", "transports-", "garnier.fr"}));
}

TEST(PdfHostnameWrap, CutsBetweenCharactersOnlyTheSegmentWiderThanTheLine) {
  // At 10 pt a digit is 6.3623 pt: 15 fit in 100 pt. "a." fits; the 30-digit segment does not, so
  // it starts its own line and is cut 15 + 15; "." (3.18 pt) still fits after them, "f" does not.
  const Fonts fonts{regular(), bold()};
  const std::string zeros(15, '0');
  EXPECT_EQ(wrap_text("a." + zeros + zeros + ".fr", false, fonts, 10, 100),
            (std::vector<std::string>{"a.", zeros, zeros + ".", "fr"}));
}

TEST(PdfHostnameWrap, ALeadingMinusIsNoBreakPoint) {
  EXPECT_EQ(wrap("-123456", "-1234"), (std::vector<std::string>{"-1234", "56"}));
}

}  // namespace
}  // namespace clause::pdf
