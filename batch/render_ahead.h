// Documents rendered ahead on worker threads and recorded in order on the calling thread (issue
// 16): the window of futures the statements, invoices and credit notes share, so that every kind
// of document keeps both cores busy. The caller submits documents in the ledger's order (B7:
// date, then contract); at most `in_flight` render at once, on a fixed pool of as many threads
// made once per run (a thread per document made glibc give each its own malloc arena, whose
// freed pages stay mapped: peak RSS grew with the run); each is recorded, on the caller's thread
// and in submission order, once its render is done. A render's exception reaches `record`
// through `Rendered` being taken from the future (std::future::get rethrows it).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace clause {

// A fixed set of threads running tasks in the order given; tasks still queued when it is
// destroyed are dropped (their futures report a broken promise).
class RenderPool {
 public:
  explicit RenderPool(std::size_t threads) {
    for (std::size_t i = 0; i < (threads < 1 ? 1 : threads); ++i) threads_.emplace_back([this] { work(); });
  }
  RenderPool(const RenderPool&) = delete;
  RenderPool& operator=(const RenderPool&) = delete;
  ~RenderPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
  }
  // Queues `task` for the next free thread.
  void run(std::packaged_task<void()> task) {
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

 private:
  void work() {
    for (;;) {
      std::packaged_task<void()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (stopping_) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

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
    if (render) {
      // The result travels through a promise of its own: the pool's tasks return nothing.
      auto promise = std::make_shared<std::promise<Rendered>>();
      rendered = promise->get_future();
      pool().run(std::packaged_task<void()>([work, render = std::move(render), promise] {
        try {
          promise->set_value(render(*work));
        } catch (...) {
          promise->set_exception(std::current_exception());
        }
      }));
    }
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
  // Made at the first render: a run that renders nothing starts no thread.
  RenderPool& pool() {
    if (!pool_) pool_ = std::make_unique<RenderPool>(in_flight_);
    return *pool_;
  }
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
  std::unique_ptr<RenderPool> pool_;  // declared last: joined before the window's futures go
};

}  // namespace clause
