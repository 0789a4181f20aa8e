#include "model/whole_file.h"

#include <fstream>
#include <sstream>

namespace clause {

std::optional<std::string> read_whole_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  // In blocks through the stream buffer, not a character at a time through an iterator: every
  // issued workbook is read back for its digest (issue 16).
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace clause
