// The faces that draw what the primary face (DejaVu) lacks, in order of preference: Droid Sans
// Fallback for Chinese, Japanese and Korean, Symbola for symbols and emoji (PdfStyle lists the
// files). Reading a 4 MB CJK face costs tens of milliseconds, so each file is read only when the
// first character that needs it is measured, once per process, and shared by every renderer.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace clause::pdf {

class FontFace;

class FallbackFonts {
 public:
  // Checks that each file can be opened, without reading it: a missing font package is an error
  // at startup ("cannot read font file PATH"), not a surprise on the first Chinese client name.
  explicit FallbackFonts(std::vector<std::string> paths);
  ~FallbackFonts();

  // The first face in the list that has a glyph for c, reading faces as needed; null if none.
  // Safe to call from several threads at once.
  const FontFace* face_for(char32_t c) const;

 private:
  const FontFace& face(std::size_t k) const;

  std::vector<std::string> paths_;
  std::unique_ptr<std::atomic<const FontFace*>[]> faces_;
};

}  // namespace clause::pdf
