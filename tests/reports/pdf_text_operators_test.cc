// The text operators Clause writes in place of PoDoFo's DrawText (issue 16,
// reports/pdf/text_operators.h): exactly DrawText's bytes, and only for text both encode alike;
// the rest (a tab, ill-formed UTF-8) is still drawn by PoDoFo and reads back with pdftotext.
#include <gtest/gtest.h>
#include <podofo/podofo.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "reports/pdf/font_face.h"
#include "reports/pdf/pdf_renderer.h"
#include "reports/pdf/text_operators.h"
#include "tests/support/shell.h"

namespace clause::pdf {
namespace {

namespace fs = std::filesystem;

char32_t first_char(std::string_view text) {
  std::size_t i = 0;
  return next_bmp_char(text, i);
}

TEST(TextOperators, DecodesWellFormedUtf8OfTheBasicMultilingualPlane) {
  EXPECT_EQ(first_char("A"), U'A');
  EXPECT_EQ(first_char("é"), U'\u00E9');
  EXPECT_EQ(first_char("€"), U'\u20AC');
  EXPECT_EQ(first_char("\xEF\xBF\xBD"), U'\uFFFD');  // a real U+FFFD is well-formed
}

TEST(TextOperators, RefusesWhatPoDoFoMightConvertOtherwise) {
  EXPECT_EQ(first_char("\xC1\x81"), 0u);          // overlong 'A'
  EXPECT_EQ(first_char("\xED\xA0\x80"), 0u);      // a surrogate
  EXPECT_EQ(first_char("\xF0\x9F\x9A\x80"), 0u);  // U+1F680, outside the BMP
  EXPECT_EQ(first_char("\xC3"), 0u);              // cut short
}

TEST(TextOperators, WritesDrawTextsOperatorsForALine) {
  PoDoFo::PdfMemDocument document;
  const auto face = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  PoDoFo::PdfFont* font = document.CreateFontSubset("DejaVu Sans", false, false, false,
                                                    PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                                    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  font->SetFontSize(7.22f);
  std::string out;
  // DejaVu Sans glyphs 'H' 0x2B and 'é' 0xAB: PoDoFo's DrawText writes "Hé" as <002B00AB>.
  ASSERT_TRUE(append_text_operators(out, *font, *face, 56.6929, 795.5276, "Hé"));
  EXPECT_EQ(out, "BT\n/" + std::string(font->GetIdentifier().GetName()) +
                     " 7.220 Tf\n100.000 Tz\n0.000 Tc\n56.693\n795.528\nTd <002B00AB> Tj\nET\n");
}

TEST(TextOperators, LeavesATabToPoDoFo) {
  PoDoFo::PdfMemDocument document;
  const auto face = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  PoDoFo::PdfFont* font = document.CreateFontSubset("DejaVu Sans", false, false, false,
                                                    PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                                    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  std::string out = "q\n";
  EXPECT_FALSE(append_text_operators(out, *font, *face, 10, 10, "a\tb"));
  EXPECT_EQ(out, "q\n");
}

TEST(TextOperators, ADocumentWithATabStillReadsBack) {
  layout::Document d;
  d.title = "Tab";
  d.blocks.push_back(layout::Paragraph{{{"Contrat\tCTR-42 payé", false}}});
  PdfOptions options;
  options.created = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
  const PdfRenderer renderer{PdfStyle{}};
  const fs::path dir = fs::path(CLAUSE_BINARY_DIR) / "test-output" / std::to_string(::getpid()) / "pdf-text";
  fs::create_directories(dir);
  const std::string path = (dir / "tab.pdf").string();
  std::ofstream(path, std::ios::binary) << renderer.render(d, options);
  EXPECT_NE(clause::testing::run("pdftotext " + path + " -", nullptr, false).find("CTR-42 payé"), std::string::npos);
}

}  // namespace
}  // namespace clause::pdf
