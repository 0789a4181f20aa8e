#include "reports/pdf/raster_image.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/whole_file.h"

namespace clause::pdf {
namespace {

unsigned byte_at(const std::string& b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
unsigned be16(const std::string& b, std::size_t i) { return byte_at(b, i) << 8 | byte_at(b, i + 1); }
unsigned be32(const std::string& b, std::size_t i) { return be16(b, i) << 16 | be16(b, i + 2); }

// Walks the JPEG markers up to the first start-of-frame (SOF0..SOF15 except DHT, JPG, DAC).
bool jpeg_size(const std::string& b, int& width, int& height) {
  std::size_t i = 2;
  while (i + 9 < b.size()) {
    if (byte_at(b, i) != 0xFF) return false;
    const unsigned marker = byte_at(b, i + 1);
    if (marker == 0xFF) {
      ++i;
      continue;
    }
    const unsigned length = be16(b, i + 2);
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      height = static_cast<int>(be16(b, i + 5));
      width = static_cast<int>(be16(b, i + 7));
      return width > 0 && height > 0;
    }
    i += 2 + length;
  }
  return false;
}

}  // namespace

RasterImage load_raster_image(const std::string& path) {
  auto bytes = read_whole_file(path);
  if (!bytes || bytes->empty()) throw std::runtime_error("cannot read image " + path);
  RasterImage image;
  image.bytes = std::move(*bytes);
  const std::string& b = image.bytes;
  if (b.size() > 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    image.format = RasterImage::Format::png;
    image.width_px = static_cast<int>(be32(b, 16));
    image.height_px = static_cast<int>(be32(b, 20));
  } else if (b.size() > 4 && byte_at(b, 0) == 0xFF && byte_at(b, 1) == 0xD8) {
    image.format = RasterImage::Format::jpeg;
    if (!jpeg_size(b, image.width_px, image.height_px)) image.width_px = 0;
  }
  if (image.width_px <= 0 || image.height_px <= 0) {
    throw std::runtime_error("not a PNG or JPEG image: " + path);
  }
  return image;
}

}  // namespace clause::pdf
