#include "batch/output_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <utility>

#include "model/whole_file.h"

namespace clause {
namespace {

void throw_errno(const std::string& what, const std::filesystem::path& p) {
  throw std::runtime_error(what + " " + p.string() + ": " + std::strerror(errno));
}

void fsync_path(const std::filesystem::path& p, int flags) {
  int fd = ::open(p.c_str(), flags);
  if (fd < 0) throw_errno("cannot open", p);
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) throw_errno("cannot flush", p);
}

}  // namespace

std::filesystem::path temporary_name(const std::filesystem::path& target) {
  return target.string() + ".tmp-" + std::to_string(::getpid());
}

namespace {
constexpr std::string_view kTemporaryMark = ".tmp-";
constexpr std::string_view kAheadMark = ".ahead";
}  // namespace

std::filesystem::path ahead_name(const std::filesystem::path& target) {
  return target.string() + std::string{kAheadMark};
}

long temporary_owner_pid(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  const auto at = name.rfind(kTemporaryMark);
  if (at == std::string::npos || at == 0) return 0;
  const std::string digits = name.substr(at + kTemporaryMark.size());
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stol(digits);
}

std::filesystem::path target_of_temporary(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  name.resize(name.rfind(kTemporaryMark));
  if (name.size() > kAheadMark.size() && name.ends_with(kAheadMark)) name.resize(name.size() - kAheadMark.size());
  return file.parent_path() / name;
}

void sync_file(const std::filesystem::path& file) { fsync_path(file, O_RDONLY); }

void publish(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  std::filesystem::rename(temporary, target);
  fsync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
}

namespace {

// The folders renamed into and not yet flushed (publish_unflushed), for the whole process: the
// documents of a run are published by whichever job issues them.
struct UnflushedFolders {
  std::mutex mutex;
  std::set<std::filesystem::path> folders;
};
UnflushedFolders& unflushed_folders() {
  static UnflushedFolders pending;
  return pending;
}

}  // namespace

void publish_unflushed(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  std::filesystem::rename(temporary, target);
  auto& pending = unflushed_folders();
  std::lock_guard lock(pending.mutex);
  pending.folders.insert(target.parent_path());
}

void flush_published_folders() {
  std::set<std::filesystem::path> folders;
  {
    auto& pending = unflushed_folders();
    std::lock_guard lock(pending.mutex);
    folders.swap(pending.folders);
  }
  // One syncfs per file system rather than an fsync per folder: each fsync of a folder waited for
  // a journal commit of its own (4,754 folders, 1.25 s at the end of 10,000 clients' invoices);
  // syncfs commits the journal once, with every rename in it (issue 16). Each folder is opened (it
  // must still be there) and closed at once but the first of its file system.
  std::map<dev_t, std::pair<int, std::filesystem::path>> one_per_file_system;
  try {
    for (const auto& folder : folders) {
      const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd < 0) throw_errno("cannot open", folder);
      struct stat st {};
      if (::fstat(fd, &st) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        throw_errno("cannot stat", folder);
      }
      if (!one_per_file_system.emplace(st.st_dev, std::make_pair(fd, folder)).second) ::close(fd);
    }
    for (const auto& [device, folder] : one_per_file_system)
      if (::syncfs(folder.first) != 0) throw_errno("cannot flush the file system of", folder.second);
  } catch (...) {
    for (const auto& [device, folder] : one_per_file_system) ::close(folder.first);
    // The folders stay for the next call; the error is the caller's to report.
    auto& pending = unflushed_folders();
    std::lock_guard lock(pending.mutex);
    pending.folders.merge(folders);
    throw;
  }
  for (const auto& [device, folder] : one_per_file_system) ::close(folder.first);
}

void commit_file(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  try {
    sync_file(temporary);
    publish(temporary, target);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

namespace {

// Opens `file` for writing, empty; its folder is made only when it is missing: a mkdir of a folder
// that exists still locked it, and every document paid one (1.5 % of a statement run's CPU
// samples, docs/speed.md).
int open_for_writing(const std::filesystem::path& file) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
  int fd = ::open(file.c_str(), kFlags, 0666);
  if (fd < 0 && errno == ENOENT) {
    std::filesystem::create_directories(file.parent_path());
    fd = ::open(file.c_str(), kFlags, 0666);
  }
  if (fd < 0) throw_errno("cannot write", file);
  return fd;
}

// false, with errno set, when a write fails.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

}  // namespace

std::filesystem::path write_temporary(const std::filesystem::path& target, std::string_view bytes) {
  auto tmp = temporary_name(target);
  // One descriptor writes and flushes the file (an ofstream, then a second open to fsync it, cost
  // two path lookups and a stream buffer per document).
  const int fd = open_for_writing(tmp);
  const char* failed = !write_all(fd, bytes) ? "cannot write" : ::fsync(fd) != 0 ? "cannot flush" : nullptr;
  int error = errno;
  if (::close(fd) != 0 && failed == nullptr) {
    failed = "cannot write";
    error = errno;
  }
  if (failed != nullptr) {
    std::error_code ignored;  // a disk full leaves no partial file behind
    std::filesystem::remove(tmp, ignored);
    errno = error;
    throw_errno(failed, tmp);
  }
  return tmp;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  const auto tmp = write_temporary(target, bytes);
  try {
    publish(tmp, target);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw;
  }
}

namespace {
std::string hex_of(const unsigned char* digest, unsigned int length) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  return hex_of(digest, length);
}

std::string read_file(const std::filesystem::path& file) {
  auto bytes = read_whole_file(file);
  if (!bytes) throw std::runtime_error("cannot read " + file.string());
  return std::move(*bytes);
}

namespace {

// The SHA-256 of `file`, read in pieces through one descriptor, after an fsync when `flush`; the
// open failure is reported as `cannot_open`.
std::string hash_file(const std::filesystem::path& file, bool flush, const char* cannot_open) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw_errno(cannot_open, file);
  const auto fail = [&](const char* what) {
    const int error = errno;
    ::close(fd);
    errno = error;
    throw_errno(what, file);
  };
  if (flush && ::fsync(fd) != 0) fail("cannot flush");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> digest(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!digest || EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr) != 1) fail("cannot hash");
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail("cannot read");
    if (got == 0) break;
    EVP_DigestUpdate(digest.get(), buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  unsigned char bytes[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(digest.get(), bytes, &length);
  return hex_of(bytes, length);
}

}  // namespace

std::string sha256_of_file(const std::filesystem::path& file) { return hash_file(file, false, "cannot read"); }

std::string sync_file_and_hash(const std::filesystem::path& file) { return hash_file(file, true, "cannot open"); }

}  // namespace clause
