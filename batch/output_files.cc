#include "batch/output_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace clause {
namespace {

// Folds the Latin letters of French names to ASCII; any other byte sequence becomes a separator.
std::string_view ascii_fold(std::string_view utf8, size_t& consumed) {
  static const std::pair<std::string_view, std::string_view> folds[] = {
      {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"á", "a"}, {"ç", "c"}, {"é", "e"}, {"è", "e"}, {"ê", "e"},
      {"ë", "e"}, {"î", "i"}, {"ï", "i"}, {"í", "i"}, {"ô", "o"}, {"ö", "o"}, {"ó", "o"}, {"ù", "u"},
      {"û", "u"}, {"ü", "u"}, {"ú", "u"}, {"ÿ", "y"}, {"ñ", "n"}, {"œ", "oe"}, {"æ", "ae"}, {"À", "a"},
      {"Â", "a"}, {"Ç", "c"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"Ë", "e"}, {"Î", "i"}, {"Ï", "i"},
      {"Ô", "o"}, {"Ù", "u"}, {"Û", "u"}, {"Ü", "u"}, {"Œ", "oe"}, {"Æ", "ae"}};
  for (const auto& [from, to] : folds)
    if (utf8.substr(0, from.size()) == from) {
      consumed = from.size();
      return to;
    }
  consumed = 1;
  return {};
}

void throw_errno(const std::string& what, const std::filesystem::path& p) {
  throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

void fsync_path(const std::filesystem::path& p, int flags) {
  int fd = ::open(p.c_str(), flags);
  if (fd < 0) throw_errno("cannot open", p);
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string safe_file_name(std::string_view text) {
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::string_view piece;
    char single[2] = {0, 0};
    size_t used = 1;
    if (std::isalnum(c) && c < 128) {
      single[0] = char(std::tolower(c));
      piece = std::string_view(single, 1);
    } else if (c >= 128) {
      piece = ascii_fold(text.substr(i), used);
    }
    i += used;
    if (piece.empty()) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += piece;
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "client" : out;
}

std::filesystem::path temporary_name(const std::filesystem::path& target) {
  return target.string() + ".tmp-" + std::to_string(::getpid());
}

void sync_file(const std::filesystem::path& file) { fsync_path(file, O_RDONLY); }

void publish(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  std::filesystem::rename(temporary, target);
  fsync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
}

void commit_file(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  sync_file(temporary);
  publish(temporary, target);
}

std::filesystem::path write_temporary(const std::filesystem::path& target, std::string_view bytes) {
  std::filesystem::create_directories(target.parent_path());
  auto tmp = temporary_name(target);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw_errno("cannot write", tmp);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out.flush()) throw_errno("cannot write", tmp);
  }
  sync_file(tmp);
  return tmp;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  publish(write_temporary(target, bytes), target);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::string sha256_of_file(const std::filesystem::path& file) { return sha256_hex(read_file(file)); }

}  // namespace clause
