// `clause schedule --from D [--days N] [--out DIR] [--language fr|en]`: the échéancier of issue 12,
// what falls due in [D, D + N) per contract (N1, N4, R1-R4, B9; rules/schedule.h), one line per
// date on stdout, the workbook and its manifest under OUT/schedule/. Reads only: no run lock.
#include <iostream>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/schedule_workbook.h"
#include "rules/calendar.h"

namespace clause {

void add_schedule_command(CLI::App& app, CommandAction& action) {
  auto* cmd =
      app.add_subcommand("schedule", "list what falls due per contract in the next days (échéancier), with XLSX");
  struct Options {
    std::string from;
    int days = 60;
    std::filesystem::path out;
    std::string language = "fr";
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--from", options->from, "the first day, YYYY-MM-DD")->required();
  cmd->add_option("--days", options->days, "how many days from --from")
      ->capture_default_str()
      ->check(CLI::Range(1, 3660));
  cmd->add_option("--out", options->out, "output folder (default: the configuration's)");
  cmd->add_option("--language", options->language, "fr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"fr", "en"}));
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
      const std::optional<Date> from = parse_date(options->from);
      if (!from) {
        spdlog::error("--from must be YYYY-MM-DD, not \"{}\"", options->from);
        return int(kUsage);
      }
      const Config& config = context.config();
      const Language language = options->language == "en" ? Language::en : Language::fr;
      const TraceWording wording =
          schedule_trace_wording(config.documents.templates / options->language / "traces.json", language);
      const Schedule schedule =
          load_schedule(context.database(), config, context.profiles(), {*from, options->days}, wording);
      const ScheduleFiles files =
          write_schedule(schedule, options->out.empty() ? config.output : options->out, config.provider.name, language);
      for (const auto& entry : schedule.entries) std::cout << schedule_line(entry) << "\n";
      for (const auto& skip : schedule.skipped) spdlog::warn("contract {} skipped: {}", skip.contract_id, skip.reason);
      spdlog::info("{} dates due from {} to {}: {}", schedule.entries.size(), format_date(*from),
                   format_date(add_days(schedule.window.until(), -1)), files.workbook.string());
      return int(schedule.skipped.empty() ? kDone : kDoneWithRejects);
    };
  });
}

}  // namespace clause
