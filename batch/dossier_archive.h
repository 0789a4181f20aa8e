// One archive of a dossier folder (issue 15): a zip written by libarchive, deterministic so that a
// rebuild of the same dossier on the same date gives the same bytes: entries sorted by path, every
// entry dated `mtime` (the dossier's date, 00:00 UTC), owner 0:0 with no names, mode 0644, deflate.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace clause {

// Writes every regular file under `folder` into the zip `archive` (written to a temporary name,
// then renamed into place), each named `prefix`/<path relative to folder>. Throws
// std::runtime_error with libarchive's message when writing fails.
void write_zip_of_folder(const std::filesystem::path& folder, const std::string& prefix,
                         const std::filesystem::path& archive, std::chrono::sys_seconds mtime);

}  // namespace clause
