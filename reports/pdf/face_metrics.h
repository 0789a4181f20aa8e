// PoDoFo's view of a FontFace for one document's subset font. PoDoFo 0.9.8 wants a PdfFontMetrics
// per font object (the font deletes it) and its FreeType metrics parse the whole face again for
// each document (5 % of an invoice's engine time): these metrics answer instead from the tables
// the face built once per process (glyph of each character, advance of each glyph), and pass the
// rare other questions to the face's own FreeType metrics under its lock. The answers are
// PoDoFo's own, so the documents are byte-identical; the object is used by one thread (its
// document's), the face it reads by all of them.
#pragma once

#include <podofo/podofo.h>

#include "reports/pdf/font_face.h"

namespace clause::pdf {

class FaceMetrics final : public PoDoFo::PdfFontMetrics {
 public:
  // Metrics of `face` (which outlives them) for a subset named `prefix` + "+" + face name.
  FaceMetrics(const FontFace& face, const char* prefix);

  // From the face's tables, and for a fallback face the private-use stand-ins of characters above
  // U+FFFF (FontFace::pua_code), since PoDoFo looks glyphs up one UTF-16 unit at a time.
  long GetGlyphId(long unicode) const override;
  double GetGlyphWidth(int glyph) const override { return face_.glyph_width(glyph); }
  const char* GetFontData() const override { return face_.bytes().data(); }
  PoDoFo::pdf_long GetFontDataLen() const override { return static_cast<PoDoFo::pdf_long>(face_.bytes().size()); }

  // The face's FreeType metrics, at this object's size, scale and spacing.
  void GetWidthArray(PoDoFo::PdfVariant& var, unsigned int first, unsigned int last,
                     const PoDoFo::PdfEncoding* encoding = nullptr) const override;
  double GetGlyphWidth(const char* name) const override;
  void GetBoundingBox(PoDoFo::PdfArray& array) const override;
  double CharWidth(unsigned char c) const override;
  double UnicodeCharWidth(unsigned short c) const override;
  double GetLineSpacing() const override;
  double GetUnderlineThickness() const override;
  double GetUnderlinePosition() const override;
  double GetStrikeOutPosition() const override;
  double GetStrikeoutThickness() const override;
  const char* GetFontname() const override;
  unsigned int GetWeight() const override;
  double GetAscent() const override;
  double GetPdfAscent() const override;
  double GetDescent() const override;
  double GetPdfDescent() const override;
  int GetItalicAngle() const override;
  bool IsSymbol() const override;

 private:
  // Runs f on the face's FreeType metrics set to this object's size, scale and spacing.
  template <class F>
  auto ask(F&& f) const;

  const FontFace& face_;
  std::string name_;
};

}  // namespace clause::pdf
