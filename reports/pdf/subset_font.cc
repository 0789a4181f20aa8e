#include "reports/pdf/subset_font.h"

#include <podofo/podofo.h>

#include <cstdio>
#include <map>
#include <stdexcept>

#include "reports/pdf/face_metrics.h"
#include "reports/pdf/sha256.h"
#include "reports/pdf/subset_cache.h"
#include "reports/pdf/text_operators.h"

namespace clause::pdf {
namespace {

std::unique_ptr<PoDoFo::PdfFont> create_subset_font(PoDoFo::PdfVecObjects& objects, const FontFace& face,
                                                    const std::string& prefix) {
  // Metrics over the face's tables, not a new FreeType parse of its bytes (face_metrics.h).
  const std::string tag = prefix + "+";
  return std::unique_ptr<PoDoFo::PdfFont>(PoDoFo::PdfFontFactory::CreateFontObject(
      new FaceMetrics(face, tag.c_str()), PoDoFo::ePdfFont_Embedded | PoDoFo::ePdfFont_Subsetting,
      PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), &objects));
}

void append_hex(std::string& out, unsigned value, int digits) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, "%0*X", digits, value);
  out += buffer;
}

// PoDoFo writes the ToUnicode map from the codes it was given, which for characters above U+FFFF
// are private-use stand-ins: a fallback face's map is written here from the real characters,
// as UTF-16 (surrogate pairs above U+FFFF), so that the text extracts as written.
void write_unicode_map(PoDoFo::PdfFont& font, const FontFace& face, const UsedChars& used) {
  std::map<long, char32_t> by_glyph;  // the lowest character wins a glyph several characters share
  const auto add = [&](char32_t c) {
    const char32_t code = c < 0x10000 ? c : face.pua_code(c);
    const long glyph = font.GetFontMetrics()->GetGlyphId(static_cast<long>(code));
    if (glyph != 0) by_glyph.emplace(glyph, c);
  };
  used.for_each(add);

  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  auto it = by_glyph.begin();
  while (it != by_glyph.end()) {
    const std::size_t n = std::min<std::size_t>(100, static_cast<std::size_t>(std::distance(it, by_glyph.end())));
    cmap += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = 0; k < n; ++k, ++it) {
      cmap += '<';
      append_hex(cmap, static_cast<unsigned>(it->first), 4);
      cmap += "> <";
      const char32_t c = it->second;
      if (c < 0x10000) {
        append_hex(cmap, c, 4);
      } else {
        append_hex(cmap, 0xD800 + ((c - 0x10000) >> 10), 4);
        append_hex(cmap, 0xDC00 + ((c - 0x10000) & 0x3FF), 4);
      }
      cmap += ">\n";
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  PoDoFo::PdfObject* map = font.GetObject()->GetIndirectKey("ToUnicode");
  if (map == nullptr) throw std::runtime_error("no ToUnicode map in the subset of " + face.name());
  map->GetStream()->Set(cmap.data(), static_cast<PoDoFo::pdf_long>(cmap.size()));
}

}  // namespace

std::string subset_tag(const std::string& face_name, const UsedChars& used) {
  std::string text = face_name;
  used.for_each([&](char32_t c) {
    // Two bytes per BMP character, as since the first version: a DejaVu-only document keeps its tag.
    if (c > 0xFFFF) {
      text.push_back(static_cast<char>(c >> 24));
      text.push_back(static_cast<char>((c >> 16) & 0xFF));
    }
    text.push_back(static_cast<char>((c >> 8) & 0xFF));
    text.push_back(static_cast<char>(c & 0xFF));
  });
  const auto digest = sha256(text);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag.push_back(static_cast<char>('A' + digest[i] % 26));
  return tag;
}

DocumentFonts::DocumentFonts(PoDoFo::PdfVecObjects& objects, const Fonts& fonts, const std::vector<Page>& pages)
    : objects_(objects) {
  entries_.reserve(8);
  entries_.push_back({&fonts.regular, {}, nullptr, nullptr, nullptr, false});
  entries_.push_back({&fonts.bold, {}, nullptr, nullptr, nullptr, false});
  const auto entry_of = [&](const FontFace* face) -> Entry& {
    for (Entry& entry : entries_) {
      if (entry.face == face) return entry;
    }
    entries_.push_back({face, {}, nullptr, nullptr, nullptr, false});
    return entries_.back();
  };
  for (const Page& page : pages) {
    for (const Primitive& item : page.items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (run == nullptr) continue;
      const FontFace& primary = fonts.face(run->bold);
      UsedChars& own = entries_[run->bold ? 1 : 0].used;
      bool plain = true;
      for (std::size_t i = 0; i < run->text.size() && plain;) {
        const char32_t c = next_codepoint(run->text, i);
        if (primary.covers(c))
          own.add(c);
        else
          plain = false;
      }
      if (plain) continue;
      for (const GlyphPiece& piece : primary.pieces(run->text)) {
        UsedChars& used = entry_of(piece.face).used;
        for (char32_t c : piece.codes) used.add(c);
      }
    }
  }
  for (Entry& entry : entries_) {
    for (char32_t c : entry.face->subset_floor()) entry.used.add(c);  // embedded drawn or not
    entry.font = create_subset_font(objects, *entry.face, subset_tag(entry.face->name(), entry.used));
  }
}

DocumentFonts::~DocumentFonts() = default;

PoDoFo::PdfFont& DocumentFonts::font(const FontFace& face) const {
  for (const Entry& entry : entries_) {
    if (entry.face == &face) return *entry.font;
  }
  throw std::out_of_range("no subset font for " + face.name());
}

DocumentFonts::Entry& DocumentFonts::entry(const FontFace& face) {
  for (Entry& entry : entries_) {
    if (entry.face == &face) return entry;
  }
  throw std::out_of_range("no subset font for " + face.name());
}

namespace {

// Adds the characters of utf8; false when it is not well-formed UTF-8 of the BMP, whose UTF-16
// PoDoFo's converter may make differently than a character set says.
bool add_all(std::unique_ptr<UsedChars>& set, std::string_view utf8) {
  if (!set) set = std::make_unique<UsedChars>();
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_bmp_char(utf8, i);
    if (c == 0) return false;
    set->add(c);
  }
  return true;
}

}  // namespace

void DocumentFonts::drawn_by_clause(const FontFace& face, std::string_view utf8) {
  add_all(entry(face).by_clause, utf8);
}

void DocumentFonts::drawn_by_podofo(const FontFace& face, std::string_view utf8) {
  Entry& drawn = entry(face);
  if (!add_all(drawn.by_podofo, utf8)) drawn.uncacheable = true;
}

void DocumentFonts::embed() {
  for (Entry& entry : entries_) {
    // PoDoFo subsets the UTF-16 units of the strings it drew plus those given to it here; the
    // two sets (in increasing order, apart) determine everything it embeds.
    // The face's floor (PdfStyle::subset_floor) is given to the subsetter as if Clause had drawn
    // it: documents drawing nothing beyond it then share one key, and one compressed subset.
    if (!entry.face->subset_floor().empty()) {
      if (!entry.by_clause) entry.by_clause = std::make_unique<UsedChars>();
      for (char32_t c : entry.face->subset_floor()) entry.by_clause->add(c);
    }
    SubsetCache::Key key{entry.face, {}};
    std::string drawn_by_clause;
    if (entry.by_clause) {
      entry.by_clause->for_each([&](char32_t c) {
        key.second.push_back(c);
        append_utf8(drawn_by_clause, c);
      });
    }
    key.second.push_back(0xFFFFFFFF);
    if (entry.by_podofo) entry.by_podofo->for_each([&](char32_t c) { key.second.push_back(c); });
    // A font PoDoFo drew text with that its character set does not describe is embedded as is.
    static SubsetCache uncached(0);
    embed_subset(*entry.font, objects_, key, entry.uncacheable ? uncached : SubsetCache::shared(), drawn_by_clause);
    if (entry.face->is_fallback()) write_unicode_map(*entry.font, *entry.face, entry.used);
  }
}

}  // namespace clause::pdf
