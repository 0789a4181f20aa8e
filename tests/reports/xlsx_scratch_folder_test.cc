// Where libxlsxwriter's scratch files go (reports/xlsx/scratch_folder.h): the choice, and that a
// workbook really writes its parts in the folder it is given, with the same bytes wherever they go.
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "model/whole_file.h"
#include "reports/layout/markup.h"
#include "reports/xlsx/scratch_folder.h"
#include "reports/xlsx/xlsx_renderer.h"

namespace clause::xlsx {
namespace {

namespace fs = std::filesystem;

constexpr FolderState kRoomyTmpfs{true, true, 1u << 30};

TEST(ScratchFolder, AWritableTmpfsWithRoomIsChosen) {
  EXPECT_EQ(choose_scratch_folder(nullptr, kRoomyTmpfs), fs::path("/dev/shm"));
  EXPECT_EQ(choose_scratch_folder("", kRoomyTmpfs), fs::path("/dev/shm"));  // set but empty: unset
}

TEST(ScratchFolder, TmpdirIsTheAdministratorsChoiceAndLibxlsxwriterReadsIt) {
  EXPECT_EQ(choose_scratch_folder("/var/tmp", kRoomyTmpfs), fs::path());
}

TEST(ScratchFolder, NoTmpfsNoRoomOrNotWritableLeavesLibxlsxwritersDefault) {
  EXPECT_EQ(choose_scratch_folder(nullptr, std::nullopt), fs::path());                        // no /dev/shm
  EXPECT_EQ(choose_scratch_folder(nullptr, FolderState{false, true, 1u << 30}), fs::path());  // a disk
  EXPECT_EQ(choose_scratch_folder(nullptr, FolderState{true, false, 1u << 30}), fs::path());  // read-only
  EXPECT_EQ(choose_scratch_folder(nullptr, FolderState{true, true, kScratchSpaceNeeded - 1}), fs::path());
  EXPECT_EQ(choose_scratch_folder(nullptr, FolderState{true, true, kScratchSpaceNeeded}), fs::path("/dev/shm"));
}

const char* kWorkbook = R"(<document title="Relevé" author="Kalanda" language="fr">
  <kv sheet="Synthèse"><row key="Contrat">K-1</row></kv>
  <table name="Avoirs"><col title="Service"/><col title="Montant" type="money"/>
    <tr><td>web</td><td>1234.56</td></tr></table>
</document>)";

// Renders the workbook with its scratch files in `scratch` (a folder of its own, watched with
// inotify) and returns how many files were created there and the workbook's bytes.
std::pair<int, std::string> render_watched(const fs::path& scratch, const fs::path& out) {
  fs::create_directories(scratch);
  const int watch = ::inotify_init1(IN_NONBLOCK);
  EXPECT_GE(watch, 0);
  EXPECT_GE(::inotify_add_watch(watch, scratch.c_str(), IN_CREATE), 0);
  XlsxOptions options;
  options.created = 1793491200;  // 2026-11-01T00:00:00Z
  options.temp_folder = scratch;
  render_xlsx(layout::parse_markup(kWorkbook, "doc"), out, options);
  int created = 0;
  alignas(inotify_event) char buffer[8192];
  for (ssize_t n; (n = ::read(watch, buffer, sizeof buffer)) > 0;) {
    for (char* p = buffer; p < buffer + n; p += sizeof(inotify_event) + reinterpret_cast<inotify_event*>(p)->len)
      ++created;
  }
  ::close(watch);
  EXPECT_TRUE(fs::is_empty(scratch)) << scratch;  // libxlsxwriter removes its files
  return {created, read_whole_file(out).value_or("")};
}

TEST(ScratchFolder, TheWorkbooksPartsAreWrittenInTheGivenFolderAndTheBytesDoNotDependOnIt) {
  if (!fs::is_directory("/dev/shm")) FAIL() << "this test needs /dev/shm (Linux)";
  const std::string tag = "clause_scratch_test_" + std::to_string(::getpid());
  const fs::path on_disk = fs::temp_directory_path() / tag;
  const fs::path in_memory = fs::path("/dev/shm") / tag;
  const auto [disk_files, disk_bytes] = render_watched(on_disk / "scratch", on_disk / "book.xlsx");
  const auto [memory_files, memory_bytes] = render_watched(in_memory / "scratch", on_disk / "book2.xlsx");
  // One scratch file per part written before the zip: at least the two worksheets.
  EXPECT_GE(disk_files, 2);
  EXPECT_EQ(memory_files, disk_files);
  EXPECT_GT(disk_bytes.size(), 1000u);
  EXPECT_TRUE(disk_bytes == memory_bytes);
  fs::remove_all(on_disk);
  fs::remove_all(in_memory);
}

}  // namespace
}  // namespace clause::xlsx
