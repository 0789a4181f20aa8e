// BillingPipeline (issue 16): invoices and credit notes rendered ahead on workers are recorded in
// submission order with the run's notes between them; a file rendered ahead is adopted under its
// target's temporary name or removed, never left beside the documents.
#include "batch/billing_pipeline.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch/output_files.h"

namespace clause {
namespace {

namespace fs = std::filesystem;

struct Folder {
  fs::path path = fs::temp_directory_path() / ("clause-pipeline-" + std::to_string(::getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST(BillingPipeline, RecordsDocumentsAndTheRunsNotesInSubmissionOrder) {
  std::vector<std::string> recorded;
  BillingPipeline pipeline({4, 4});
  pipeline.submit([] { return AheadFiles{}; }, [&](AheadFiles* f) { recorded.push_back(f ? "A rendered" : "A"); });
  pipeline.then([&] { recorded.push_back("B found"); });
  pipeline.submit({}, [&](AheadFiles* f) { recorded.push_back(f ? "C rendered" : "C"); });
  pipeline.finish();
  EXPECT_EQ(recorded, (std::vector<std::string>{"A rendered", "B found", "C"}));
}

TEST(BillingPipeline, CountsTheDocumentsSubmittedNotTheNotes) {
  BillingPipeline pipeline({4, 4});
  pipeline.then([] {});
  pipeline.submit({}, [](AheadFiles*) {});
  pipeline.finish();
  EXPECT_EQ(pipeline.submitted(), 1u);
}

TEST(BillingPipeline, WithoutRenderingAheadADocumentIsRecordedWhenSubmittedAndNotRendered) {
  bool rendered = false, recorded = false;
  BillingPipeline pipeline(RenderWindow{});
  pipeline.submit([&] { return rendered = true, AheadFiles{}; }, [&](AheadFiles* f) { recorded = (f == nullptr); });
  EXPECT_TRUE(recorded);
  EXPECT_FALSE(rendered);
}

TEST(BillingPipeline, ARenderThatFailedLeavesTheTransactionToRenderAgain) {
  bool without_files = false;
  BillingPipeline pipeline({2, 2});
  pipeline.submit([]() -> AheadFiles { throw std::runtime_error("font missing"); },
                  [&](AheadFiles* f) { without_files = (f == nullptr); });
  pipeline.finish();
  EXPECT_TRUE(without_files);
}

TEST(BillingPipeline, AFileRenderedAheadIsStagedUnderANameOfItsOwn) {
  Folder folder;
  const StagedFile f = stage_ahead(folder.path / "FA-2026-000042.pdf", "%PDF");
  EXPECT_EQ(f.target, folder.path / "FA-2026-000042.pdf");
  EXPECT_EQ(f.temporary.filename().string(), "FA-2026-000042.pdf.ahead.tmp-" + std::to_string(::getpid()));
}

TEST(BillingPipeline, AnAdoptedFileTakesItsTargetsTemporaryName) {
  Folder folder;
  AheadFiles ahead{stage_ahead(folder.path / "FA-2026-000042.pdf", "%PDF")};
  const std::vector<StagedFile> staged = adopt_ahead(ahead);
  EXPECT_EQ(staged.at(0).temporary, temporary_name(folder.path / "FA-2026-000042.pdf"));
  EXPECT_EQ(read_file(staged.at(0).temporary), "%PDF");
  EXPECT_EQ(folder.names(), std::vector<std::string>{staged.at(0).temporary.filename().string()});
}

TEST(BillingPipeline, AFileRenderedAheadThatTheTransactionDidNotAdoptIsRemoved) {
  Folder folder;
  BillingPipeline pipeline({2, 2});
  // Its number was taken meanwhile: the transaction rendered the document again.
  pipeline.submit([&] { return AheadFiles{stage_ahead(folder.path / "FA-2026-000042.pdf", "%PDF")}; },
                  [](AheadFiles*) {});
  pipeline.finish();
  EXPECT_EQ(folder.names(), std::vector<std::string>{});
}

TEST(BillingPipeline, ARecordThatThrowsRemovesItsFileRenderedAhead) {
  Folder folder;
  BillingPipeline pipeline({2, 2});
  pipeline.submit([&] { return AheadFiles{stage_ahead(folder.path / "FA-2026-000042.pdf", "%PDF")}; },
                  [](AheadFiles*) { throw std::runtime_error("the database stopped answering"); });
  EXPECT_THROW(pipeline.finish(), std::runtime_error);
  EXPECT_EQ(folder.names(), std::vector<std::string>{});
}

}  // namespace
}  // namespace clause
