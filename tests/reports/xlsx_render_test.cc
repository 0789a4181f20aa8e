// The workbook renderer, read back with openpyxl (tests/reports/xlsx_dump.py): typed cells and
// their number formats, SUM totals with cached values, frozen header, autofilter, native charts,
// sheet names that Excel accepts, and byte-identical files for the same document.
#include "reports/xlsx/xlsx_renderer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "reports/layout/markup.h"
#include "reports/templates/template_set.h"
#include "reports/xlsx/sheet_names.h"

namespace clause::xlsx {
namespace {

namespace fs = std::filesystem;

const char* kDocument = R"(<document title="Relevé" author="Kalanda" language="fr">
  <kv sheet="Synthèse"><row key="Contrat">K-1</row><row key="Émis le" type="date">2026-11-01</row></kv>
  <table name="Avoirs: octobre/novembre 2026 [détail complet]">
    <col title="Service" width="3"/>
    <col title="Montant" width="2" type="money"/>
    <col title="Taux" type="percent"/>
    <col title="Date" type="date"/>
    <col title="Contact" width="2.5" type="datetime"/>
    <col title="Nb" type="integer"/>
    <tr><td>web</td><td>1234.56</td><td>99.953</td><td>2026-10-31</td><td>2026-10-14T17:30</td><td>2</td></tr>
    <tr><td>base</td><td>-0.56</td><td>25</td><td></td><td></td><td>1</td></tr>
    <total><td>Total</td><td sum="true"/><td/><td/><td/><td sum="true"/></total>
  </table>
  <chart kind="line" title="Disponibilité" y-min="98" y-max="100" sheet="Dispo">
    <labels>1 2 3</labels><series name="web">100 99.5 98.25</series>
  </chart>
  <chart kind="bar" title="Incidents" sheet="Dispo">
    <labels>a b</labels><series name="x">1 2</series><series name="y">3 4</series>
  </chart>
</document>)";

// Per process: ctest runs each test in its own process, two at a time.
fs::path temp(const std::string& name) {
  return fs::temp_directory_path() / ("clause_xlsx_test_" + std::to_string(::getpid()) + "_" + name);
}

nlohmann::json dump(const fs::path& file) {
  std::string command = "/usr/bin/python3 " CLAUSE_SOURCE_DIR "/tests/reports/xlsx_dump.py '" + file.string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  std::string text;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << text;
  return nlohmann::json::parse(text);
}

std::string bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class XlsxRender : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    XlsxOptions options;
    options.created = 1793491200;  // 2026-11-01T00:00:00Z
    render_xlsx(layout::parse_markup(kDocument, "doc"), temp("a.xlsx"), options);
    book_ = new nlohmann::json(dump(temp("a.xlsx")));
  }
  static void TearDownTestSuite() { delete book_; }
  static const nlohmann::json& sheet(int i) { return (*book_)["sheets"][i]; }
  static const nlohmann::json& cell(int i, const char* ref) { return sheet(i)["cells"][ref]; }
  static nlohmann::json* book_;
};
nlohmann::json* XlsxRender::book_ = nullptr;

TEST_F(XlsxRender, OneSheetPerNamedBlockWithLegalNames) {
  ASSERT_EQ((*book_)["sheets"].size(), 3u);
  EXPECT_EQ(sheet(0)["name"], "Synthèse");
  // ':' '/' '[' ']' replaced by '-', cut at 31 characters: "Avoirs- octobre-novembre 2026 -".
  EXPECT_EQ(sheet(1)["name"], "Avoirs- octobre-novembre 2026 -");
  EXPECT_EQ(sheet(2)["name"], "Dispo");  // both charts share the sheet they name
}

TEST_F(XlsxRender, DocumentPropertiesUseTheGivenCreationTime) {
  EXPECT_EQ((*book_)["title"], "Relevé");
  EXPECT_EQ((*book_)["creator"], "Kalanda");
  EXPECT_EQ((*book_)["created"], "2026-11-01T00:00:00");
  // libxlsxwriter stamps every zip entry with the DOS epoch, never the clock.
  EXPECT_EQ((*book_)["zip_dates"], nlohmann::json::array({"1980-01-01T00:00:00"}));
}

TEST_F(XlsxRender, KeyValuesSheetHoldsTypedValues) {
  EXPECT_EQ(cell(0, "A1")["value"], "Contrat");
  EXPECT_TRUE(cell(0, "A1")["bold"]);
  EXPECT_EQ(cell(0, "B2")["value"], "2026-11-01T00:00:00");
  EXPECT_EQ(cell(0, "B2")["format"], "dd/mm/yyyy");
}

TEST_F(XlsxRender, MoneyIsANumberInEuroFormat) {
  EXPECT_EQ(cell(1, "B2")["value"], 1234.56);
  EXPECT_EQ(cell(1, "B2")["format"], "#,##0.00 \"€\"");
  EXPECT_EQ(cell(1, "B3")["value"], -0.56);
}

TEST_F(XlsxRender, PercentIsAFraction) {
  EXPECT_DOUBLE_EQ(cell(1, "C2")["value"].get<double>(), 0.99953);
  // F1: the decimals the figure carries, a no-break space before the sign as in the PDF.
  EXPECT_EQ(cell(1, "C2")["format"], "0.000\"\u00A0\"%");
}

TEST_F(XlsxRender, DatesAreExcelDates) {
  EXPECT_EQ(cell(1, "D2")["value"], "2026-10-31T00:00:00");
  EXPECT_EQ(cell(1, "E2")["value"], "2026-10-14T17:30:00");
  EXPECT_EQ(cell(1, "E2")["format"], "dd/mm/yyyy hh:mm");
  EXPECT_FALSE(sheet(1)["cells"].contains("D3"));  // a blank date stays blank
  EXPECT_EQ(cell(1, "F2")["value"], 2);
  EXPECT_EQ(cell(1, "F2")["format"], "#,##0");
}

TEST_F(XlsxRender, TotalRowIsSumFormulasWithCachedValues) {
  EXPECT_EQ(cell(1, "A4")["value"], "Total");
  EXPECT_EQ(cell(1, "B4")["value"], "=SUM(B2:B3)");
  EXPECT_EQ(cell(1, "B4")["cached"], 1234);  // 1234.56 - 0.56
  EXPECT_TRUE(cell(1, "B4")["bold"]);
  EXPECT_EQ(cell(1, "F4")["value"], "=SUM(F2:F3)");
  EXPECT_EQ(cell(1, "F4")["cached"], 3);
}

TEST_F(XlsxRender, HeaderFrozenAutofilterAndWidths) {
  EXPECT_EQ(sheet(1)["freeze"], "A2");
  EXPECT_EQ(sheet(1)["filter"], "A1:F3");  // header and data rows, not the total
  EXPECT_TRUE(cell(1, "A1")["bold"]);
  // width 3 -> 18 characters; libxlsxwriter stores Excel's padded width (18 + 0.71).
  EXPECT_EQ(sheet(1)["widths"]["A"], 18.71);
}

TEST_F(XlsxRender, NativeChartsBesideTheirData) {
  const auto& charts = sheet(2)["charts"];
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(charts[0]["type"], "lineChart");
  EXPECT_EQ(charts[0]["series"], 1);
  EXPECT_EQ(charts[0]["title"], "Disponibilité");
  EXPECT_EQ(charts[0]["y_min"], 98);
  EXPECT_EQ(charts[0]["y_max"], 100);
  EXPECT_EQ(charts[1]["type"], "barChart");
  EXPECT_EQ(charts[1]["series"], 2);
  EXPECT_EQ(cell(2, "B1")["value"], "web");
  EXPECT_EQ(cell(2, "B4")["value"], 98.25);
  // The second chart's data starts below the first chart (17 rows further): row 18.
  EXPECT_EQ(cell(2, "B18")["value"], "x");
  EXPECT_EQ(cell(2, "C19")["value"], 3);
}

TEST(XlsxDeterminism, SameDocumentGivesTheSameBytes) {
  XlsxOptions options;
  options.created = 1793491200;
  auto document = layout::parse_markup(kDocument, "doc");
  render_xlsx(document, temp("b1.xlsx"), options);
  render_xlsx(document, temp("b2.xlsx"), options);
  std::string first = bytes(temp("b1.xlsx"));
  EXPECT_GT(first.size(), 1000u);
  EXPECT_TRUE(first == bytes(temp("b2.xlsx")));
}

TEST(XlsxStatement, TheSampleStatementRendersAndReadsBack) {
  auto set = templates::TemplateSet::load(fs::path(CLAUSE_SOURCE_DIR) / "templates/fr");
  render_xlsx(set.render("statement", set.sample("statement")), temp("statement.xlsx"), XlsxOptions{});
  auto book = dump(temp("statement.xlsx"));
  std::vector<std::string> names;
  for (const auto& s : book["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "Chiffres clés", "Contrat", "Services du contrat", "Incidents du mois", "Rétablissement (GTR)",
                       "Disponibilité par service", "Dispo front.lefevre.fr", "Lignes d'avoir", "Avoir par service",
                       "Forfait d'urgences", "Interventions du mois", "Conseil et support", "Sauvegardes par serveur",
                       "Jours sans sauvegarde complète", "Sauvegardes du mois", "Périodes d'accès root"}));
  // The sample's two credit lines: 312.50 (GTI 25 % of 1 250.00) + 20.00 (HA 5 % of 400.00).
  EXPECT_EQ(book["sheets"][7]["cells"]["F4"]["value"], "=SUM(F2:F3)");
  EXPECT_EQ(book["sheets"][7]["cells"]["F4"]["cached"], 332.5);
  EXPECT_EQ(book["created"], "1980-01-01T00:00:00");
}

TEST(SheetNames, ExcelRules) {
  SheetNames names;
  EXPECT_EQ(names.claim("Avoirs"), "Avoirs");
  EXPECT_EQ(names.claim("AVOIRS"), "AVOIRS (2)");  // Excel compares names case-insensitively
  EXPECT_EQ(names.claim(""), "Feuille");
  EXPECT_EQ(names.claim("'cité'"), "cité");
  EXPECT_EQ(names.claim("History"), "History (1)");
  // 32 characters, 'é' counting as one: cut at 31; on a clash 27 characters + " (2)".
  EXPECT_EQ(names.claim("Disponibilité du service web HA!"), "Disponibilité du service web HA");
  EXPECT_EQ(names.claim("Disponibilité du service web HA!"), "Disponibilité du service we (2)");
}

}  // namespace
}  // namespace clause::xlsx
