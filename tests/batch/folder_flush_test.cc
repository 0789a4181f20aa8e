// Documents renamed into place and their folders flushed at the run's end, one syncfs per file
// system (publish_unflushed, flush_published_folders: batch/output_files.h, issue 16).
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>

#include "batch/output_files.h"

namespace clause {
namespace {

namespace fs = std::filesystem;

class FolderFlush : public ::testing::Test {
 protected:
  void SetUp() override {
    flush_published_folders();  // nothing left over from another test of the process
    root_ = fs::temp_directory_path() / ("clause-folder-flush-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // A temporary file written in `folder` for `name`, as a document's staging leaves it.
  fs::path staged(const fs::path& folder, const std::string& name) {
    fs::create_directories(root_ / folder);
    return write_temporary(root_ / folder / name, "%PDF-1.7 " + name);
  }

  fs::path root_;
};

TEST_F(FolderFlush, TheFileIsInPlaceAtOnceAndTheFoldersAreFlushedLater) {
  const fs::path a = staged("client-a", "FA-2026-000001.pdf"), b = staged("client-b", "FA-2026-000002.pdf");
  publish_unflushed(a, root_ / "client-a" / "FA-2026-000001.pdf");
  publish_unflushed(b, root_ / "client-b" / "FA-2026-000002.pdf");
  EXPECT_TRUE(fs::exists(root_ / "client-a" / "FA-2026-000001.pdf"));
  EXPECT_FALSE(fs::exists(a));
  EXPECT_EQ(read_file(root_ / "client-b" / "FA-2026-000002.pdf"), "%PDF-1.7 FA-2026-000002.pdf");
  EXPECT_NO_THROW(flush_published_folders());
}

TEST_F(FolderFlush, AFolderThatCannotBeFlushedIsReportedAndKeptForTheNextCall) {
  publish_unflushed(staged("gone", "FA-2026-000003.pdf"), root_ / "gone" / "FA-2026-000003.pdf");
  fs::remove_all(root_ / "gone");
  try {
    flush_published_folders();
    ADD_FAILURE() << "a folder that no longer exists was flushed";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string{e.what()}.find((root_ / "gone").string()), std::string::npos) << e.what();
  }
  EXPECT_THROW(flush_published_folders(), std::runtime_error);  // still pending
  fs::create_directories(root_ / "gone");
  EXPECT_NO_THROW(flush_published_folders());
  fs::remove_all(root_ / "gone");
  EXPECT_NO_THROW(flush_published_folders());  // flushed: nothing pending any more
}

// A run renames into a folder per client (4,754 for the 10,000 generated clients): the flush keeps
// one folder open per file system, not one per folder, so a low limit on open files is no bar.
TEST_F(FolderFlush, MoreFoldersThanTheProcessMayOpenFilesAreFlushed) {
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  for (int i = 0; i < 200; ++i) {
    const std::string folder = "client-" + std::to_string(i);
    publish_unflushed(staged(folder, "FA.pdf"), root_ / folder / "FA.pdf");
  }
  rlimit low = saved;
  low.rlim_cur = 64;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  EXPECT_NO_THROW(flush_published_folders());
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
  EXPECT_TRUE(fs::exists(root_ / "client-199" / "FA.pdf"));
}

}  // namespace
}  // namespace clause
