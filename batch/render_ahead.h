// Documents rendered ahead on worker threads and recorded in order on the calling thread (issue
// 16): the window of futures the statements, invoices and credit notes share, so that every kind
// of document keeps both cores busy. The caller submits documents in the ledger's order (B7:
// date, then contract); at most `window.documents` are submitted and not yet recorded, and they
// render on a fixed pool of `window.threads` threads made once per run (a thread per document
// made glibc give each its own malloc arena, whose freed pages stay mapped: peak RSS grew with
// the run); each is recorded, on the caller's thread and in submission order, once its render is
// done. A render's exception reaches `record` through `Rendered` being taken from the future
// (std::future::get rethrows it).
#pragma once

#include <algorithm>
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

// How far a run renders ahead of its records.
struct RenderWindow {
  std::size_t documents = 0;  // submitted and not yet recorded
  std::size_t threads = 0;    // rendering at once
  // Two threads a core (a render waits on fsync now and then) and four documents a thread: the
  // records wait for the oldest document, and with no more documents than threads one slow
  // statement left the other threads idle meanwhile (issue 16: ~160 % CPU on 2 cores; ~175 %
  // with four documents a thread, for the same peak RSS: the threads, not the documents, hold
  // the memory).
  static RenderWindow for_this_machine() {
    const std::size_t threads = std::max<std::size_t>(2, 2 * std::thread::hardware_concurrency());
    return {4 * threads, threads};
  }
};

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
  RenderAhead(RenderWindow window, std::function<void(Work&, std::future<Rendered>&)> record,
              std::function<void(std::future<Rendered>&)> abandon)
      : documents_(std::max<std::size_t>(1, window.documents)),
        threads_(std::max<std::size_t>(1, window.threads)),
        record_(std::move(record)),
        abandon_(std::move(abandon)) {}
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
    while (window_.size() >= documents_) record_front();
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
    if (!pool_) pool_ = std::make_unique<RenderPool>(threads_);
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

  std::size_t documents_, threads_;
  std::function<void(Work&, std::future<Rendered>&)> record_;
  std::function<void(std::future<Rendered>&)> abandon_;
  std::deque<std::pair<std::shared_ptr<Work>, std::future<Rendered>>> window_;
  std::unique_ptr<RenderPool> pool_;  // declared last: joined before the window's futures go
};

}  // namespace clause
