// Documents rendered ahead on worker threads and recorded in order on the calling thread (issue
// 16): the statements job's window of futures made reusable, so that the invoices and credit
// notes keep both cores busy too. The caller submits documents in the ledger's order (B7: date,
// then contract); at most `in_flight` render at once; each is recorded, on the caller's thread
// and in submission order, once its render is done. A render's exception reaches `record`
// through `Rendered` being taken from the future (std::future::get rethrows it).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <utility>

namespace clause {

template <typename Work, typename Rendered>
class RenderAhead {
 public:
  // `record(work, rendered)` runs on the constructing thread; `rendered.get()` gives the render's
  // result or rethrows its exception. `abandon(rendered)` is called for each render still in
  // flight when the run stops (an exception out of submit/finish): it removes staged files.
  RenderAhead(std::size_t in_flight, std::function<void(Work&, std::future<Rendered>&)> record,
              std::function<void(std::future<Rendered>&)> abandon)
      : in_flight_(in_flight < 1 ? 1 : in_flight), record_(std::move(record)), abandon_(std::move(abandon)) {}
  RenderAhead(const RenderAhead&) = delete;
  RenderAhead& operator=(const RenderAhead&) = delete;
  ~RenderAhead() { abandon_all(); }

  // Starts rendering `work` on a worker thread (none when `render` is empty: the work is recorded
  // in its turn with an invalid future, e.g. a document found already issued), then records the
  // oldest documents while the window is full.
  void submit(std::shared_ptr<Work> work, std::function<Rendered(const Work&)> render) {
    std::future<Rendered> rendered;
    if (render) rendered = std::async(std::launch::async, [work, render = std::move(render)] { return render(*work); });
    window_.emplace_back(std::move(work), std::move(rendered));
    while (window_.size() >= in_flight_) record_front();
  }
  // Records every document still in the window, in order.
  void finish() {
    while (!window_.empty()) record_front();
  }
  // Documents submitted and not yet recorded.
  std::size_t pending() const { return window_.size(); }

 private:
  void record_front() {
    auto [work, rendered] = std::move(window_.front());
    window_.pop_front();
    try {
      record_(*work, rendered);
    } catch (...) {
      abandon_all();
      throw;
    }
  }
  void abandon_all() noexcept {
    for (auto& [work, rendered] : window_) {
      try {
        if (rendered.valid()) abandon_(rendered);
      } catch (...) {
      }
    }
    window_.clear();
  }

  std::size_t in_flight_;
  std::function<void(Work&, std::future<Rendered>&)> record_;
  std::function<void(std::future<Rendered>&)> abandon_;
  std::deque<std::pair<std::shared_ptr<Work>, std::future<Rendered>>> window_;
};

}  // namespace clause
