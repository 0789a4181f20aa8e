// Invoices and credit notes rendered ahead and recorded in order (batch/billing_pipeline.h).
#include "batch/billing_pipeline.h"

#include "batch/output_files.h"

namespace clause {

StagedFile stage_ahead(const std::filesystem::path& target, std::string_view bytes) {
  StagedFile staged = stage_bytes(ahead_name(target), bytes);
  staged.target = target;
  return staged;
}

std::vector<StagedFile> adopt_ahead(AheadFiles& ahead) {
  std::vector<StagedFile> adopted;
  for (StagedFile& f : ahead) {
    const auto temporary = temporary_name(f.target);
    std::filesystem::rename(f.temporary, temporary);  // same folder: atomic, content already flushed
    // Flushed with the folder after the commit (publish); if a power cut loses it before that, the
    // next run publishes the file from its ahead name, whose digest the ledger holds
    // (batch/output_recovery.h).
    adopted.push_back({temporary, f.target, f.sha256});
  }
  ahead.clear();
  return adopted;
}

BillingPipeline::BillingPipeline(RenderWindow window) {
  if (window.documents > 0)
    ahead_ = std::make_unique<RenderAhead<Work, AheadFiles>>(
        window, &BillingPipeline::record, [](std::future<AheadFiles>& rendered) { discard(rendered.get()); });
}

BillingPipeline::~BillingPipeline() = default;

void BillingPipeline::record(Work& work, std::future<AheadFiles>& rendered) {
  std::optional<AheadFiles> files;
  if (rendered.valid()) try {
      files = rendered.get();
    } catch (...) {
      // Rendered again in the transaction, which reports the error as a run without the pipeline does.
    }
  try {
    work.record(files ? &*files : nullptr);
  } catch (...) {
    if (files) discard(*files);
    throw;
  }
  if (files) discard(*files);
}

void BillingPipeline::submit(std::function<AheadFiles()> render, std::function<void(AheadFiles*)> record) {
  ++submitted_;
  enqueue(std::move(render), std::move(record));
}

void BillingPipeline::enqueue(std::function<AheadFiles()> render, std::function<void(AheadFiles*)> record) {
  if (!ahead_) return record(nullptr);
  auto work = std::make_shared<Work>(Work{std::move(render), std::move(record)});
  std::function<AheadFiles(const Work&)> job;
  if (work->render) job = [](const Work& w) { return w.render(); };
  ahead_->submit(std::move(work), std::move(job));
}

void BillingPipeline::then(std::function<void()> record) {
  enqueue({}, [record = std::move(record)](AheadFiles*) { record(); });
}

void BillingPipeline::finish() {
  if (ahead_) ahead_->finish();
}

}  // namespace clause
