#include "reports/pdf/text_operators.h"

#include <podofo/podofo.h>

#include "reports/pdf/path_operators.h"

namespace clause::pdf {

char32_t next_bmp_char(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return ++i, lead;
  const auto continuation = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  if ((lead & 0xE0) == 0xC0) {
    if (lead < 0xC2 || !continuation(i + 1)) return 0;
    const char32_t c = ((lead & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    i += 2;
    return c;
  }
  if ((lead & 0xF0) == 0xE0) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    const char32_t c = ((lead & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    i += 3;
    return c;
  }
  return 0;
}

bool append_text_operators(std::string& out, const PoDoFo::PdfFont& font, const FontFace& face, double x, double y,
                           std::string_view utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::size_t start = out.size();
  out += "BT\n/";
  out += font.GetIdentifier().GetName();
  out += ' ';
  append_number(out, font.GetFontSize());
  out += " Tf\n";
  append_number(out, font.GetFontScale());
  out += " Tz\n";
  append_number(out, font.GetFontCharSpace() * font.GetFontSize() / 100.0);
  out += " Tc\n";
  append_number(out, x);
  out += '\n';
  append_number(out, y);
  out += "\nTd <";
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_bmp_char(utf8, i);
    if (c == 0 || c == U'\t' || c == 0xFEFF) {
      out.resize(start);
      return false;
    }
    const long glyph = face.glyph_id(static_cast<long>(c));
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(glyph >> shift) & 0xF];
  }
  out += "> Tj\nET\n";
  return true;
}

}  // namespace clause::pdf
