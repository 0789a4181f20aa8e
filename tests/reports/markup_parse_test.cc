// The layout markup: each element maps to one layout block; errors name the line and the reason.
#include "reports/layout/markup.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace clause::layout {
namespace {

const char* kSample =
    R"(<document title="Relevé" author="Kalanda" language="fr" header="K-2026-001" footer="Kalanda SAS">
  <h1>Relevé mensuel</h1>
  <p small="true">Période du
     <b>01/10/2026</b> au <b>31/10/2026</b> .</p>
  <kv sheet="Synthèse">
    <row key="Contrat">K-2026-001</row>
    <row key="Avoir" type="money">-123.40</row>
  </kv>
  <table name="Avoirs" shaded="false">
    <col title="Service" width="3"/>
    <col title="Montant" width="1.5" type="money"/>
    <col title="Taux" type="percent" align="center"/>
    <tr><td>web</td><td>10.05</td><td>5</td></tr>
    <tr><td>base</td><td>0.95</td><td>12.5</td></tr>
    <tr><td>note</td><td type="text">n/a</td><td></td></tr>
    <total><td>Total</td><td sum="true"/><td sum="true"/></total>
  </table>
  <image src="logo.png" width-mm="35"/>
  <chart kind="line" title="Disponibilité" y-title="%" y-min="99" y-max="100" sheet="Dispo">
    <labels><label>1 oct.</label><label>2 oct.</label></labels>
    <series name="web">99.5 100</series>
    <series name="base"><v>100</v><v>99.95</v></series>
  </chart>
  <pagebreak/>
  <signature><party>Pour le prestataire</party><party>Pour le client</party></signature>
</document>)";

TEST(MarkupParse, DocumentAttributes) {
  Document d = parse_markup(kSample, "sample");
  EXPECT_EQ(d.title, "Relevé");
  EXPECT_EQ(d.author, "Kalanda");
  EXPECT_EQ(d.header, "K-2026-001");
  EXPECT_EQ(d.footer, "Kalanda SAS");
  ASSERT_EQ(d.blocks.size(), 8u);
  EXPECT_EQ(std::get<Heading>(d.blocks[0]).text, "Relevé mensuel");
  EXPECT_EQ(std::get<Heading>(d.blocks[0]).level, 1);
}

TEST(MarkupParse, ParagraphCollapsesBlanksAndKeepsBoldSpans) {
  Paragraph p = std::get<Paragraph>(parse_markup(kSample, "sample").blocks[1]);
  EXPECT_TRUE(p.small);
  ASSERT_EQ(p.spans.size(), 5u);
  EXPECT_EQ(p.spans[0].text, "Période du ");
  EXPECT_EQ(p.spans[1].text, "01/10/2026");
  EXPECT_TRUE(p.spans[1].bold);
  EXPECT_EQ(p.spans[2].text, " au ");
  EXPECT_EQ(p.spans[4].text, " .");
}

TEST(MarkupParse, KeyValuesAreTyped) {
  KeyValues kv = std::get<KeyValues>(parse_markup(kSample, "sample").blocks[2]);
  EXPECT_EQ(kv.sheet, "Synthèse");
  ASSERT_EQ(kv.rows.size(), 2u);
  EXPECT_EQ(kv.rows[0].key, "Contrat");
  EXPECT_EQ(kv.rows[0].type, CellType::text);
  EXPECT_EQ(kv.rows[1].value, "-123.40");
  EXPECT_EQ(kv.rows[1].type, CellType::money);
}

TEST(MarkupParse, TableColumnsDefaultsAndComputedTotals) {
  Table t = std::get<Table>(parse_markup(kSample, "sample").blocks[3]);
  EXPECT_EQ(t.name, "Avoirs");
  EXPECT_FALSE(t.shaded);
  EXPECT_EQ(t.columns[0].align, Align::left);
  EXPECT_EQ(t.columns[1].align, Align::right);  // numeric columns align right unless told
  EXPECT_EQ(t.columns[1].width, 1.5);
  EXPECT_EQ(t.columns[2].align, Align::center);
  EXPECT_EQ(t.rows[0][1].type, CellType::money);
  EXPECT_EQ(t.rows[2][1].type, CellType::text);
  EXPECT_TRUE(t.total[0].bold);
  // 10.05 + 0.95 = 11.00 (the "n/a" text cell is not summed); 5 + 12.5 = 17.5 (blank skipped).
  EXPECT_EQ(t.total[1].value, "11.00");
  EXPECT_TRUE(t.total[1].sum);
  EXPECT_EQ(t.total[2].value, "17.5");
}

TEST(MarkupParse, ImageChartPageBreakSignature) {
  Document d = parse_markup(kSample, "sample");
  EXPECT_EQ(std::get<Image>(d.blocks[4]).path, "logo.png");
  EXPECT_EQ(std::get<Image>(d.blocks[4]).width_mm, 35);
  Chart c = std::get<Chart>(d.blocks[5]);
  EXPECT_EQ(c.kind, Chart::Kind::line);
  EXPECT_EQ(c.labels, (std::vector<std::string>{"1 oct.", "2 oct."}));
  EXPECT_EQ(c.series[0].values, (std::vector<double>{99.5, 100}));
  EXPECT_EQ(c.series[1].values, (std::vector<double>{100, 99.95}));
  EXPECT_EQ(c.y_min, 99);
  EXPECT_EQ(c.sheet, "Dispo");
  EXPECT_TRUE(std::holds_alternative<PageBreak>(d.blocks[6]));
  EXPECT_EQ(std::get<Signature>(d.blocks[7]).parties,
            (std::vector<std::string>{"Pour le prestataire", "Pour le client"}));
}

TEST(MarkupParse, EscapedSlashAndEntitiesAreDecoded) {
  Document d = parse_markup("<document><h2>A &#x2F; B &amp; C\u202F%</h2></document>", "x");
  EXPECT_EQ(std::get<Heading>(d.blocks[0]).text, "A / B & C\u202F%");
}

TEST(MarkupRoundTrip, WriteThenParseGivesTheSameMarkup) {
  Document d = parse_markup(kSample, "sample");
  std::string once = to_markup(d);
  Document again = parse_markup(once, "written");
  EXPECT_EQ(to_markup(again), once);
  Paragraph p = std::get<Paragraph>(again.blocks[1]);
  ASSERT_EQ(p.spans.size(), 5u);
  EXPECT_EQ(p.spans[2].text, " au ");
  EXPECT_EQ(std::get<Table>(again.blocks[3]).total[1].value, "11.00");
  EXPECT_EQ(std::get<Chart>(again.blocks[5]).series[1].values[1], 99.95);
}

std::string error_of(const std::string& markup) {
  try {
    parse_markup(markup, "t.xml");
  } catch (const MarkupError& e) {
    return e.what();
  }
  return "no error";
}

// One table of `type` whose rows hold `values` and whose total cell is `total` (a <td ...>).
std::string one_column(const std::string& type, std::vector<std::string> values, const std::string& total) {
  std::string m = "<document><table><col type=\"" + type + "\"/>\n";
  for (const auto& v : values) m += "<tr><td>" + v + "</td></tr>";
  return m + "<total>" + total + "</total></table></document>";
}

std::string total_of(const std::string& markup) {
  return std::get<Table>(parse_markup(markup, "t.xml").blocks[0]).total[0].value;
}

// Moved from PdfColumnSum: 0.10 + 0.20 + 1234.56 = 1234.86 exactly (no binary floating point on amounts).
TEST(MarkupTotals, MoneySumsExactCents) {
  EXPECT_EQ(total_of(one_column("money", {"0.10", "0.20", "1234.56"}, "<td sum=\"true\"/>")), "1234.86");
}

// Moved from PdfColumnSum: 1.5 + 2.25 = 3.75, the most decimals seen.
TEST(MarkupTotals, NumbersKeepTheMostDecimalsSeen) {
  EXPECT_EQ(total_of(one_column("number", {"1.5", "2.25"}, "<td sum=\"true\"/>")), "3.75");
  EXPECT_EQ(error_of(one_column("text", {"a"}, "<td sum=\"true\"/>")),
            "t.xml:2: sum=\"true\" needs a money, percent, number or integer column");
}

// Issue 11: the builder's total (312.50 + 20.00 = 332.50, in cents) is printed as given.
TEST(MarkupTotals, AGivenTotalIsTheBuildersFigure) {
  EXPECT_EQ(total_of(one_column("money", {"312.50", "20.00"}, "<td sum=\"true\">332.50</td>")), "332.50");
  EXPECT_EQ(total_of(one_column("number", {"1.5", "2.25"}, "<td sum=\"true\">3.750</td>")), "3.750");
}

// A given total that is not its column's sum would make the PDF and the workbook's SUM disagree.
TEST(MarkupTotals, AGivenTotalThatIsNotTheColumnsSumIsRefused) {
  EXPECT_EQ(error_of(one_column("money", {"312.50", "20.00"}, "<td sum=\"true\">332.05</td>")),
            "t.xml:1: the total 332.05 of column 1 is not the sum of its rows (332.50)");
}

TEST(MarkupErrors, UnknownTag) {
  EXPECT_EQ(error_of("<document>\n<tabel/>\n</document>"), "t.xml:2: unknown tag <tabel>");
}

TEST(MarkupErrors, KnownTagInTheWrongPlace) {
  EXPECT_EQ(error_of("<document>\n<kv><td/></kv></document>"), "t.xml:2: <td> is not allowed inside <kv>");
}

TEST(MarkupErrors, UnknownAttribute) {
  EXPECT_EQ(error_of("<document>\n<table name=\"t\">\n<col title=\"a\" colour=\"red\"/></table></document>"),
            "t.xml:3: unknown attribute colour on <col>");
}

TEST(MarkupErrors, CellCountMustMatchColumns) {
  EXPECT_EQ(error_of("<document><table><col/><col/>\n\n<tr><td>1</td></tr></table></document>"),
            "t.xml:3: <tr> has 1 <td>, the table has 2 columns");
}

TEST(MarkupErrors, MoneyWithCommaIsRejected) {
  EXPECT_EQ(error_of("<document><kv>\n<row key=\"k\" type=\"money\">12,5</row></kv></document>"),
            "t.xml:2: bad money value \"12,5\" in <row> (expected 1234.56)");
}

TEST(MarkupErrors, BadDateInTypedColumn) {
  EXPECT_EQ(error_of("<document><table><col type=\"date\"/><tr><td>31/10/2026</td></tr></table></document>"),
            "t.xml:1: bad date value \"31/10/2026\" in <td> (expected 2026-10-31)");
}

TEST(MarkupErrors, MalformedXmlNamesTheLine) {
  EXPECT_EQ(error_of("<document>\n<h1>x</h2>\n</document>"), "t.xml:2: malformed markup: Start-end tags mismatch");
}

TEST(MarkupErrors, SeriesLengthMustMatchLabels) {
  EXPECT_EQ(error_of("<document><chart><labels>1 2 3</labels>\n<series name=\"web\">1 2</series></chart></document>"),
            "t.xml:2: series \"web\" has 2 values, the chart has 3 labels");
}

TEST(MarkupErrors, StrayTextBetweenBlocks) {
  EXPECT_EQ(error_of("<document>\nloose words\n<pagebreak/></document>"),
            "t.xml:1: text \"loose words\" is not allowed inside <document>");
}

TEST(MarkupErrors, RootMustBeDocument) {
  EXPECT_EQ(error_of("<doc/>"), "t.xml:1: the root element must be <document>, not <doc>");
}

TEST(TypedValue, MachineForms) {
  EXPECT_TRUE(is_valid_typed_value(CellType::money, "-0.05"));
  EXPECT_FALSE(is_valid_typed_value(CellType::money, "1.234"));
  EXPECT_TRUE(is_valid_typed_value(CellType::datetime, "2026-10-31T17:30"));
  EXPECT_FALSE(is_valid_typed_value(CellType::datetime, "2026-10-31T24:00"));
  EXPECT_TRUE(is_valid_typed_value(CellType::integer, "-42"));
  EXPECT_FALSE(is_valid_typed_value(CellType::integer, "4.2"));
  EXPECT_FALSE(is_valid_typed_value(CellType::percent, "99,9"));
  EXPECT_TRUE(is_valid_typed_value(CellType::date, ""));  // a blank cell
}

}  // namespace
}  // namespace clause::layout
