#include "reports/pdf/face_metrics.h"

namespace clause::pdf {

FaceMetrics::FaceMetrics(const FontFace& face, const char* prefix)
    : PoDoFo::PdfFontMetrics(PoDoFo::ePdfFontType_TrueType, "", prefix), face_(face) {
  // The state PoDoFo's FreeType metrics start with (PdfFont then sets size, scale and spacing).
  face_.with_freetype([&](PoDoFo::PdfFontMetricsFreetype& metrics) {
    SetFontType(metrics.GetFontType());
    SetFontSize(metrics.GetFontSize());
    SetFontScale(metrics.GetFontScale());
    SetFontCharSpace(metrics.GetFontCharSpace());
    SetWordSpace(metrics.GetWordSpace());
    name_ = metrics.GetFontname();
  });
}

long FaceMetrics::GetGlyphId(long unicode) const {
  if (face_.is_fallback()) {
    if (const unsigned glyph = face_.glyph_of_pua(static_cast<char32_t>(unicode))) return glyph;
  }
  return face_.glyph_id(unicode);
}

template <class F>
auto FaceMetrics::ask(F&& f) const {
  decltype(f(std::declval<PoDoFo::PdfFontMetricsFreetype&>())) result{};
  face_.with_freetype([&](PoDoFo::PdfFontMetricsFreetype& metrics) {
    metrics.SetFontSize(GetFontSize());
    metrics.SetFontScale(GetFontScale());
    metrics.SetFontCharSpace(GetFontCharSpace());
    metrics.SetWordSpace(GetWordSpace());
    result = f(metrics);
  });
  return result;
}

void FaceMetrics::GetWidthArray(PoDoFo::PdfVariant& var, unsigned int first, unsigned int last,
                                const PoDoFo::PdfEncoding* encoding) const {
  ask([&](auto& m) { return m.GetWidthArray(var, first, last, encoding), 0; });
}
double FaceMetrics::GetGlyphWidth(const char* name) const {
  return ask([&](auto& m) { return m.GetGlyphWidth(name); });
}
void FaceMetrics::GetBoundingBox(PoDoFo::PdfArray& array) const {
  ask([&](auto& m) { return m.GetBoundingBox(array), 0; });
}
double FaceMetrics::CharWidth(unsigned char c) const {
  return ask([&](auto& m) { return m.CharWidth(c); });
}
double FaceMetrics::UnicodeCharWidth(unsigned short c) const {
  return ask([&](auto& m) { return m.UnicodeCharWidth(c); });
}
double FaceMetrics::GetLineSpacing() const {
  return ask([](auto& m) { return m.GetLineSpacing(); });
}
double FaceMetrics::GetUnderlineThickness() const {
  return ask([](auto& m) { return m.GetUnderlineThickness(); });
}
double FaceMetrics::GetUnderlinePosition() const {
  return ask([](auto& m) { return m.GetUnderlinePosition(); });
}
double FaceMetrics::GetStrikeOutPosition() const {
  return ask([](auto& m) { return m.GetStrikeOutPosition(); });
}
double FaceMetrics::GetStrikeoutThickness() const {
  return ask([](auto& m) { return m.GetStrikeoutThickness(); });
}
const char* FaceMetrics::GetFontname() const { return name_.c_str(); }
unsigned int FaceMetrics::GetWeight() const {
  return ask([](auto& m) { return m.GetWeight(); });
}
double FaceMetrics::GetAscent() const {
  return ask([](auto& m) { return m.GetAscent(); });
}
double FaceMetrics::GetPdfAscent() const {
  return ask([](auto& m) { return m.GetPdfAscent(); });
}
double FaceMetrics::GetDescent() const {
  return ask([](auto& m) { return m.GetDescent(); });
}
double FaceMetrics::GetPdfDescent() const {
  return ask([](auto& m) { return m.GetPdfDescent(); });
}
int FaceMetrics::GetItalicAngle() const {
  return ask([](auto& m) { return m.GetItalicAngle(); });
}
bool FaceMetrics::IsSymbol() const {
  return ask([](auto& m) { return m.IsSymbol(); });
}

}  // namespace clause::pdf
