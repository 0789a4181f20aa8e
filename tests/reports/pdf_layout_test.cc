// Unit checks of the PDF renderer's pure parts: typed cell text, column sums, line breaking and
// metadata dates. The French forms come from reports/format.h: U+202F groups thousands and
// precedes "%"; U+00A0 precedes "€".
#include <gtest/gtest.h>

#include "reports/pdf/cell_text.h"
#include "reports/pdf/font_face.h"
#include "reports/pdf/pdf_metadata.h"
#include "reports/pdf/text_wrap.h"

namespace clause::pdf {
namespace {

using layout::CellType;

const FontFace& regular() {
  static const auto face = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  return *face;
}
const FontFace& bold() {
  static const auto face = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
  return *face;
}

TEST(PdfCellText, MoneyIsFormattedTheFrenchWay) {
  EXPECT_EQ(display_text(CellType::money, "1234.56", Language::fr), "1\u202F234,56\u00A0€");
}

TEST(PdfCellText, DateAndDatetimeAreDayFirst) {
  EXPECT_EQ(display_text(CellType::date, "2026-10-31", Language::fr), "31/10/2026");
  EXPECT_EQ(display_text(CellType::datetime, "2026-10-31T17:30", Language::fr), "31/10/2026 17:30");
}

TEST(PdfCellText, PercentKeepsTheDecimalsGiven) {
  EXPECT_EQ(display_text(CellType::percent, "99.953", Language::fr), "99,953\u00A0%");
}

TEST(PdfCellText, UnparsableValueIsShownAsGiven) {
  EXPECT_EQ(display_text(CellType::money, "n/a", Language::fr), "n/a");
}

// The column sums moved to the markup parser (tests/reports/markup_parse_test.cc, MarkupTotals):
// the PDF prints the total it is given (issue 11 "money is summed once").

TEST(PdfFontFace, MeasuresWithTheFontAdvances) {
  // DejaVu Sans: "0" advances 636.23 thousandths of an em -> 6.3623 pt at 10 pt.
  EXPECT_NEAR(regular().width("0", 10), 6.3623, 0.001);
  EXPECT_NEAR(regular().width("00", 10), 12.7246, 0.001);
}

TEST(PdfTextWrap, BreaksAtSpacesNeverAtNarrowNoBreakSpaces) {
  const Fonts fonts{regular(), bold()};
  const std::string amount = "1\u202F234,56\u00A0€";
  // Too narrow for the whole line, wide enough for the amount alone.
  const double width = std::max(regular().width("Total dû 1", 10), regular().width(amount, 10));
  const auto lines = wrap_text("Total dû " + amount, false, fonts, 10, width);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Total dû");
  EXPECT_EQ(lines[1], amount);
}

TEST(PdfTextWrap, CutsAWordLongerThanTheLine) {
  const Fonts fonts{regular(), bold()};
  const std::string word(30, '0');  // 30 x 6.3623 pt = 190.9 pt at 10 pt
  const auto lines = wrap_text(word, false, fonts, 10, 100);
  // 100 / 6.3623 = 15.7: 15 digits per line, then 15.
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], std::string(15, '0'));
  EXPECT_EQ(lines[1], std::string(15, '0'));
}

TEST(PdfTextWrap, KeepsBoldRunsApartOnOneLine) {
  const Fonts fonts{regular(), bold()};
  const auto lines = wrap_spans({{"Montant : ", false}, {"12 €", true}}, fonts, 10, 500);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].pieces.size(), 2u);
  EXPECT_EQ(lines[0].pieces[0].text, "Montant :");
  EXPECT_EQ(lines[0].pieces[1].text, "12 €");
  EXPECT_TRUE(lines[0].pieces[1].bold);
}

TEST(PdfMetadata, DatesAreUtcInBothForms) {
  const Instant t = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1} + std::chrono::hours{9};
  EXPECT_EQ(pdf_date(t), "D:20261101090000+00'00'");
  EXPECT_EQ(xmp_date(t), "2026-11-01T09:00:00+00:00");
}

TEST(PdfMetadata, FacturxExtensionDescribesItsFourProperties) {
  const XmpExtension fx = facturx_xmp_extension();
  EXPECT_EQ(fx.prefix, "fx");
  ASSERT_EQ(fx.properties.size(), 4u);
  EXPECT_EQ(fx.properties[1].name, "DocumentType");
  EXPECT_EQ(fx.properties[1].value, "INVOICE");
  EXPECT_EQ(fx.properties[3].value, "EN 16931");
}

}  // namespace
}  // namespace clause::pdf
