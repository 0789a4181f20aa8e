#include "reports/pdf/font_face.h"

#include <podofo/podofo.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace clause::pdf {

char32_t next_codepoint(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + extra >= text.size()) {
    ++i;
    return U'\uFFFD';
  }
  if (extra == 0) return ++i, lead;
  char32_t c = lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      i += k;
      return U'\uFFFD';
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return c;
}

std::unique_ptr<FontFace> FontFace::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) throw std::runtime_error("cannot read font file " + path);
  auto face = std::make_unique<FontFace>();
  face->bytes_ = std::move(bytes).str();

  // A throwaway font cache only lends its FreeType library to the measuring metrics.
  PoDoFo::PdfVecObjects objects;
  PoDoFo::PdfFontCache cache(&objects);
  FT_Library library = cache.GetFontLibrary();
  PoDoFo::PdfRefCountedBuffer buffer(face->bytes_.data(), face->bytes_.size());
  buffer.SetTakePossesion(false);
  PoDoFo::PdfFontMetricsFreetype metrics(&library, buffer, false);
  if (metrics.GetFontType() != PoDoFo::ePdfFontType_TrueType) {
    throw std::runtime_error("not a TrueType font: " + path);
  }
  face->advances_.assign(0x10000, 0.0f);
  for (char32_t c = 0; c < 0x10000; ++c) {
    const long glyph = metrics.GetGlyphId(static_cast<long>(c));
    if (glyph != 0) face->advances_[c] = static_cast<float>(metrics.GetGlyphWidth(static_cast<int>(glyph)));
  }
  face->ascent_ = metrics.GetPdfAscent();
  face->descent_ = metrics.GetPdfDescent();
  return face;
}

double FontFace::width(std::string_view utf8, double size) const {
  double total = 0;
  for (std::size_t i = 0; i < utf8.size();) total += advance(next_codepoint(utf8, i));
  return total * size / 1000.0;
}

}  // namespace clause::pdf
