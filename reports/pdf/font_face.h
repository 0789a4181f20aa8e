// A TrueType face held in memory for a whole run: the file's bytes (each document embeds a subset
// built from them, without reading the file again) and the advance width of every character it
// maps, so that layout measures text without touching PoDoFo. A primary face (DejaVu) knows the
// fallback faces that draw what it lacks: width() and advance() measure the glyph that will really
// be drawn (the face's own, a fallback's, or the replacement U+FFFD), and pieces() tells painting
// which face draws each stretch of a line, so that measuring and drawing cannot disagree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clause::pdf {

class FallbackFonts;

char32_t next_multibyte_codepoint(std::string_view text, std::size_t& i);
// Decodes the UTF-8 character starting at text[i] and advances i; invalid bytes give U+FFFD.
// Inline for ASCII: layout and painting decode every character of a statement several times.
inline char32_t next_codepoint(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return ++i, lead;
  return next_multibyte_codepoint(text, i);
}
// Appends c to out in UTF-8.
void append_utf8(std::string& out, char32_t c);
// Unicode's Default_Ignorable_Code_Point (ZWJ, variation selectors, tags...): drawn as nothing
// when no font has a glyph for it, rather than as a replacement box.
bool is_default_ignorable(char32_t c);

class FontFace;

// A stretch of one line drawn with one face: `codes` are the characters drawn (after replacement),
// `advance` their total advance in thousandths of an em.
struct GlyphPiece {
  const FontFace* face = nullptr;
  std::u32string codes;
  double advance = 0;
};

class FontFace {
 public:
  // Reads and measures a primary face; characters it lacks are looked up in `fallbacks` (may be
  // null: then they get the replacement). Throws std::runtime_error naming the file it cannot read.
  static std::unique_ptr<FontFace> load(const std::string& path, const FallbackFonts* fallbacks = nullptr);
  // Reads and measures a fallback face: its characters above U+FFFF are drawn too (through
  // private-use codes, see pua_code), its own private-use characters never are.
  static std::unique_ptr<FontFace> load_fallback(const std::string& path);

  // Width in points of UTF-8 text at the given size (no kerning, as PdfPainter draws it).
  double width(std::string_view utf8, double size) const;
  // Advance of the glyph drawn for c, in thousandths of an em: this face's, a fallback's, the
  // replacement's, or 0 for a default-ignorable character no face has.
  double advance(char32_t c) const {
    if (c < advances_.size() && advances_[c] >= 0) return advances_[c];
    return substitute_advance(c);
  }
  // True when this face has a glyph for every character of utf8 (the common, fast case).
  bool covers_all(std::string_view utf8) const;
  bool covers(char32_t c) const { return c < advances_.size() ? advances_[c] >= 0 : covers_wide(c); }
  // The line split into stretches by the face that draws them, in order.
  std::vector<GlyphPiece> pieces(std::string_view utf8) const;

  // A fallback face's character above U+FFFF as the private-use code (U+E000 + its rank) that the
  // document's subset font maps to its glyph; 0 when the face lacks it.
  char32_t pua_code(char32_t c) const;
  // The glyph behind such a private-use code; 0 for any other code.
  unsigned glyph_of_pua(char32_t pua) const;

  double ascent() const { return ascent_; }      // thousandths of an em, positive
  double descent() const { return descent_; }    // thousandths of an em, negative
  const std::string& bytes() const { return bytes_; }
  const std::string& name() const { return name_; }   // PostScript name, "DejaVuSans"
  bool is_fallback() const { return fallback_; }

 private:
  struct Wide {
    char32_t code;
    unsigned glyph;
    float advance;
  };
  static std::unique_ptr<FontFace> read(const std::string& path, bool fallback);
  bool covers_wide(char32_t c) const;
  double own_advance(char32_t c) const;
  double substitute_advance(char32_t c) const;
  // The face and character drawn for c; face null: nothing is drawn.
  std::pair<const FontFace*, char32_t> choose(char32_t c) const;

  std::string bytes_;
  std::string name_;
  bool fallback_ = false;
  const FallbackFonts* fallbacks_ = nullptr;
  std::vector<float> advances_;   // indexed by code point 0..0xFFFF; -1: no glyph
  std::vector<Wide> wide_;        // characters above U+FFFF, by code (fallback faces only)
  double ascent_ = 0;
  double descent_ = 0;
};

}  // namespace clause::pdf
