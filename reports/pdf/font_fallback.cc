#include "reports/pdf/font_fallback.h"

#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>

#include "reports/pdf/font_face.h"

namespace clause::pdf {
namespace {

// One face per file for the whole process: a run renders thousands of documents, and tests build
// several renderers.
const FontFace& shared_fallback_face(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<FontFace>> faces;
  const std::lock_guard<std::mutex> lock(mutex);
  auto& slot = faces[path];
  if (!slot) slot = FontFace::load_fallback(path);
  return *slot;
}

}  // namespace

FallbackFonts::FallbackFonts(std::vector<std::string> paths)
    : paths_(std::move(paths)), faces_(new std::atomic<const FontFace*>[paths_.size()]) {
  for (std::size_t k = 0; k < paths_.size(); ++k) {
    if (!std::ifstream(paths_[k], std::ios::binary)) throw std::runtime_error("cannot read font file " + paths_[k]);
    faces_[k].store(nullptr, std::memory_order_relaxed);
  }
}

FallbackFonts::~FallbackFonts() = default;

const FontFace& FallbackFonts::face(std::size_t k) const {
  if (const FontFace* face = faces_[k].load(std::memory_order_acquire)) return *face;
  const FontFace& face = shared_fallback_face(paths_[k]);
  faces_[k].store(&face, std::memory_order_release);
  return face;
}

const FontFace* FallbackFonts::face_for(char32_t c) const {
  for (std::size_t k = 0; k < paths_.size(); ++k) {
    const FontFace& candidate = face(k);
    if (candidate.covers(c)) return &candidate;
  }
  return nullptr;
}

}  // namespace clause::pdf
