// The nightly reversibility warnings (batch/reversibility_watch.h).
#include "batch/reversibility_watch.h"

#include <map>

#include <spdlog/spdlog.h>

#include "batch/schedule_entries.h"
#include "rules/calendar.h"
#include "store/reversibility_milestones.h"

namespace clause {

int warn_reversibility_dates(RunContext& context, Date night) {
  const Config& config = context.config();
  const Language language = config.documents.default_language == "en" ? Language::en : Language::fr;
  const TraceWording wording = schedule_trace_wording(
      config.documents.templates / (language == Language::en ? "en" : "fr") / "traces.json", language);
  std::map<std::string, ReversibilityMilestones> recorded;
  for (auto& m : load_reversibility_milestones(context.database())) recorded.emplace(m.contract_id, m);
  // A contract whose minutes are recorded (R5) has nothing left to hand over.
  auto closed = [&](const std::string& contract, Date date) {
    auto m = recorded.find(contract);
    return m != recorded.end() && m->second.pv_signed && *m->second.pv_signed <= date;
  };

  int warnings = 0;
  const Schedule ahead =
      load_schedule(context.database(), config, context.profiles(), {night, kReversibilityWarningDays + 1}, wording);
  for (const ScheduleEntry& e : ahead.entries) {
    const ScheduleEvent ev = e.item.event;
    if (ev != ScheduleEvent::reversibility_delivery && ev != ScheduleEvent::continuity_end &&
        ev != ScheduleEvent::takeover)
      continue;
    if (ev == ScheduleEvent::reversibility_delivery && closed(e.item.contract_id, night)) continue;
    const auto days = (std::chrono::sys_days{e.item.date} - std::chrono::sys_days{night}).count();
    spdlog::warn("reversibility: {} {}: {}", days == 0 ? "today" : "in " + std::to_string(days) + " day(s)",
                 e.item.rule, schedule_line(e));
    ++warnings;
  }
  // R3 overdue: a delivery deadline of the last 90 days passed with no minutes recorded.
  const Schedule past =
      load_schedule(context.database(), config, context.profiles(), {add_days(night, -90), 90}, wording);
  for (const ScheduleEntry& e : past.entries) {
    if (e.item.event != ScheduleEvent::reversibility_delivery || closed(e.item.contract_id, night)) continue;
    spdlog::warn(
        "reversibility: R3 delivery deadline passed on {} with no signed minutes recorded "
        "(clause reversibility --contract {} --record-pv DATE): {}",
        format_date(e.item.date), e.item.contract_id, schedule_line(e));
    ++warnings;
  }
  return warnings;
}

}  // namespace clause
