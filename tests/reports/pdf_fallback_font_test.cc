// Text DejaVu cannot draw (issue 9): Chinese, Japanese and Korean client names, emoji, characters
// no font has. Checked with the real readers: pdftotext extracts the exact text, pdffonts shows
// each fallback face embedded as an Identity-H subset, qpdf --check passes, and pdftotext -bbox
// word boxes show that what follows a CJK run starts after it (never under it).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "reports/pdf/font_face.h"
#include "reports/pdf/font_fallback.h"
#include "reports/pdf/pdf_renderer.h"
#include "reports/pdf/text_wrap.h"
#include "tests/support/shell.h"

namespace clause::pdf {
namespace {

using clause::testing::run;
namespace fs = std::filesystem;
using layout::Align;
using layout::CellType;

const std::string kChinese = "北京云计算有限公司";
const std::string kJapanese = "株式会社さくらデータセンター";
const std::string kKorean = "서울클라우드 주식회사";
const std::string kRocket = "🚀 Rocket SAS";

fs::path output_dir() {
  fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "pdf-fallback";
  fs::create_directories(dir);
  return dir;
}

std::string write_file(const std::string& name, const std::string& bytes) {
  const fs::path path = output_dir() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

PdfOptions dated() {
  PdfOptions options;
  options.created = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
  return options;
}

const PdfRenderer& renderer() {
  static const PdfRenderer r{PdfStyle{}};
  return r;
}

// An invoice for clients whose names DejaVu cannot draw, in every kind of block.
layout::Document international_invoice() {
  layout::Document d;
  d.title = "Facture F-2026-000777 — " + kChinese;
  d.header = "Hébergeur Exemple SAS · Facture F-2026-000777";
  d.footer = "Hébergeur Exemple SAS · SIREN 812 345 678";
  d.blocks.push_back(layout::Heading{1, "Facture " + kChinese});
  d.blocks.push_back(layout::KeyValues{
      {{"Client", kChinese}, {"Filiale", kJapanese}, {"Agence", kKorean}, {"Partenaire", kRocket}}, ""});
  d.blocks.push_back(layout::Paragraph{{{"Client " + kChinese + " payé comptant.", false}}});
  layout::Table lines;
  lines.name = "Détail";
  lines.columns = {{"Désignation", 3}, {"Montant HT", 1, Align::right, CellType::money}};
  lines.rows = {{{CellType::text, "Hébergement " + kChinese + " mensuel"}, {CellType::money, "120.00"}},
                {{CellType::text, "Support 東京 premium"}, {CellType::money, "80.00"}}};
  lines.total = {{CellType::text, "Total " + kChinese},
                 {CellType::money, "200.00", true, true}};  // 120.00 + 80.00, given as a builder does
  d.blocks.push_back(lines);
  return d;
}

const std::string& invoice_pdf() {
  static const std::string path = write_file("international.pdf", renderer().render(international_invoice(), dated()));
  return path;
}

std::string text_of(const std::string& pdf) { return run("pdftotext " + pdf + " -", nullptr, false); }

struct WordBox {
  std::string word;
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// The words pdftotext -bbox finds on page 1, in reading order.
std::vector<WordBox> words(const std::string& pdf) {
  const std::string html = run("pdftotext -bbox -f 1 -l 1 " + pdf + " -", nullptr, false);
  const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<WordBox> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
    out.push_back({(*it)[5], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  }
  return out;
}

// The box of `word` and of the word just after it on the same line.
std::pair<WordBox, WordBox> word_and_next(const std::vector<WordBox>& all, const std::string& word) {
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    if (all[i].word == word) return {all[i], all[i + 1]};
  }
  return {};
}

TEST(PdfFallbackFont, ChineseJapaneseKoreanAndEmojiNamesExtractExactly) {
  const std::string text = text_of(invoice_pdf());
  for (const std::string& expected :
       std::vector<std::string>{kChinese, kJapanese, kKorean, kRocket, "Client " + kChinese + " payé comptant.",
                                "Hébergement " + kChinese + " mensuel", "Support 東京 premium", "Total " + kChinese}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
}

TEST(PdfFallbackFont, FallbackFacesAreEmbeddedAsIdentityHSubsets) {
  const std::string out = run("pdffonts " + invoice_pdf());
  for (const char* face : {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback", "Symbola"}) {
    const std::regex line(std::string(R"(\n[A-Z]{6}\+)") + face + R"(\s+CID TrueType\s+Identity-H\s+yes yes yes)");
    EXPECT_TRUE(std::regex_search(out, line)) << face << "\n" << out;
  }
  // Droid Sans Fallback Full for the Chinese and Japanese, Droid Sans Fallback for the Hangul.
  const std::regex droid(R"(\+DroidSansFallback\s+CID TrueType\s+Identity-H\s+yes yes yes)");
  EXPECT_EQ(std::distance(std::sregex_iterator(out.begin(), out.end(), droid), std::sregex_iterator()), 2) << out;
}

TEST(PdfFallbackFont, InvoiceWithFallbackFacesPassesQpdfCheck) {
  int status = -1;
  const std::string out = run("qpdf --check " + invoice_pdf(), &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("No syntax or stream encoding errors found"), std::string::npos) << out;
}

TEST(PdfFallbackFont, WordAfterAChineseRunStartsWhereTheRunEnds) {
  const auto all = words(invoice_pdf());
  // In the paragraph "Client 北京云计算有限公司 payé comptant." and in the table cell.
  for (const std::string after : {"payé", "mensuel"}) {
    bool seen = false;
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
      if (all[i].word != kChinese || all[i + 1].word != after) continue;
      seen = true;
      // Nine ideographs, one em each at 9.5 pt (paragraph) or 8.55 pt (table): the run is that wide.
      const double size = after == "payé" ? 9.5 : 8.55;
      EXPECT_NEAR(all[i].x_max - all[i].x_min, 9 * size, 0.5) << after;
      EXPECT_GE(all[i + 1].x_min, all[i].x_max) << after;
    }
    EXPECT_TRUE(seen) << after;
  }
}

TEST(PdfFallbackFont, EmojiAboveU0FFFFIsDrawnWithItsWidthAndExtracts) {
  const auto [rocket, next] = word_and_next(words(invoice_pdf()), "🚀");
  EXPECT_EQ(next.word, "Rocket");
  EXPECT_GT(rocket.x_max - rocket.x_min, 5.0);  // Symbola's rocket: 0.987 em at 9.5 pt, 9.4 pt
  EXPECT_GE(next.x_min, rocket.x_max);
}

TEST(PdfFallbackFont, EmboldenedFallbackTextLeavesTheNextTextUnstroked) {
  // Bold CJK is stroked (text rendering mode 2) inside q/Q; without the Q every later text
  // object would be stroked too.
  const std::string qdf = (output_dir() / "international.qdf.pdf").string();
  run("qpdf --qdf --object-streams=disable " + invoice_pdf() + " " + qdf);
  std::ifstream in(qdf, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  const std::string text = content.str();
  int stroked = 0;
  for (auto at = text.find("\n2 Tr\n"); at != std::string::npos; at = text.find("\n2 Tr\n", at + 1)) {
    ++stroked;
    EXPECT_LT(text.find("\nQ\n", at), text.find("\nBT\n", at)) << "at byte " << at;
  }
  EXPECT_EQ(stroked, 2);  // the heading and the total row
}

TEST(PdfFallbackFont, SameInternationalDocumentGivesIdenticalBytes) {
  const PdfRenderer other{PdfStyle{}};
  EXPECT_EQ(renderer().render(international_invoice(), dated()), other.render(international_invoice(), dated()));
}

TEST(PdfFallbackFont, LatinDocumentEmbedsNoFallbackFace) {
  layout::Document d;
  d.title = "Facture";
  d.blocks.push_back(layout::Paragraph{{{"Boulangerie Lefèvre & Fils, 1\u202F234,56\u00A0€", false}}});
  const std::string out = run("pdffonts " + write_file("latin.pdf", renderer().render(d, dated())));
  EXPECT_EQ(out.find("Droid"), std::string::npos) << out;
  EXPECT_EQ(out.find("Symbola"), std::string::npos) << out;
}

TEST(PdfFallbackFont, CharacterNoFontHasIsTheReplacementCharacterWithItsWidth) {
  // U+0915 DEVANAGARI KA: neither DejaVu nor the fallback faces have it.
  layout::Document d;
  d.title = "x";
  d.blocks.push_back(layout::Paragraph{{{"Client \u0915\u0915 Mumbai", false}}});
  const std::string pdf = write_file("replacement.pdf", renderer().render(d, dated()));
  EXPECT_NE(text_of(pdf).find("Client \uFFFD\uFFFD Mumbai"), std::string::npos) << text_of(pdf);
  const auto [replaced, next] = word_and_next(words(pdf), "\uFFFD\uFFFD");
  EXPECT_EQ(next.word, "Mumbai");
  EXPECT_GT(replaced.x_max - replaced.x_min, 9.0);  // two U+FFFD of DejaVu Sans, 1.002 em each
  EXPECT_GE(next.x_min, replaced.x_max);
}

TEST(PdfFallbackFont, ZeroWidthJoinerAndVariationSelectorDrawNothing) {
  // U+2764 U+FE0F (red heart, emoji style): DejaVu has both; U+E0067 (a tag): nobody has it.
  layout::Document d;
  d.title = "x";
  d.blocks.push_back(layout::Paragraph{{{"I \u2764\uFE0F Paris\U000E0067", false}}});
  const std::string text = text_of(write_file("ignorable.pdf", renderer().render(d, dated())));
  EXPECT_NE(text.find("Paris"), std::string::npos) << text;
  EXPECT_EQ(text.find("\uFFFD"), std::string::npos) << text;
}

TEST(PdfFallbackFont, InternationalInvoiceFirstPageRendersToPng) {
  const std::string prefix = (output_dir() / "international-page").string();
  int status = -1;
  run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile " + invoice_pdf() + " " + prefix, &status);
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(fs::exists(prefix + ".png"));
}

// Measuring, as layout does it.

const FallbackFonts& fallbacks() {
  static const FallbackFonts f(PdfStyle{}.fallback_fonts);
  return f;
}
const FontFace& regular() {
  static const auto face = FontFace::load(PdfStyle{}.regular_font, &fallbacks());
  return *face;
}
const FontFace& bold() {
  static const auto face = FontFace::load(PdfStyle{}.bold_font, &fallbacks());
  return *face;
}

TEST(PdfFallbackFont, IdeographsMeasureOneEmEach) {
  // Droid Sans Fallback: every ideograph advances 1000 thousandths of an em -> 10 pt at 10 pt.
  EXPECT_NEAR(regular().width("北京", 10), 20.0, 0.001);
  EXPECT_NEAR(bold().width("北京", 10), 20.0, 0.001);
  // "0" (DejaVu, 6.3623 pt) + "北" (10 pt).
  EXPECT_NEAR(regular().width("0北", 10), 16.3623, 0.001);
}

TEST(PdfFallbackFont, ReplacementMeasuresLikeUFFFD) {
  EXPECT_NEAR(regular().width("\u0915", 10), regular().width("\uFFFD", 10), 1e-9);
  EXPECT_GT(regular().width("\u0915", 10), 5.0);
}

TEST(PdfFallbackFont, LongChineseNameIsCutBetweenIdeographsToFitTheWidth) {
  // 45 pt holds four 10 pt ideographs.
  const Fonts fonts{regular(), bold()};
  EXPECT_EQ(wrap_text(kChinese, false, fonts, 10, 45), (std::vector<std::string>{"北京云计", "算有限公", "司"}));
}

// DejaVu Sans as a TrueType collection of one face (a 'ttcf' header, then the face with its table
// offsets moved by the header's 16 bytes), as Noto Sans CJK ships: FreeType loads it, PoDoFo's
// subsetter could not embed it. Made here, so that the test needs no font package of its own.
std::string collection_of_dejavu() {
  std::ifstream in(PdfStyle{}.regular_font, std::ios::binary);
  std::string face((std::istreambuf_iterator<char>(in)), {});
  const auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(face[at])) << 8 | static_cast<unsigned char>(face[at + 1]);
  };
  const unsigned tables = u16(4);
  for (unsigned i = 0; i < tables; ++i) {
    const std::size_t at = 12 + 16 * i + 8;  // the record's offset field, big-endian
    std::uint32_t offset = 0;
    for (int k = 0; k < 4; ++k) offset = offset << 8 | static_cast<unsigned char>(face[at + k]);
    offset += 16;
    for (int k = 0; k < 4; ++k) face[at + k] = static_cast<char>(offset >> (24 - 8 * k) & 0xFF);
  }
  const std::string header{"ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10", 16};
  return header + face;
}

TEST(PdfFallbackFont, CollectionOrCffFontIsRefusedAsFallback) {
  const std::string collection =
      (std::filesystem::temp_directory_path() / ("clause-collection-" + std::to_string(::getpid()) + ".ttc")).string();
  std::ofstream(collection, std::ios::binary) << collection_of_dejavu();
  try {
    FontFace::load_fallback(collection);
    std::filesystem::remove(collection);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    std::filesystem::remove(collection);
    EXPECT_EQ(std::string(e.what()), "not a TrueType font: " + collection);
  }
}

TEST(PdfFallbackFont, MissingFallbackFileIsAnErrorAtStartup) {
  PdfStyle style;
  style.fallback_fonts = {"/nonexistent/NotoSansThai-Regular.ttf"};
  try {
    PdfRenderer r(style);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "cannot read font file /nonexistent/NotoSansThai-Regular.ttf");
  }
}

}  // namespace
}  // namespace clause::pdf
