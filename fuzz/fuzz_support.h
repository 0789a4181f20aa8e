// What the three fuzz targets share: a private scratch folder for the files the real loaders read
// (they take paths, not bytes, so each input is written to a file first), and whole-file I/O.
// Header-only: each target is one translation unit plus this.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace clause::fuzz {

inline std::filesystem::path& scratch_path() {
  static std::filesystem::path path;
  return path;
}

inline void remove_scratch() {
  std::error_code ignored;
  std::filesystem::remove_all(scratch_path(), ignored);
}

// The scratch folder of this process, made on first use under $TMPDIR and removed at a normal exit
// (a crash leaves it: scripts/fuzz.sh points TMPDIR to a tmpfs folder of its own and removes it). One per process, so
// that parallel jobs (-jobs=N) never share files.
inline const std::filesystem::path& scratch() {
  static const bool made = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "clause-fuzz.XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      std::perror("mkdtemp");
      std::abort();
    }
    scratch_path() = pattern;
    std::atexit(remove_scratch);
    return true;
  }();
  (void)made;
  return scratch_path();
}

// Replaces `path` with exactly `bytes`. Unlinked first: ext4 flushes a file truncated and
// rewritten at its close (auto_da_alloc), which would cost a disk write per input.
inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) {
    std::perror(path.c_str());
    std::abort();
  }
}

// The whole file; aborts when it cannot be read (a seed or fixture of the source tree is missing).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::perror(path.c_str());
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Stops the run with a message: an invariant of the code under test was broken (libFuzzer saves
// the input as a crash, like a sanitizer report).
[[noreturn]] inline void broken(const std::string& what) {
  std::fprintf(stderr, "INVARIANT BROKEN: %s\n", what.c_str());
  std::abort();
}

// With CLAUSE_FUZZ_VERBOSE set, prints what an input came to (for writing seeds by hand).
inline void tell(const std::string& outcome) {
  static const bool verbose = std::getenv("CLAUSE_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "outcome: %s\n", outcome.c_str());
}

}  // namespace clause::fuzz
