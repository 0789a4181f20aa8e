#include "reports/pdf/subset_cache.h"

#include <utility>

namespace clause::pdf {
namespace {

using PoDoFo::PdfObject;

StreamPiece take(const PdfObject& object) {
  const auto* stream = dynamic_cast<const PoDoFo::PdfMemStream*>(object.GetStream());
  if (stream == nullptr) throw std::runtime_error("subset font: not an in-memory stream");
  return {object.GetDictionary(), std::string(stream->Get(), static_cast<std::size_t>(stream->GetLength()))};
}

// A new object of the document holding the piece: the same dictionary (Filter, Length1...) and
// the same bytes, written as they are (SetRawData neither encodes nor touches /Filter).
PdfObject* put(PoDoFo::PdfVecObjects& objects, const StreamPiece& piece) {
  PdfObject* object = objects.CreateObject();
  object->GetDictionary() = piece.dictionary;
  PoDoFo::PdfMemoryInputStream input(piece.bytes.data(), static_cast<PoDoFo::pdf_long>(piece.bytes.size()));
  object->GetStream()->SetRawData(&input, static_cast<PoDoFo::pdf_long>(piece.bytes.size()));
  return object;
}

// The objects PoDoFo's Type0 font points to: its CIDFontType2 descendant and that one's descriptor.
struct FontObjects {
  PdfObject* font;
  PdfObject* descendant;
  PdfObject* descriptor;
};

FontObjects objects_of(PoDoFo::PdfFont& font, PoDoFo::PdfVecObjects& objects) {
  PdfObject* type0 = font.GetObject();
  const PdfObject* descendants = type0->GetIndirectKey("DescendantFonts");
  if (descendants == nullptr || !descendants->IsArray() || descendants->GetArray().empty())
    throw std::runtime_error("subset font: no DescendantFonts");
  PdfObject* descendant = objects.GetObject(descendants->GetArray()[0].GetReference());
  PdfObject* descriptor = descendant == nullptr ? nullptr : descendant->GetIndirectKey("FontDescriptor");
  if (descriptor == nullptr) throw std::runtime_error("subset font: no FontDescriptor");
  return {type0, descendant, descriptor};
}

// What PdfFontCID's embedding added: /W on the descendant font, then three new objects.
std::shared_ptr<const SubsetEmbedding> harvest(const FontObjects& font) {
  auto embedding = std::make_shared<SubsetEmbedding>();
  if (const PdfObject* widths = font.descendant->GetDictionary().GetKey("W")) embedding->widths = *widths;
  const PdfObject* unicode = font.font->GetIndirectKey("ToUnicode");
  const PdfObject* program = font.descriptor->GetIndirectKey("FontFile2");
  if (unicode == nullptr || program == nullptr) throw std::runtime_error("subset font: no ToUnicode or FontFile2");
  embedding->to_unicode = take(*unicode);
  if (const PdfObject* cid_set = font.descriptor->GetIndirectKey("CIDSet")) embedding->cid_set = take(*cid_set);
  embedding->font_file = take(*program);
  return embedding;
}

// The same keys and objects, created in PoDoFo's order (ToUnicode, CIDSet, FontFile2) so that
// the object numbers are the same too.
void replay(const FontObjects& font, PoDoFo::PdfVecObjects& objects, const SubsetEmbedding& embedding) {
  if (embedding.widths) font.descendant->GetDictionary().AddKey("W", *embedding.widths);
  font.font->GetDictionary().AddKey("ToUnicode", put(objects, embedding.to_unicode)->Reference());
  if (embedding.cid_set)
    font.descriptor->GetDictionary().AddKey("CIDSet", put(objects, *embedding.cid_set)->Reference());
  font.descriptor->GetDictionary().AddKey("FontFile2", put(objects, embedding.font_file)->Reference());
}

}  // namespace

std::size_t SubsetEmbedding::size() const {
  return to_unicode.bytes.size() + (cid_set ? cid_set->bytes.size() : 0) + font_file.bytes.size() + 1024;
}

SubsetCache::SubsetCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

SubsetCache& SubsetCache::shared() {
  static SubsetCache cache(16u << 20);
  return cache;
}

std::shared_ptr<const SubsetEmbedding> SubsetCache::find(const Key& key) {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = slots_.find(key);
  if (it == slots_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  ages_.splice(ages_.begin(), ages_, it->second.age);
  return it->second.embedding;
}

void SubsetCache::store(const Key& key, std::shared_ptr<const SubsetEmbedding> embedding) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (embedding->size() > max_bytes_ || slots_.count(key) != 0) return;
  bytes_ += embedding->size();
  ages_.push_front(key);
  slots_.emplace(key, Slot{std::move(embedding), ages_.begin()});
  shrink();
}

void SubsetCache::set_max_bytes(std::size_t max_bytes) {
  const std::lock_guard<std::mutex> lock(mutex_);
  max_bytes_ = max_bytes;
  shrink();
}

void SubsetCache::shrink() {
  while (bytes_ > max_bytes_) {
    const auto oldest = slots_.find(ages_.back());
    bytes_ -= oldest->second.embedding->size();
    slots_.erase(oldest);
    ages_.pop_back();
  }
}

std::size_t SubsetCache::hits() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}
std::size_t SubsetCache::misses() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return misses_;
}
std::size_t SubsetCache::bytes() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

void embed_subset(PoDoFo::PdfFont& font, PoDoFo::PdfVecObjects& objects, const SubsetCache::Key& key,
                  SubsetCache& cache, const std::string& drawn_without_podofo) {
  const FontObjects parts = objects_of(font, objects);
  if (const auto embedding = cache.find(key)) {
    // PoDoFo's font is left unembedded: nothing embeds it later (it is in no document's font
    // cache), and its objects are now complete.
    replay(parts, objects, *embedding);
    return;
  }
  if (!drawn_without_podofo.empty()) {
    // As DrawText tells PoDoFo what it draws: every UTF-16 unit of the string.
    const PoDoFo::PdfString text(reinterpret_cast<const PoDoFo::pdf_utf8*>(drawn_without_podofo.c_str()));
    font.AddUsedSubsettingGlyphs(text, text.GetCharacterLength());
  }
  font.EmbedSubsetFont();
  cache.store(key, harvest(parts));
}

}  // namespace clause::pdf
