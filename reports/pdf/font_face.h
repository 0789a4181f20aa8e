// A TrueType face held in memory for a whole run: the file's bytes (each document embeds a subset
// built from them, without reading the file again), the advance width of every character it
// maps, so that layout measures text without touching PoDoFo, and the character-to-glyph and
// glyph-width tables PoDoFo's metrics would compute, so that documents never parse the face with
// FreeType again (face_metrics.h serves them to PoDoFo, from several threads at once). A primary face (DejaVu) knows
// the fallback faces that draw what it lacks: width() and advance() measure the glyph that will really be drawn (the
// face's own, a fallback's, or the replacement U+FFFD), and pieces() tells painting which face draws each stretch of a
// line, so that measuring and drawing cannot disagree.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace PoDoFo {
class PdfFontMetricsFreetype;
}  // namespace PoDoFo

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
  FontFace();
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

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

  double ascent() const { return ascent_; }    // thousandths of an em, positive
  double descent() const { return descent_; }  // thousandths of an em, negative
  const std::string& bytes() const { return bytes_; }
  const std::string& name() const { return name_; }  // PostScript name, "DejaVuSans"
  bool is_fallback() const { return fallback_; }
  // The characters every subset of this face embeds besides those a document draws
  // (PdfStyle::subset_floor), kept in increasing order and only those the face has. Set once,
  // after load and before any document is rendered.
  void set_subset_floor(std::u32string_view characters);
  const std::u32string& subset_floor() const { return subset_floor_; }

  // The glyph FreeType's charmap gives a UTF-16 unit, exactly as PoDoFo's FreeType metrics answer
  // GetGlyphId (0: none); a table built at load, read-only afterwards.
  long glyph_id(long unicode) const {
    if (unicode >= 0 && static_cast<unsigned long>(unicode) < glyph_ids_.size()) return glyph_ids_[unicode];
    return glyph_id_beyond_bmp(unicode);
  }
  // The advance of a glyph in thousandths of an em, unrounded, as PoDoFo's GetGlyphWidth answers.
  double glyph_width(long glyph) const {
    if (glyph >= 0 && static_cast<unsigned long>(glyph) < glyph_widths_.size()) return glyph_widths_[glyph];
    return glyph_width_out_of_range(glyph);
  }
  // Runs f on the face's own PoDoFo FreeType metrics, under the face's lock: the rare questions
  // (line spacing, bounding box...) the tables do not answer. FreeType faces are not thread-safe.
  void with_freetype(const std::function<void(PoDoFo::PdfFontMetricsFreetype&)>& f) const;

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
  long glyph_id_beyond_bmp(long unicode) const;
  double glyph_width_out_of_range(long glyph) const;
  // The face and character drawn for c; face null: nothing is drawn.
  std::pair<const FontFace*, char32_t> choose(char32_t c) const;

  std::string bytes_;
  std::string name_;
  bool fallback_ = false;
  const FallbackFonts* fallbacks_ = nullptr;
  std::vector<float> advances_;  // indexed by code point 0..0xFFFF; -1: no glyph
  std::vector<Wide> wide_;       // characters above U+FFFF, by code (fallback faces only)
  double ascent_ = 0;
  double descent_ = 0;
  std::vector<std::uint16_t> glyph_ids_;  // UTF-16 unit -> glyph
  std::vector<double> glyph_widths_;      // glyph -> advance
  std::u32string subset_floor_;
  struct Freetype;  // the face parsed once, with its lock
  std::unique_ptr<Freetype> freetype_;
};

}  // namespace clause::pdf
