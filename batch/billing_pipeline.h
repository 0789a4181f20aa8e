// Invoices and credit notes on both cores (issue 16). An invoice bears its number, which the
// ledger allocates in the transaction that records it (B7), and the credit notes it deducts, read
// under the contract's lock (B4): rendered inside that transaction, the invoices ran one at a
// time. The pipeline lets the job plan a document on the main thread with the number forecast
// for it (batch/number_forecast.h), render it on a worker while the next ones are planned, and
// record it on the main thread in submission order, inside its transaction as before. The
// transaction uses the file rendered ahead only when the document it builds is the one that
// was rendered (same number, same deductions or credited amounts); otherwise it renders again,
// exactly as without the pipeline. Files rendered ahead are staged under a name of their own
// ("FA-2026-000042.pdf.ahead.tmp-<pid>") and renamed to the document's temporary name only when
// adopted, so that a render inside a transaction never writes the file a worker is writing; one
// left by a killed run is removed by the next (batch/output_recovery.h: no ledger row holds it),
// unless the ledger holds its document with its digest (a power cut lost the adoption's rename).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "batch/document_publication.h"
#include "batch/render_ahead.h"

namespace clause {

// The staged files of a document rendered ahead; `target` is the document's real target.
using AheadFiles = std::vector<StagedFile>;

// Stages `bytes` rendered ahead for `target` under the target's ahead name.
StagedFile stage_ahead(const std::filesystem::path& target, std::string_view bytes);
// The files rendered ahead as the document's staged files: renamed to their targets' temporary
// names (document_publication.h publishes them after the commit). `ahead` is left empty.
std::vector<StagedFile> adopt_ahead(AheadFiles& ahead);

class BillingPipeline {
 public:
  // Documents rendered ahead within `window`; a window of no documents renders nothing ahead: each
  // document is recorded when submitted (a caller with one contract, tests).
  explicit BillingPipeline(RenderWindow window);
  BillingPipeline(const BillingPipeline&) = delete;
  BillingPipeline& operator=(const BillingPipeline&) = delete;
  ~BillingPipeline();

  // `render` runs on a worker (when set and documents render ahead); `record` then runs on this
  // thread in submission order with the files rendered, or nullptr when there are none or the
  // render failed (the transaction renders again and reports the error as before). Files left in
  // `*ahead` after `record` (not adopted) are removed.
  void submit(std::function<AheadFiles()> render, std::function<void(AheadFiles*)> record);
  // Runs `record` in its turn: what the run notes of a document (found already issued, skipped,
  // waiting) comes in the same order as the documents.
  void then(std::function<void()> record);
  // Records everything submitted.
  void finish();
  // Whether documents render ahead (a window of some documents).
  bool renders_ahead() const { return ahead_ != nullptr; }
  // How many documents were submitted so far (then() counts none): tells a job whether a
  // contract sent one to its transaction.
  std::size_t submitted() const { return submitted_; }

 private:
  struct Work {
    std::function<AheadFiles()> render;
    std::function<void(AheadFiles*)> record;
  };
  static void record(Work& work, std::future<AheadFiles>& rendered);
  void enqueue(std::function<AheadFiles()> render, std::function<void(AheadFiles*)> record);
  std::size_t submitted_ = 0;
  std::unique_ptr<RenderAhead<Work, AheadFiles>> ahead_;
};

}  // namespace clause
