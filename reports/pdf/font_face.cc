#include "reports/pdf/font_face.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "model/whole_file.h"
#include "reports/pdf/font_fallback.h"

namespace clause::pdf {
namespace {

// The Basic Multilingual Plane's private-use area: a fallback face's characters above U+FFFF are
// drawn through these codes, because PoDoFo 0.9.8 encodes Identity-H text one UTF-16 unit at a
// time (a surrogate pair becomes two missing glyphs).
constexpr char32_t kPuaFirst = 0xE000;
constexpr char32_t kPuaLast = 0xF8FF;
constexpr char32_t kReplacement = 0xFFFD;

bool is_private_use(char32_t c) { return c >= kPuaFirst && c <= kPuaLast; }

// The offset of a table in a single TrueType face (not a .ttc collection), or npos: the sfnt
// table directory is 16-byte records (tag, checksum, offset, length) after a 12-byte header.
std::size_t table_offset(const std::string& font, const char* tag) {
  if (font.size() < 12 || font.compare(0, 4, "ttcf") == 0) return std::string::npos;
  const auto byte = [&](std::size_t k) { return static_cast<std::size_t>(static_cast<unsigned char>(font[k])); };
  const std::size_t count = (byte(4) << 8) | byte(5);
  for (std::size_t k = 0; k < count && 12 + 16 * k + 16 <= font.size(); ++k) {
    const std::size_t record = 12 + 16 * k;
    if (font.compare(record, 4, tag) == 0) {
      return (byte(record + 8) << 24) | (byte(record + 9) << 16) | (byte(record + 10) << 8) | byte(record + 11);
    }
  }
  return std::string::npos;
}

bool has_table(const std::string& font, const char* tag) { return table_offset(font, tag) != std::string::npos; }

// numGlyphs of the maxp table (big-endian, 4 bytes in), 0 when the table is missing or cut.
std::size_t glyph_count(const std::string& font) {
  const std::size_t maxp = table_offset(font, "maxp");
  if (maxp == std::string::npos || maxp + 6 > font.size()) return 0;
  return (static_cast<std::size_t>(static_cast<unsigned char>(font[maxp + 4])) << 8) |
         static_cast<unsigned char>(font[maxp + 5]);
}

}  // namespace

char32_t next_multibyte_codepoint(std::string_view text, std::size_t& i) {
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

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool is_default_ignorable(char32_t c) {
  // DerivedCoreProperties.txt (Unicode 15), Default_Ignorable_Code_Point.
  static constexpr std::pair<char32_t, char32_t> ranges[] = {
      {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C},   {0x115F, 0x1160},   {0x17B4, 0x17B5},  {0x180B, 0x180F},
      {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F},   {0x3164, 0x3164},   {0xFE00, 0xFE0F},  {0xFEFF, 0xFEFF},
      {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};
  for (const auto& [first, last] : ranges) {
    if (c >= first && c <= last) return true;
  }
  return false;
}

std::unique_ptr<FontFace> FontFace::load(const std::string& path, const FallbackFonts* fallbacks) {
  auto face = read(path, false);
  face->fallbacks_ = fallbacks;
  return face;
}

std::unique_ptr<FontFace> FontFace::load_fallback(const std::string& path) { return read(path, true); }

// The face parsed by FreeType once per process, as PoDoFo's metrics; its lock serialises the calls
// that load glyphs (FreeType faces are not thread-safe). Members in order of construction: the
// metrics keep a pointer to `library`, which the font cache owns.
struct FontFace::Freetype {
  PoDoFo::PdfVecObjects objects;
  PoDoFo::PdfFontCache cache{&objects};
  FT_Library library = nullptr;
  std::unique_ptr<PoDoFo::PdfFontMetricsFreetype> metrics;
  std::mutex mutex;
};

FontFace::FontFace() = default;
FontFace::~FontFace() = default;

std::unique_ptr<FontFace> FontFace::read(const std::string& path, bool fallback) {
  auto bytes = read_whole_file(path);
  if (!bytes || bytes->empty()) throw std::runtime_error("cannot read font file " + path);
  auto face = std::make_unique<FontFace>();
  face->bytes_ = std::move(*bytes);
  face->fallback_ = fallback;

  face->freetype_ = std::make_unique<Freetype>();
  Freetype& freetype = *face->freetype_;
  freetype.library = freetype.cache.GetFontLibrary();
  // Wraps the face's bytes without copying them: the face owns them for as long as the metrics.
  PoDoFo::PdfRefCountedBuffer buffer(face->bytes_.data(), face->bytes_.size());
  buffer.SetTakePossesion(false);
  freetype.metrics = std::make_unique<PoDoFo::PdfFontMetricsFreetype>(&freetype.library, buffer, false);
  const PoDoFo::PdfFontMetricsFreetype& metrics = *freetype.metrics;
  // A TrueType collection or a CFF-flavoured OpenType face (Noto Sans CJK) loads, but PoDoFo
  // 0.9.8's subsetter only copies glyf outlines from a single face: refuse it here rather than
  // fail when the first document embeds it.
  if (metrics.GetFontType() != PoDoFo::ePdfFontType_TrueType || !has_table(face->bytes_, "glyf")) {
    throw std::runtime_error("not a TrueType font: " + path);
  }
  face->name_ = metrics.GetFontname();
  // The tables PoDoFo's metrics would compute for each document: every glyph's advance (one
  // FreeType glyph load each, once), every UTF-16 unit's glyph.
  face->glyph_widths_.resize(glyph_count(face->bytes_));
  for (std::size_t glyph = 0; glyph < face->glyph_widths_.size(); ++glyph) {
    face->glyph_widths_[glyph] = metrics.GetGlyphWidth(static_cast<int>(glyph));
  }
  face->glyph_ids_.resize(0x10000);
  for (char32_t c = 0; c < 0x10000; ++c)
    face->glyph_ids_[c] = static_cast<std::uint16_t>(metrics.GetGlyphId(static_cast<long>(c)));

  const auto measure = [&](char32_t c) {
    const long glyph = c < 0x10000 ? face->glyph_ids_[c] : metrics.GetGlyphId(static_cast<long>(c));
    return std::pair<long, float>(glyph, glyph == 0 ? -1.0f : static_cast<float>(face->glyph_width(glyph)));
  };
  face->advances_.assign(0x10000, -1.0f);
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (fallback && is_private_use(c)) continue;
    face->advances_[c] = measure(c).second;
  }
  // Planes 1 (symbols, emoji, mathematical letters) and 2 (rare CJK ideographs) for a fallback
  // face, up to one private-use stand-in per character.
  for (char32_t c = 0x10000; fallback && c < 0x30000 && face->wide_.size() <= kPuaLast - kPuaFirst; ++c) {
    const auto [glyph, advance] = measure(c);
    if (glyph != 0) face->wide_.push_back({c, static_cast<unsigned>(glyph), advance});
  }
  face->ascent_ = metrics.GetPdfAscent();
  face->descent_ = metrics.GetPdfDescent();
  return face;
}

void FontFace::with_freetype(const std::function<void(PoDoFo::PdfFontMetricsFreetype&)>& f) const {
  const std::lock_guard<std::mutex> lock(freetype_->mutex);
  f(*freetype_->metrics);
}

long FontFace::glyph_id_beyond_bmp(long unicode) const {
  long glyph = 0;
  with_freetype([&](PoDoFo::PdfFontMetricsFreetype& metrics) { glyph = metrics.GetGlyphId(unicode); });
  return glyph;
}

double FontFace::glyph_width_out_of_range(long glyph) const {
  double width = 0;
  with_freetype(
      [&](PoDoFo::PdfFontMetricsFreetype& metrics) { width = metrics.GetGlyphWidth(static_cast<int>(glyph)); });
  return width;
}

bool FontFace::covers_wide(char32_t c) const {
  const auto it = std::lower_bound(wide_.begin(), wide_.end(), c, [](const Wide& w, char32_t x) { return w.code < x; });
  return it != wide_.end() && it->code == c;
}

bool FontFace::covers_all(std::string_view utf8) const {
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_codepoint(utf8, i);
    if (c >= advances_.size() || advances_[c] < 0) return false;
  }
  return true;
}

double FontFace::own_advance(char32_t c) const {
  if (c < advances_.size()) return std::max(0.0f, advances_[c]);
  const auto it = std::lower_bound(wide_.begin(), wide_.end(), c, [](const Wide& w, char32_t x) { return w.code < x; });
  return it != wide_.end() && it->code == c ? it->advance : 0.0;
}

std::pair<const FontFace*, char32_t> FontFace::choose(char32_t c) const {
  if (covers(c)) return {this, c};
  if (is_default_ignorable(c)) return {nullptr, c};
  if (fallbacks_ != nullptr) {
    if (const FontFace* other = fallbacks_->face_for(c)) return {other, c};
  }
  // Nothing has it: the replacement character, visible and with its real width (documented in
  // reports/pdf/README.md), never a zero-width .notdef under the next characters.
  return {this, covers(kReplacement) ? kReplacement : U'?'};
}

double FontFace::substitute_advance(char32_t c) const {
  const auto [face, code] = choose(c);
  return face == nullptr ? 0.0 : face->own_advance(code);
}

double FontFace::width(std::string_view utf8, double size) const {
  double total = 0;
  for (std::size_t i = 0; i < utf8.size();) total += advance(next_codepoint(utf8, i));
  return total * size / 1000.0;
}

std::vector<GlyphPiece> FontFace::pieces(std::string_view utf8) const {
  std::vector<GlyphPiece> out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto [face, code] = choose(next_codepoint(utf8, i));
    if (face == nullptr) continue;
    if (out.empty() || out.back().face != face) out.push_back({face, {}, 0});
    out.back().codes.push_back(code);
    out.back().advance += face->own_advance(code);
  }
  return out;
}

char32_t FontFace::pua_code(char32_t c) const {
  const auto it = std::lower_bound(wide_.begin(), wide_.end(), c, [](const Wide& w, char32_t x) { return w.code < x; });
  if (it == wide_.end() || it->code != c) return 0;
  return kPuaFirst + static_cast<char32_t>(std::distance(wide_.begin(), it));
}

unsigned FontFace::glyph_of_pua(char32_t pua) const {
  if (pua < kPuaFirst || pua - kPuaFirst >= wide_.size()) return 0;
  return wide_[pua - kPuaFirst].glyph;
}

void FontFace::set_subset_floor(std::u32string_view characters) {
  subset_floor_.clear();
  for (char32_t c : characters) {
    if (covers(c)) subset_floor_.push_back(c);
  }
  std::sort(subset_floor_.begin(), subset_floor_.end());
  subset_floor_.erase(std::unique(subset_floor_.begin(), subset_floor_.end()), subset_floor_.end());
}

}  // namespace clause::pdf
