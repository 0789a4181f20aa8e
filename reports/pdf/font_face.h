// A TrueType face held in memory for a whole run: the file's bytes (each document embeds a subset
// built from them, without reading the file again) and the advance width of every BMP character,
// so that layout measures text without touching PoDoFo.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clause::pdf {

// Decodes the UTF-8 character starting at text[i] and advances i; invalid bytes give U+FFFD.
char32_t next_codepoint(std::string_view text, std::size_t& i);

class FontFace {
 public:
  // Reads and measures the font file; throws std::runtime_error naming the file it cannot read.
  static std::unique_ptr<FontFace> load(const std::string& path);

  // Width in points of UTF-8 text at the given size (no kerning, as PdfPainter draws it).
  double width(std::string_view utf8, double size) const;
  // Advance of one character in thousandths of an em; 0 for characters outside the BMP.
  double advance(char32_t c) const { return c < advances_.size() ? advances_[c] : 0; }
  double ascent() const { return ascent_; }      // thousandths of an em, positive
  double descent() const { return descent_; }    // thousandths of an em, negative
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::vector<float> advances_;  // indexed by code point, 0..0xFFFF
  double ascent_ = 0;
  double descent_ = 0;
};

}  // namespace clause::pdf
