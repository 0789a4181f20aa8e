#include "batch/nightly.h"

#include <algorithm>
#include <iostream>

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "batch/command.h"
#include "batch/correction_months.h"  // issue 12
#include "batch/exit_codes.h"
#include "batch/gdpr_run.h"
#include "batch/mail_quota_mail.h"  // issue 12: B5 warnings e-mailed
#include "batch/night_plan.h"
#include "batch/reversibility_watch.h"  // issue 15
#include "batch/schedule_entries.h"
#include "rules/calendar.h"
#include "rules/mail_quota.h"
#include "rules/service_end.h"
#include "settings/term_extras.h"  // issue 12
#include "store/ledger.h"
#include "store/record_repository.h"

namespace clause {
namespace {

std::optional<Date> last_completed_night(Database& db) {
  auto parameters = latest_completed_parameters(db, "nightly");
  if (!parameters || parameters->rfind("--date ", 0) != 0) return std::nullopt;
  return parse_date(parameters->substr(7));
}

YearMonth month_before(Date night) { return YearMonth{int(night.year()), unsigned(night.month())}.previous(); }

// The statements job for the month before the night, its outcome in the report under `step`: the
// statements step on the 1st and the corrections step on the other nights are the same job.
decltype(NightStep::run) statements_of_month_before(std::string step) {
  return [step](RunContext& context, const DocumentEngine& engine, Date night, const std::filesystem::path& out,
                NightReport& report) {
    const StatementsRequest request{month_before(night), std::nullopt, out, night};
    StatementsOutcome outcome;
    const int code = run_statements_command(context, engine, request, &outcome);
    report.add(step, code, statements_summary(request, outcome), outcome);
    return code;
  };
}

// Issue 12: the corrections of the older months ([nightly] corrections_months before the night's
// month, the month before excepted: the statements or corrections step has just checked it). Only a
// month whose input fingerprint changed since it was last checked (batch/correction_months.h) has
// its statements job run again, dated tonight; the others cost one hashed read of their rows. The
// month before's fingerprint is recorded too, so that a change to it after it becomes older is seen.
int correct_older_months(RunContext& context, const DocumentEngine& engine, Date night,
                         const std::filesystem::path& out, NightReport& report) {
  Database& db = context.database();
  const YearMonth before = month_before(night);
  YearMonth first = before;
  const int months = load_corrections_months(context.config());  // [nightly] corrections_months
  for (int i = 1; i < months; ++i) first = first.previous();
  std::vector<YearMonth> older;
  if (first < before) older = months_with_statements(db, first, before.previous());
  std::vector<YearMonth> watched = older;
  watched.push_back(before);
  const auto prints = statement_input_fingerprints(db, watched);
  int code = kDone;
  std::string rerun;
  for (YearMonth m : older) {
    const auto recorded = recorded_fingerprint(db, m);
    if (recorded && *recorded == prints.at(m)) continue;
    const StatementsRequest request{m, std::nullopt, out, night};
    StatementsOutcome outcome;
    const int c = run_statements_command(context, engine, request, &outcome);
    report.add("corrections " + format_year_month(m), c, statements_summary(request, outcome), outcome);
    code = std::max(code, c);
    if (c == kFailure || c == kStoppedPartWay) return code;  // the next night checks it again
    record_fingerprint(db, m, prints.at(m), night);
    rerun += (rerun.empty() ? "" : ", ") + format_year_month(m);
  }
  record_fingerprint(db, before, prints.at(before), night);
  report.steps.push_back({"late_corrections", code,
                          rerun.empty() ? std::to_string(older.size()) + " older month(s) watched, no data changed"
                                        : "data changed, statements checked again: " + rerun});
  return code;
}

// B5: the contracts whose mail usage of the day before `night` first went above the quota: the
// client is warned once per exceedance (the night after it; catch-up runs every night in order).
// Each warning is queued in mail_quota_warnings (migration 009), keyed by contract and first day
// above quota, and e-mailed by the send step (batch/mail_quota_mail.h): a rerun queues nothing again.
int find_mail_warnings(RunContext& context, Date night, NightReport& report) {
  Database& db = context.database();
  const Date day = add_days(night, -1);
  int found = 0;
  for (const Contract& c : load_contracts(db)) {
    const auto profile = context.profiles().find(c.terms_profile);
    if (profile == context.profiles().end() || !profile->second.billing.mail_quota || !in_service_on(c, day)) continue;
    const auto records = load_contract_records(db, c.id);
    if (!records) continue;
    if (const auto used = quota_first_exceeded_on(records->mail_usage, day, profile->second.billing)) {
      report.mail_warnings.push_back({c.id, records->account.name, day, *used, profile->second.billing.mail_quota_gb});
      ++found;
      const MailSettings& mail = context.config().mail;
      MailQuotaWarning w;
      w.contract_id = c.id;
      w.exceeded_on = day;
      w.megabytes = *used;
      w.quota_gb = profile->second.billing.mail_quota_gb;
      w.grace_days = profile->second.billing.mail_grace_days;
      w.step_gb = profile->second.billing.mail_step_gb;
      w.step_price = profile->second.billing.mail_step_price;
      w.night = night;
      w.message_id = mail_quota_message_id(
          c.id, day, mail.from_address.empty() ? context.config().provider.email : mail.from_address);
      if (!queue_mail_quota_warning(db, w))
        spdlog::info("mail quota: {} was already warned of its exceedance of {}", c.id, format_date(day));
    }
  }
  report.steps.push_back(
      {"mail_warnings", kDone, std::to_string(found) + " client(s) to warn of a first mail quota exceedance"});
  if (found > 0)
    spdlog::info("mail quota: {} client(s) went over their quota on {}: warn them (B5)", found, format_date(day));
  return kDone;
}

// The night's report: its documents read back from the ledger, the next 7 days of the échéancier,
// written and summed up on stderr. A report that cannot be written is a failure to look at, never
// a reason to redo the night (its documents are issued): exit 1.
int write_report(RunContext& context, const DocumentEngine& engine, NightReport& report,
                 const NightlyRequest& request) {
  try {
    Database& db = context.database();
    for (DocumentKind kind : {DocumentKind::statement, DocumentKind::invoice, DocumentKind::credit_note})
      for (auto& d : load_issued_documents_of_kind(db, kind, report.night)) report.issued.push_back(std::move(d));
    const Config& config = context.config();
    const Language language = config.documents.default_language == "en" ? Language::en : Language::fr;
    const std::string code = language == Language::en ? "en" : "fr";
    report.upcoming =
        load_schedule(db, config, context.profiles(), {add_days(report.night, 1), 7},
                      schedule_trace_wording(config.documents.templates / code / "traces.json", language));
    const NightReportFiles files =
        write_night_report(report, engine.pdf(), request.report_out.empty() ? request.out : request.report_out,
                           config.provider.name, language);
    if (request.summary) std::cerr << night_summary(report, files.pdf) << std::flush;
    return report.failures.empty() ? int(kDone) : int(kDoneWithRejects);
  } catch (const std::exception& e) {
    spdlog::error("night {}: the nightly report could not be written: {}", format_date(report.night), e.what());
    return kDoneWithRejects;
  }
}

}  // namespace

const std::vector<NightStep>& night_steps() {
  static const std::vector<NightStep> steps = {
      {"statements", [](Date night) { return night.day() == std::chrono::day{1}; },
       statements_of_month_before("statements")},
      // Not on the 1st, when the statements step above does the same: the month before again, which
      // issues nothing but the corrective statements of data changed since (a late import), so that
      // tonight's invoices step issues their further credit notes.
      {"corrections", [](Date night) { return night.day() != std::chrono::day{1}; },
       statements_of_month_before("corrections")},
      // issue 12: the older months whose data changed since they were last checked
      {"late_corrections", [](Date) { return true; }, correct_older_months},
      {"invoices", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine& engine, Date night, const std::filesystem::path& out,
          NightReport& report) {
         const InvoicesRequest request{night, std::nullopt, out};
         InvoicesOutcome outcome;
         const int code = run_invoices_command(context, engine, request, &outcome);
         report.add("invoices", code, invoices_summary(request, outcome), outcome);
         return code;
       }},
      {"mail_warnings", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine&, Date night, const std::filesystem::path&, NightReport& report) {
         return find_mail_warnings(context, night, report);
       }},
      // issue 15: warnings before the R3 delivery deadline and the R4 end of continuity (exit 0).
      {"reversibility", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine&, Date night, const std::filesystem::path&, NightReport& report) {
         const int warnings = warn_reversibility_dates(context, night);
         report.steps.push_back({"reversibility", kDone,
                                 std::to_string(warnings) + " reversibility warning(s) (R3 delivery, R4 continuity)"});
         return int(kDone);
       }},
      // issue 14: lists and reminders; purges when [gdpr] apply = true, never in a dry run (the
      // audit file, outside the database, would record a purge the real database never had).
      {"gdpr", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine& engine, Date night, const std::filesystem::path& out,
          NightReport& report) {
         const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
         const bool apply = context.config().gdpr_apply && !report.dry_run;
         const auto& mail = context.config().mail;
         const auto outbox = mail.outbox.empty() ? out / "outbox" : mail.outbox;
         const int code =
             run_gdpr(context, engine, {night, out, apply, false, context.config().gdpr_audit_file, outbox}, now);
         report.steps.push_back({"gdpr", code,
                                 apply ? "inactive accounts listed and purged (G1-G6)"
                                       : "inactive accounts listed, nothing purged (G1-G6)"});
         return code;
       }},
      // Issue 13: last, the e-mails of what was issued; never in a dry run (its documents were
      // not issued: a rehearsal must not reach a client).
      {"send", [](Date) { return true; },
       [](RunContext& context, const DocumentEngine&, Date night, const std::filesystem::path& out,
          NightReport& report) {
         const MailSettings& mail = context.config().mail;
         if (mail.mode == "off" || report.dry_run) {
           report.steps.push_back(
               {"send", kDone, report.dry_run ? "dry run: nothing sent" : "delivery off ([mail] mode)"});
           return int(kDone);
         }
         SendRequest request;
         request.date = night;
         if (mail.mode == "outbox" && mail.outbox.empty()) request.outbox = out / "outbox";
         const int code = run_send_command(
             context, request, std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
         report.steps.push_back(
             {"send", code, code == kDone ? "every message delivered" : "messages deferred or failed: see the log"});
         return code;
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
    NightReport report;
    report.night = night;
    report.dry_run = request.dry_run;
    for (const NightStep& step : night_steps()) {
      if (!step.due(night)) continue;
      code = std::max(code, step.run(context, engine, night, request.out, report));
      if (code == kFailure || code == kStoppedPartWay) break;
    }
    code = std::max(code, write_report(context, engine, report, request));
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
    spdlog::warn(
        "{} night(s) missed since the last completed one were not run: catch-up is off "
        "([nightly] catch_up_nights = 0)",
        plan.left_over);
    worst = std::max(worst, int(kDoneWithRejects));
  } else if (plan.left_over > 0) {
    spdlog::warn(
        "{} missed night(s) still to run (at most {} a run, [nightly] catch_up_nights): the next run "
        "goes on from {}",
        plan.left_over, context.config().catch_up_nights, format_date(add_days(plan.nights.back(), 1)));
    worst = std::max(worst, int(kDoneWithRejects));
  }
  return worst;
}

int run_nightly_dry_run(const GlobalOptions& options, RunContext& context, const NightlyRequest& request, Instant now) {
  Database& db = context.database();
  if (db.dialect() != Dialect::sqlite) {
    spdlog::error(
        "--dry-run rehearses on a copy of the database, which Clause makes for SQLite only; on "
        "PostgreSQL, `clause schedule --from {}` lists what falls due",
        format_date(request.date));
    return kUsage;
  }
  const auto scratch = std::filesystem::temp_directory_path() / ("clause-dry-run-" + std::to_string(::getpid()));
  std::filesystem::remove_all(scratch);
  std::filesystem::create_directories(scratch);
  struct Cleanup {
    std::filesystem::path folder;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(folder, ignored);
    }
  } cleanup{scratch};
  const auto copy = scratch / "clause.db";
  // A consistent snapshot, even while another run writes (a read transaction of the source).
  db.session() << "VACUUM INTO '" + copy.string() + "'";
  GlobalOptions rehearsal = options;
  rehearsal.database_url = "sqlite:" + copy.string();
  RunContext dry(rehearsal);
  NightlyRequest r = request;
  r.dry_run = true;
  r.report_out = request.out;
  r.out = scratch / "out";
  spdlog::info("dry run on a copy of the database: nothing is issued, only the reports are kept under {}",
               (request.out / "nightly" / "dry-run").string());
  return run_nightly(dry, DocumentEngine(dry.config()), r, now);
}

}  // namespace clause
