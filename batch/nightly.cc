#include "batch/nightly.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/night_plan.h"
#include "rules/calendar.h"
#include "store/ledger.h"

namespace clause {
namespace {

std::optional<Date> last_completed_night(Database& db) {
  auto parameters = latest_completed_parameters(db, "nightly");
  if (!parameters || parameters->rfind("--date ", 0) != 0) return std::nullopt;
  return parse_date(parameters->substr(7));
}

YearMonth month_before(Date night) { return YearMonth{int(night.year()), unsigned(night.month())}.previous(); }

}  // namespace

const std::vector<NightStep>& night_steps() {
  static const std::vector<NightStep> steps = {
      {"statements", [](Date night) { return night.day() == std::chrono::day{1}; },
       [](RunContext& context, const DocumentEngine& engine, Date night, const std::filesystem::path& out) {
         return run_statements_command(context, engine, {month_before(night), std::nullopt, out, night});
       }},
      {"invoices", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine& engine, Date night, const std::filesystem::path& out) {
         return run_invoices_command(context, engine, {night, std::nullopt, out});
       }},
      // Issue 13: the night's documents e-mailed, once issued; nothing when [mail] mode is "off".
      {"send", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine&, Date night, const std::filesystem::path& out) {
         const MailSettings& mail = context.config().mail;
         if (mail.mode == "off") return int(kDone);
         SendRequest request;
         request.date = night;
         if (mail.mode == "outbox" && mail.outbox.empty()) request.outbox = out / "outbox";
         return run_send_command(context, request,
                                 std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
       }},
  };
  return steps;
}

int run_nightly(RunContext& context, const DocumentEngine& engine, const NightlyRequest& request, Instant now) {
  context.hold_run_lock();
  Database& db = context.database();
  const NightPlan plan = plan_nights(last_completed_night(db), request.date, context.config().catch_up_nights);
  if (plan.nights.size() > 1)
    spdlog::info("catching up {} night(s) missed since the last completed one: {} to {}", plan.nights.size() - 1,
                 format_date(plan.nights.front()), format_date(plan.nights[plan.nights.size() - 2]));
  int worst = kDone;
  for (Date night : plan.nights) {
    const long long run_id = start_run(db, "nightly", "--date " + format_date(night), now);
    int code = kDone;
    for (const NightStep& step : night_steps()) {
      if (!step.due(night)) continue;
      code = std::max(code, step.run(context, engine, night, request.out));
      if (code == kFailure || code == kStoppedPartWay) break;
    }
    worst = std::max(worst, code);
    if (code == kFailure || code == kStoppedPartWay) {
      spdlog::error("night {} stopped; the next `clause nightly` goes through it again", format_date(night));
      try {
        finish_run(db, run_id, now, RunStatus::failed, {});
      } catch (const std::exception&) {
        // the database is what failed: the next run marks this one interrupted
      }
      return worst;
    }
    finish_run(db, run_id, now, code == kDone ? RunStatus::succeeded : RunStatus::partial, {});
    spdlog::info("night {} done{}", format_date(night), code == kDone ? "" : ", with something to look at");
  }
  if (plan.left_over > 0 && context.config().catch_up_nights == 0) {
    spdlog::warn("{} night(s) missed since the last completed one were not run: catch-up is off "
                 "([nightly] catch_up_nights = 0)",
                 plan.left_over);
    worst = std::max(worst, int(kDoneWithRejects));
  } else if (plan.left_over > 0) {
    spdlog::warn("{} missed night(s) still to run (at most {} a run, [nightly] catch_up_nights): the next run "
                 "goes on from {}",
                 plan.left_over, context.config().catch_up_nights, format_date(add_days(plan.nights.back(), 1)));
    worst = std::max(worst, int(kDoneWithRejects));
  }
  return worst;
}

}  // namespace clause
