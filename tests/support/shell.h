// Runs the real tools the tests check documents with (qpdf, pdftotext, pdfdetach, the validators,
// the clause binary): one shell runner for every test executable.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace clause::testing {

// The command's standard output, with its standard error unless `merge_stderr` is false (then it
// is discarded); its exit status in *status when asked (-1 when it did not exit normally).
inline std::string run(const std::string& command, int* status = nullptr, bool merge_stderr = true) {
  std::string out;
  FILE* pipe = ::popen((command + (merge_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!pipe) {
    if (status) *status = -1;
    return out;
  }
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int rc = ::pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

}  // namespace clause::testing
