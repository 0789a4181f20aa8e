// read_whole_file (model/whole_file.h): every byte of a file, binary ones included, or nothing.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "model/whole_file.h"

namespace clause {
namespace {

std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("whole-file-" + name + "-" + std::to_string(::getpid()));
}

TEST(WholeFile, ReadsEveryByteOfABinaryFileLargerThanAStreamBuffer) {
  std::string bytes;
  for (int i = 0; i < 100000; ++i) bytes.push_back(static_cast<char>((i * 7 + i / 256) % 256));  // NUL and 0xFF too
  const auto file = scratch("binary");
  std::ofstream(file, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  const auto read = read_whole_file(file);
  std::filesystem::remove(file);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), 100000u);
  EXPECT_EQ(*read, bytes);
}

TEST(WholeFile, AnEmptyFileIsNoBytesAndAMissingOneIsNothing) {
  const auto file = scratch("empty");
  std::ofstream{file};
  EXPECT_EQ(read_whole_file(file), std::optional<std::string>(""));
  std::filesystem::remove(file);
  EXPECT_EQ(read_whole_file(file), std::nullopt);
}

}  // namespace
}  // namespace clause
