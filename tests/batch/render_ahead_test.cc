// RenderAhead and NumberForecast (issue 16): documents rendered on worker threads are recorded in
// submission order (B7: numbers follow the ledger's order), and the numbers forecast for them are
// those the ledger will allocate, or the forecast goes on from the real number.
#include "batch/render_ahead.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "batch/number_forecast.h"
#include "store/database.h"

namespace clause {
namespace {

using namespace std::chrono_literals;

TEST(RenderAhead, RecordsInSubmissionOrderWhateverOrderTheRendersEndIn) {
  std::vector<std::string> recorded;
  RenderAhead<int, std::string> ahead(
      {3, 3}, [&](int& n, std::future<std::string>& r) { recorded.push_back(std::to_string(n) + r.get()); },
      [](std::future<std::string>&) {});
  for (int n : {1, 2, 3, 4, 5}) {
    // The first renders take longest: they end last.
    ahead.submit(std::make_shared<int>(n), [](const int& k) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * (5 - k)));
      return std::string(static_cast<std::size_t>(k), '*');
    });
  }
  ahead.finish();
  EXPECT_EQ(recorded, (std::vector<std::string>{"1*", "2**", "3***", "4****", "5*****"}));
}

TEST(RenderAhead, KeepsAtMostTheWindowSubmittedAndItsThreadsRendering) {
  std::atomic<int> running = 0, most = 0;
  RenderAhead<int, int> ahead(
      {4, 2}, [](int&, std::future<int>& r) { r.get(); }, [](std::future<int>&) {});
  for (int n = 0; n < 6; ++n) {
    ahead.submit(std::make_shared<int>(n), [&](const int&) {
      most = std::max(most.load(), ++running);
      std::this_thread::sleep_for(2ms);
      --running;
      return 0;
    });
    EXPECT_LT(ahead.pending(), 4u);
  }
  ahead.finish();
  EXPECT_LE(most.load(), 2);  // four submitted at once, two threads
}

TEST(RenderAhead, AWorkWithoutRenderIsRecordedInItsTurnWithoutAFuture) {
  std::vector<std::string> recorded;
  RenderAhead<std::string, int> ahead(
      {4, 4},
      [&](std::string& w, std::future<int>& r) { recorded.push_back(w + (r.valid() ? " rendered" : " found")); },
      [](std::future<int>&) {});
  ahead.submit(std::make_shared<std::string>("A"), [](const std::string&) { return 1; });
  ahead.submit(std::make_shared<std::string>("B"), {});
  ahead.submit(std::make_shared<std::string>("C"), [](const std::string&) { return 1; });
  ahead.finish();
  EXPECT_EQ(recorded, (std::vector<std::string>{"A rendered", "B found", "C rendered"}));
}

TEST(RenderAhead, ARecordThatThrowsAbandonsTheRendersStillInFlight) {
  int abandoned = 0;
  RenderAhead<int, int> ahead(
      {10, 10},
      [](int& n, std::future<int>&) {
        if (n == 1) throw std::runtime_error("disk full");
      },
      [&](std::future<int>& r) { r.wait(), ++abandoned; });
  for (int n = 1; n <= 3; ++n) ahead.submit(std::make_shared<int>(n), [](const int& k) { return k; });
  EXPECT_THROW(ahead.finish(), std::runtime_error);
  EXPECT_EQ(abandoned, 2);  // documents 2 and 3: rendered, never recorded
}

TEST(NumberForecast, AnEmptySequenceStartsAtOneAndCountsTheDocumentsInFlight) {
  auto db = Database::open("sqlite::memory:");
  db->migrate();
  NumberForecast forecast(*db, DocumentKind::invoice, 2026);
  EXPECT_EQ(forecast.next(), "FA-2026-000001");
  EXPECT_EQ(forecast.next(), "FA-2026-000002");
}

TEST(NumberForecast, AfterANumberAnotherRunTookTheForecastsGoOnFromTheRealOne) {
  auto db = Database::open("sqlite::memory:");
  db->migrate();
  NumberForecast forecast(*db, DocumentKind::credit_note, 2026);
  EXPECT_EQ(forecast.next(), "AV-2026-000001");
  EXPECT_EQ(forecast.next(), "AV-2026-000002");
  forecast.issued("AV-2026-000005");  // another run issued 1 to 4 meanwhile
  // The document still in flight will get 6: the next one submitted 7.
  EXPECT_EQ(forecast.next(), "AV-2026-000007");
  forecast.dropped();                 // the one forecast 2 was found already issued
  forecast.issued("AV-2026-000006");  // the one forecast 7 got 6, rendered again with it
  EXPECT_EQ(forecast.next(), "AV-2026-000007");
}

}  // namespace
}  // namespace clause
