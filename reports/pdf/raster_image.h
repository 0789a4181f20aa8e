// A PNG or JPEG picture held in memory with its pixel size, read from the file's header so that
// layout knows its height before PoDoFo decodes it.
#pragma once

#include <string>

namespace clause::pdf {

struct RasterImage {
  enum class Format { png, jpeg } format = Format::png;
  std::string bytes;
  int width_px = 0;
  int height_px = 0;
};

// Reads a PNG or JPEG file; throws std::runtime_error("cannot read image PATH") or
// ("not a PNG or JPEG image: PATH").
RasterImage load_raster_image(const std::string& path);

}  // namespace clause::pdf
