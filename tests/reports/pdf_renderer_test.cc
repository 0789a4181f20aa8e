// The PDF renderer checked with real readers: qpdf --check, pdffonts, pdftotext, pdfinfo,
// pdfdetach and pdftoppm (poppler-utils, qpdf). Sample documents are built in C++ and written
// under the build directory (test-output/pdf/) so that a failure can be opened and looked at.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <zlib.h>

#include "model/whole_file.h"
#include "reports/pdf/content_stream.h"
#include "reports/pdf/pdf_renderer.h"
#include "tests/support/shell.h"

namespace clause::pdf {
namespace {

using clause::testing::run;

namespace fs = std::filesystem;
using layout::Align;
using layout::CellType;

fs::path output_dir() {
  fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "pdf";
  fs::create_directories(dir);
  return dir;
}

std::string write_file(const std::string& name, const std::string& bytes) {
  const fs::path path = output_dir() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

// A tiny PNG (stored deflate blocks): a server-rack logo in the accent colour.
std::string rack_logo_png() {
  const int w = 96, h = 96;
  std::string raw;
  for (int y = 0; y < h; ++y) {
    raw.push_back(0);  // filter: none
    for (int x = 0; x < w; ++x) {
      const bool frame = x >= 8 && x < 88 && y >= 8 && y < 88;
      const int band = (y - 18) % 24;
      const bool slot = x >= 18 && x < 78 && y >= 18 && y < 78 && band >= 0 && band < 12;
      const bool led = slot && x >= 64 && x < 70 && band >= 3 && band < 9;
      unsigned char r = 255, g = 255, b = 255;
      if (frame) {
        r = 24;
        g = 66;
        b = 114;
      }
      if (slot) {
        r = 255;
        g = 255;
        b = 255;
      }
      if (led) {
        r = 24;
        g = 66;
        b = 114;
      }
      raw.push_back(static_cast<char>(r));
      raw.push_back(static_cast<char>(g));
      raw.push_back(static_cast<char>(b));
    }
  }
  const auto crc32 = [](const std::string& data) {
    unsigned long c = 0xFFFFFFFFul;
    for (unsigned char byte : data) {
      c ^= byte;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320ul & (0ul - (c & 1)));
    }
    return c ^ 0xFFFFFFFFul;
  };
  const auto be32 = [](unsigned long v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  std::string z = "\x78\x01";
  unsigned long a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  for (std::size_t i = 0; i < raw.size(); i += 65535) {
    const std::size_t len = std::min<std::size_t>(65535, raw.size() - i);
    z.push_back(i + len == raw.size() ? 1 : 0);
    z.push_back(static_cast<char>(len & 0xFF));
    z.push_back(static_cast<char>(len >> 8));
    z.push_back(static_cast<char>(~len & 0xFF));
    z.push_back(static_cast<char>((~len >> 8) & 0xFF));
    z.append(raw, i, len);
  }
  z += be32(b << 16 | a);
  const auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(data.size()) + type + data + be32(crc32(type + data));
  };
  std::string ihdr = be32(w) + be32(h) + std::string("\x08\x02\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) + chunk("IEND", "");
}

PdfStyle sample_style() {
  PdfStyle style;
  style.logo_path = write_file("logo.png", rack_logo_png());
  style.logo_width_mm = 14;
  return style;
}

Instant issue_date() { return std::chrono::sys_days{std::chrono::year{2026} / 11 / 1}; }

PdfOptions dated() {
  PdfOptions options;
  options.created = issue_date();
  return options;
}

layout::Document statement() {
  layout::Document d;
  d.title = "Relevé de niveau de service — octobre 2026";
  d.author = "Hébergeur Exemple SAS";
  d.subject = "Contrat K-2026-001";
  d.header = "Hébergeur Exemple SAS · Relevé de niveau de service · octobre 2026";
  d.footer =
      "Hébergeur Exemple SAS, 12 rue de la Gare, 69003 Lyon · SIREN 812 345 678 · "
      "TVA FR12812345678 · support@hebergeur.example";
  d.blocks.push_back(layout::Heading{1, "Relevé de niveau de service"});
  d.blocks.push_back(layout::Paragraph{{{"Période du 1er au 31 octobre 2026 · contrat ", false},
                                        {"K-2026-001", true},
                                        {" · infogérance Premium", false}}});
  d.blocks.push_back(layout::KeyValues{{{"Prestataire", "Hébergeur Exemple SAS, 12 rue de la Gare, 69003 Lyon"},
                                        {"Client", "Boulangerie Lefèvre & Fils, 4 place du Marché, 21000 Dijon"},
                                        {"Émis le", "2026-11-01", CellType::date}},
                                       ""});
  d.blocks.push_back(layout::Heading{2, "Chiffres clés"});
  d.blocks.push_back(layout::KeyValues{{{"Disponibilité mesurée", "99.953", CellType::percent},
                                        {"Engagement contractuel", "99.9", CellType::percent},
                                        {"Indisponibilité imputable", "20 min 18 s"},
                                        {"Incidents critiques", "2", CellType::integer},
                                        {"Crédit de service dû", "1234.56", CellType::money}},
                                       ""});
  layout::Table incidents;
  incidents.name = "Incidents du mois";
  incidents.columns = {{"Référence", 1.1},
                       {"Ouverture", 1.5, Align::left, CellType::datetime},
                       {"Priorité", 0.8, Align::center},
                       {"Délai de prise en charge", 1.3, Align::right},
                       {"Pénalité", 1.1, Align::right, CellType::money}};
  incidents.rows = {{{CellType::text, "INC-2026-0412"},
                     {CellType::datetime, "2026-10-03T09:14"},
                     {CellType::text, "P1"},
                     {CellType::text, "12 min"},
                     {CellType::money, "0"}},
                    {{CellType::text, "INC-2026-0431"},
                     {CellType::datetime, "2026-10-11T22:47"},
                     {CellType::text, "P1"},
                     {CellType::text, "48 min"},
                     {CellType::money, "617.28"}},
                    {{CellType::text, "INC-2026-0457"},
                     {CellType::datetime, "2026-10-19T14:02"},
                     {CellType::text, "P2"},
                     {CellType::text, "1 h 55"},
                     {CellType::money, "617.28"}},
                    {{CellType::text, "INC-2026-0470"},
                     {CellType::datetime, "2026-10-27T08:30"},
                     {CellType::text, "P3"},
                     {CellType::text, "3 h 10"},
                     {CellType::money, "0"}}};
  incidents.total = {
      {CellType::text, "Total"}, {}, {}, {}, {CellType::money, "1234.56", true, true}};  // given, as a builder does
  d.blocks.push_back(layout::Heading{2, "Incidents"});
  d.blocks.push_back(incidents);
  layout::Chart chart;
  chart.kind = layout::Chart::Kind::bar;
  chart.title = "Disponibilité quotidienne";
  chart.x_title = "Jour d'octobre 2026";
  chart.y_title = "Disponibilité (%)";
  layout::Series availability{"Disponibilité", {}};
  for (int day = 1; day <= 31; ++day) {
    chart.labels.push_back(std::to_string(day));
    availability.values.push_back(day == 11 ? 99.2 : day == 19 ? 99.6 : day == 3 ? 99.85 : 100.0);
  }
  chart.series = {availability};
  chart.y_min = 99.0;
  chart.y_max = 100.0;
  d.blocks.push_back(layout::Heading{2, "Disponibilité"});
  d.blocks.push_back(chart);
  d.blocks.push_back(layout::Paragraph{{{"Le crédit de service est imputé sur la prochaine facture (article 7.3 "
                                         "des conditions particulières). Toute réclamation doit nous parvenir "
                                         "dans les trente jours suivant l'émission du présent relevé.",
                                         false}},
                                       true});
  layout::Chart trend;
  trend.kind = layout::Chart::Kind::line;
  trend.title = "Temps de prise en charge moyen (minutes)";
  trend.labels = {"mai", "juin", "juil.", "août", "sept.", "oct."};
  trend.series = {{"P1", {18, 22, 15, 30, 12, 30}}, {"P2", {55, 61, 48, 70, 52, 115}}};
  d.blocks.push_back(layout::PageBreak{});
  d.blocks.push_back(layout::Heading{2, "Tendance"});
  d.blocks.push_back(trend);
  d.blocks.push_back(layout::Signature{{"Pour le prestataire", "Pour le client"}});
  return d;
}

// An invoice whose 90-line table spans three pages.
layout::Document long_invoice() {
  layout::Document d;
  d.title = "Facture F-2026-000123";
  d.author = "Hébergeur Exemple SAS";
  d.header = "Hébergeur Exemple SAS · Facture F-2026-000123";
  d.footer = "Hébergeur Exemple SAS · SIREN 812 345 678";
  d.blocks.push_back(layout::Heading{1, "Facture F-2026-000123"});
  layout::Table lines;
  lines.name = "Détail des prestations";
  lines.columns = {{"Désignation", 3.2},
                   {"Quantité", 0.9, Align::right, CellType::number},
                   {"Prix unitaire HT", 1.3, Align::right, CellType::money},
                   {"Montant HT", 1.3, Align::right, CellType::money}};
  for (int i = 1; i <= 90; ++i) {
    lines.rows.push_back({{CellType::text, "Serveur virtuel vps-" + std::to_string(i) + " — forfait mensuel"},
                          {CellType::number, "1"},
                          {CellType::money, "12.50"},
                          {CellType::money, "12.50"}});
  }
  lines.total = {{CellType::text, "Total HT"}, {}, {}, {CellType::money, "1125.00", true, true}};  // 90 x 12.50, given
  d.blocks.push_back(lines);
  d.blocks.push_back(
      layout::Paragraph{{{"Anticonstitutionnellementinfogéranceserveurvirtuelsauvegardeincrémentale"
                          "quotidiennesupervisionvingtquatreheuressurvingtquatre",
                          false}}});
  return d;
}

const PdfRenderer& renderer() {
  static const PdfRenderer r(sample_style());
  return r;
}

const std::string& statement_pdf() {
  static const std::string path = write_file("statement.pdf", renderer().render(statement(), dated()));
  return path;
}

const std::string& invoice_pdf() {
  static const std::string path = write_file("invoice.pdf", renderer().render(long_invoice(), dated()));
  return path;
}

std::string facturx_pdf() {
  PdfOptions options;
  options.pdfa3 = true;
  options.created = issue_date();
  options.attachments.push_back(
      {"factur-x.xml", "<rsm:CrossIndustryInvoice/>", "text/xml", "Alternative", "Factur-X invoice"});
  options.xmp_extensions.push_back(facturx_xmp_extension());
  return write_file("facturx.pdf", renderer().render(long_invoice(), options));
}

std::string page_text(const std::string& pdf, int page) {
  return run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + pdf + " -");
}

// pdftotext reports U+202F and U+00A0 as plain spaces: compare with spaces.
std::string spaced(std::string s) {
  for (const char* nb : {"\u202F", "\u00A0"}) {
    for (auto at = s.find(nb); at != std::string::npos; at = s.find(nb))
      s.replace(at, std::string_view(nb).size(), " ");
  }
  return s;
}

TEST(PdfRenderer, StatementPassesQpdfCheck) {
  int status = -1;
  const std::string out = run("qpdf --check " + statement_pdf(), &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("No syntax or stream encoding errors found"), std::string::npos) << out;
}

// `bytes` as zlib itself compresses them at `level`: the reference the stored streams are checked
// against (called here, not through reports/pdf/deflated_stream.h, so that the check is independent).
std::string zlib_compressed(const std::string& bytes, int level) {
  uLongf size = compressBound(bytes.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size(),
            level);
  out.resize(size);
  return out;
}

// Each page's operators are deflated once, at kContentDeflateLevel (zlib's level 1), instead of
// PoDoFo's default level append by append: qpdf decodes every page, and the stored bytes are what
// zlib writes for those operators at level 1 (at the default level 6 they would differ).
TEST(PdfRenderer, PageContentsAreDeflatedOnceAtTheFastestLevel) {
  ASSERT_EQ(kContentDeflateLevel, 1);
  const std::string pdf = invoice_pdf();
  const std::string pages = run("qpdf --show-pages " + pdf);
  const std::regex content_line(R"(content:\s+(\d+) 0 R)");
  int checked = 0;
  for (auto it = std::sregex_iterator(pages.begin(), pages.end(), content_line); it != std::sregex_iterator(); ++it) {
    const std::string object = (*it)[1];
    EXPECT_NE(run("qpdf --show-object=" + object + " " + pdf).find("/Filter /FlateDecode"), std::string::npos);
    const std::string plain = run("qpdf --show-object=" + object + " --filtered-stream-data " + pdf, nullptr, false);
    const std::string stored = run("qpdf --show-object=" + object + " --raw-stream-data " + pdf, nullptr, false);
    ASSERT_NE(plain.find(" Tj"), std::string::npos) << "page content " << object;
    EXPECT_EQ(stored, zlib_compressed(plain, 1)) << "page content " << object;
    EXPECT_NE(stored, zlib_compressed(plain, 6)) << "page content " << object;
    ++checked;
  }
  EXPECT_EQ(checked, 3) << pages;  // the invoice sample has three pages
}

TEST(PdfRenderer, EmbedsBothFontsAsSubsetsWithUnicodeMaps) {
  const std::string out = run("pdffonts " + statement_pdf());
  const std::regex font_line(R"(([A-Z]{6})\+(DejaVuSans(-Bold)?)\s+CID TrueType\s+Identity-H\s+yes yes yes)");
  const auto count = std::distance(std::sregex_iterator(out.begin(), out.end(), font_line), std::sregex_iterator());
  EXPECT_EQ(count, 2) << out;
  EXPECT_EQ(out.find(" no "), std::string::npos) << out;
}

TEST(PdfRenderer, StatementTextExtractsWithAccentsEuroAndFrenchNumbers) {
  const std::string text = page_text(statement_pdf(), 1);
  for (const std::string& expected : std::vector<std::string>{
           "Relevé de niveau de service", "Boulangerie Lefèvre & Fils, 4 place du Marché, 21000 Dijon", "Émis le",
           "01/11/2026", spaced("99,953\u00A0%"), spaced("1\u202F234,56\u00A0€"), "INC-2026-0431", "11/10/2026 22:47",
           spaced("617,28\u00A0€"), "Disponibilité quotidienne", "page 1 / 3"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
}

TEST(PdfRenderer, TotalRowSumsTheMoneyColumn) {
  // 0 + 617.28 + 617.28 + 0 = 1234.56
  const std::string text = page_text(statement_pdf(), 1);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(Total\s+1 234,56 €)"))) << text;
}

TEST(PdfRenderer, NarrowNoBreakSpaceIsMappedInTheUnicodeCMap) {
  const std::string qdf = (output_dir() / "statement.qdf.pdf").string();
  run("qpdf --qdf --object-streams=disable " + statement_pdf() + " " + qdf);
  std::ifstream in(qdf, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_NE(content.str().find("<202F>"), std::string::npos);
  EXPECT_NE(content.str().find("<20AC>"), std::string::npos);  // €
}

TEST(PdfRenderer, EveryPageSaysPageXOfY) {
  for (int page = 1; page <= 3; ++page) {
    const std::string text = page_text(invoice_pdf(), page);
    EXPECT_NE(text.find("page " + std::to_string(page) + " / 3"), std::string::npos) << text;
  }
}

TEST(PdfRenderer, LongTableSpansThreePagesAndRepeatsItsHeader) {
  EXPECT_NE(run("pdfinfo " + invoice_pdf()).find("Pages:           3"), std::string::npos);
  for (int page = 1; page <= 3; ++page) {
    const std::string text = page_text(invoice_pdf(), page);
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(Désignation\s+Quantité\s+Prix unitaire HT\s+Montant HT)")))
        << "page " << page << "\n"
        << text;
    EXPECT_EQ(text.find("(suite)") != std::string::npos, page > 1) << text;
  }
  EXPECT_NE(page_text(invoice_pdf(), 1).find("vps-1 "), std::string::npos);
  // 90 x 12.50 = 1125.00
  EXPECT_TRUE(std::regex_search(page_text(invoice_pdf(), 3), std::regex(R"(Total HT\s+1 125,00 €)")));
}

TEST(PdfRenderer, WordLongerThanTheLineIsCutNotLost) {
  std::string text = page_text(invoice_pdf(), 3);
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == ' '; }), text.end());
  EXPECT_NE(text.find("Anticonstitutionnellementinfogérance"), std::string::npos) << text;
  EXPECT_NE(text.find("vingtquatreheuressurvingtquatre"), std::string::npos);
}

TEST(PdfRenderer, SameDocumentGivesIdenticalBytes) {
  const PdfRenderer other(sample_style());  // a second renderer: nothing carried between them
  const std::string first = renderer().render(statement(), dated());
  EXPECT_EQ(first, other.render(statement(), dated()));
  EXPECT_EQ(first, renderer().render(statement(), dated()));
}

TEST(PdfRenderer, DifferentContentGivesADifferentFileIdentifier) {
  const auto id_of = [](const std::string& pdf) {
    std::smatch m;
    std::regex_search(pdf, m, std::regex(R"(/ID\s*\[\s*<([0-9A-F]{32})>)"));
    return m.size() > 1 ? m[1].str() : std::string();
  };
  layout::Document changed = statement();
  changed.title += " (bis)";
  const std::string a = id_of(renderer().render(statement(), dated()));
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, id_of(renderer().render(changed, dated())));
}

TEST(PdfRenderer, InfoDatesComeFromTheOptions) {
  const std::string out = run("pdfinfo -isodates " + statement_pdf());
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(CreationDate:\s+2026-11-01T00:00:00Z)"))) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(ModDate:\s+2026-11-01T00:00:00Z)"))) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(Producer:\s+Clause\n)"))) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(Title:\s+Relevé de niveau de service — octobre 2026\n)"))) << out;
}

TEST(PdfRenderer, FacturxOptionEmbedsTheXmlAndPdfaMetadata) {
  const std::string pdf = facturx_pdf();
  int status = -1;
  EXPECT_NE(run("qpdf --check " + pdf, &status).find("No syntax or stream encoding errors"), std::string::npos);
  EXPECT_EQ(status, 0);
  EXPECT_NE(run("pdfdetach -list " + pdf).find("1: factur-x.xml"), std::string::npos);
  const std::string saved = (output_dir() / "extracted-factur-x.xml").string();
  run("pdfdetach -save 1 -o " + saved + " " + pdf);
  std::ifstream in(saved);
  std::stringstream xml;
  xml << in.rdbuf();
  EXPECT_EQ(xml.str(), "<rsm:CrossIndustryInvoice/>");
  const std::string meta = run("pdfinfo -meta " + pdf);
  for (const char* expected :
       {"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
        "<fx:DocumentType>INVOICE</fx:DocumentType>", "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
        "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
        "<xmp:CreateDate>2026-11-01T00:00:00+00:00</xmp:CreateDate>"}) {
    EXPECT_NE(meta.find(expected), std::string::npos) << expected << "\n" << meta;
  }
  const std::string info = run("pdfinfo " + pdf);
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(PDF version:\s+1\.7)"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Metadata Stream:\s+yes)"))) << info;
  std::ifstream raw(pdf, std::ios::binary);
  std::stringstream bytes;
  bytes << raw.rdbuf();
  // PoDoFo's compact writer puts no space between a name and what follows it.
  EXPECT_NE(bytes.str().find("/AFRelationship/Alternative"), std::string::npos);
  EXPECT_NE(bytes.str().find("/Subtype/text#2Fxml"), std::string::npos);
  EXPECT_NE(bytes.str().find("/F(factur-x.xml)"), std::string::npos);
  EXPECT_NE(bytes.str().find("/EmbeddedFiles<</Names[(factur-x.xml)"), std::string::npos);
  EXPECT_NE(bytes.str().find("/AF["), std::string::npos);
  EXPECT_NE(bytes.str().find("/S/GTS_PDFA1"), std::string::npos);
}

// The output intent's profile, deflated once per renderer instead of once per document, is the
// ICC file's bytes once inflated, and its stored bytes are the ones zlib's level 6 (PoDoFo's own
// filter) writes, as when PoDoFo deflated it for each document.
TEST(PdfRenderer, OutputIntentHoldsTheIccProfileDeflatedAsPodofoDid) {
  const std::string pdf = facturx_pdf();
  const std::string icc = read_whole_file(sample_style().icc_profile).value_or("");
  ASSERT_GT(icc.size(), 1000u);
  int found = 0;
  for (int object = 1; object < 60; ++object) {
    const std::string header = run("qpdf --show-object=" + std::to_string(object) + " " + pdf, nullptr, false);
    if (header.find("/N 3") == std::string::npos) continue;
    ++found;
    EXPECT_NE(header.find("/Filter /FlateDecode"), std::string::npos) << header;
    const std::string show = "qpdf --show-object=" + std::to_string(object);
    EXPECT_EQ(run(show + " --filtered-stream-data " + pdf, nullptr, false), icc);
    EXPECT_EQ(run(show + " --raw-stream-data " + pdf, nullptr, false), zlib_compressed(icc, 6));
  }
  EXPECT_EQ(found, 1);
}

TEST(PdfRenderer, MissingImageIsAnErrorNamingTheFile) {
  layout::Document d;
  d.title = "x";
  d.blocks.push_back(layout::Image{"/nonexistent/logo.png", 30});
  try {
    renderer().render(d, dated());
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "cannot read image /nonexistent/logo.png");
  }
}

TEST(PdfRenderer, StatementFirstPageRendersToPng) {
  const std::string prefix = (output_dir() / "statement-page").string();
  int status = -1;
  run("pdftoppm -png -r 80 -f 1 -l 1 -singlefile " + statement_pdf() + " " + prefix, &status);
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(fs::exists(prefix + ".png"));
}

}  // namespace
}  // namespace clause::pdf
