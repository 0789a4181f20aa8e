// `clause reversibility --contract C [--date D] [--out DIR] [--record-pv D] [--record-destruction D]`
// (issue 15, RULES R1-R5): builds the reversibility dossier of C dated D (default: today in the
// provider's zone) under OUT/reversibility/ (batch/reversibility_dossier.h), records its schedule,
// and R5's minutes or destruction when asked. Takes the run lock: it writes the database.
#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/exit_codes.h"
#include "batch/reversibility_dossier.h"
#include "rules/calendar.h"

namespace clause {

void add_reversibility_command(CLI::App& app, CommandAction& action) {
  auto* cmd = app.add_subcommand(
      "reversibility", "build a contract's reversibility dossier (K Art. 16), record its minutes and destruction");
  struct Options {
    std::string contract, date, pv, destruction;
    std::filesystem::path out;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("--contract", options->contract, "the contract")->required();
  cmd->add_option("--date", options->date, "the dossier's date, YYYY-MM-DD (default: today in the provider's zone)");
  cmd->add_option("--out", options->out, "output folder (default: the configuration's)");
  cmd->add_option("--record-pv", options->pv,
                  "record the minutes (procès-verbal) signed on this date, YYYY-MM-DD (R5)");
  cmd->add_option("--record-destruction", options->destruction,
                  "record the destruction of the provider's copies on this date, YYYY-MM-DD, and close the file (R5)");
  cmd->callback([&action, options] {
    action = [options](RunContext& context) {
      DossierRequest request;
      request.contract_id = options->contract;
      const Config& config = context.config();
      if (options->date.empty()) {
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        request.date = ContractClock(config.zone(config.default_time_zone), HolidayZone::metropole, BusinessHours{})
                           .to_local(now)
                           .date;
      } else if (auto d = parse_date(options->date)) {
        request.date = *d;
      } else {
        spdlog::error("--date must be YYYY-MM-DD, not \"{}\"", options->date);
        return int(kUsage);
      }
      for (auto [text, target, name] :
           {std::tuple{&options->pv, &request.record_pv, "--record-pv"},
            std::tuple{&options->destruction, &request.record_destruction, "--record-destruction"}}) {
        if (text->empty()) continue;
        if (!(*target = parse_date(*text))) {
          spdlog::error("{} must be YYYY-MM-DD, not \"{}\"", name, *text);
          return int(kUsage);
        }
      }
      request.out = options->out.empty() ? config.output : options->out;
      context.hold_run_lock();
      try {
        const DossierOutcome outcome = build_reversibility_dossier(context, DocumentEngine(config), request);
        for (const auto& removed : outcome.removed) spdlog::info("removed {} (R5 destruction)", removed);
        const auto& m = outcome.milestones;
        if (m.late)
          spdlog::warn("request {} was late: received {}, due by {} (R1)", m.request_id, format_date(m.requested),
                       format_date(m.request_deadline));
        spdlog::info("reversibility dossier of {} dated {}: {} documents checked; {} (SHA-256 {})", request.contract_id,
                     format_date(request.date), outcome.documents_checked, outcome.archive.string(),
                     outcome.archive_sha256);
        return int(kDone);
      } catch (const DossierRefused& e) {
        for (const auto& p : e.problems) spdlog::error("{}", p);
        spdlog::error("no dossier built for contract {}", request.contract_id);
        return int(kDoneWithRejects);
      }
    };
  });
}

}  // namespace clause
