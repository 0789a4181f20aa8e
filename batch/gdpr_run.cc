#include "batch/gdpr_run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include <spdlog/spdlog.h>

#include "batch/exit_codes.h"
#include "batch/gdpr_audit_file.h"
#include "batch/gdpr_list.h"
#include "batch/output_files.h"
#include "batch/output_paths.h"
#include "reports/format.h"
#include "rules/calendar.h"
#include "rules/document_retention.h"
#include "store/billing_ledger.h"
#include "store/gdpr_ledger.h"
#include "store/ledger.h"
#include "store/personal_data_erasure.h"
#include "store/record_repository.h"
#include "store/table_rows.h"

namespace clause {
namespace {

int purges_done = 0;

void kill_point(std::string_view point) {
  const char* p = std::getenv("CLAUSE_KILL_POINT");
  if (!p || point != p) return;
  const char* n = std::getenv("CLAUSE_KILL_AFTER_ACCOUNTS");
  if (purges_done + 1 == (n && *n ? std::atoi(n) : 1)) ::_exit(9);
}

// Deletes the files committed purges and destructions left to delete, then forgets them.
int finish_pending_files(Database& db) {
  int removed = 0;
  for (const std::string& path : pending_files(db)) {
    std::error_code ec;
    if (std::filesystem::remove(path, ec)) ++removed;
    if (ec) throw std::runtime_error(path + ": cannot remove: " + ec.message());
    remove_pending_file(db, path);
  }
  return removed;
}

bool holds_personal_data(const Person& p) {
  return !p.full_name.empty() || !p.email.empty() || !p.phone.empty() || !p.postal_address.empty();
}

// The purge of one account, inside the caller's transaction: what --apply and --replay share.
// The e-mails `clause send` wrote to `outbox` for an account (batch/send_job.cc names them
// OUTBOX/<night>/<account>.eml, or <account>-<part>-of-<parts>.eml): they carry its people's names
// and addresses, and are regenerable from the ledger, so a purge removes them.
std::vector<std::string> outbox_messages_of(const std::filesystem::path& outbox, const std::string& account_id) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(outbox, ec)) return out;
  const std::string stem = path_segment(account_id);
  // "<stem>.eml" or "<stem>-<digits>-of-<digits>.eml": exactly the names send_job gives.
  auto is_message = [&](const std::string& file) {
    if (file == stem + ".eml") return true;
    if (!file.starts_with(stem + "-") || !file.ends_with(".eml")) return false;
    const std::string parts = file.substr(stem.size() + 1, file.size() - stem.size() - 5);
    const auto of = parts.find("-of-");
    auto digits = [](const std::string& t) {
      return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return of != std::string::npos && digits(parts.substr(0, of)) && digits(parts.substr(of + 4));
  };
  for (const auto& night : std::filesystem::directory_iterator(outbox, ec)) {
    if (!night.is_directory()) continue;
    for (const auto& file : std::filesystem::directory_iterator(night.path(), ec))
      if (file.is_regular_file() && is_message(file.path().filename().string())) out.push_back(file.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Returns the counts found (people, texts, files, reminders).
PurgeRecord erase_account(Database& db, PurgeRecord record, const std::filesystem::path& outbox) {
  std::vector<Person> people = load_people_of_account(db, record.account_id);
  if (!record.person_ids.empty()) {  // replay: the people the purge erased, as they are now
    std::erase_if(people, [&](const Person& p) {
      return std::find(record.person_ids.begin(), record.person_ids.end(), p.id) == record.person_ids.end();
    });
  } else {
    for (const Person& p : people) record.person_ids.push_back(p.id);
    std::sort(record.person_ids.begin(), record.person_ids.end());
  }
  const ErasureCounts counts = erase_people(db, record.account_id, people);
  std::vector<std::string> files = statement_files_of_account(db, record.account_id);
  forget_document_files(db, files);
  const std::vector<std::string> reminders = take_reminder_files(db, record.account_id);
  for (const auto& f : files) add_pending_file(db, f);
  for (const auto& f : reminders) add_pending_file(db, f);
  for (const auto& f : outbox_messages_of(outbox, record.account_id)) add_pending_file(db, f);
  record.people_erased = counts.people_erased;
  record.texts_scrubbed = counts.texts_scrubbed;
  record.files_removed = int(files.size());
  record.reminders_removed = int(reminders.size());
  return record;
}

int replay(Database& db, const GdprRequest& request) {
  int purges = 0, destroyed = 0, files = 0;
  for (const GdprAuditEntry& entry : read_audit_file(request.audit_file)) {
    soci::transaction tx(db.session());
    std::vector<std::string> to_delete;
    if (const auto* p = std::get_if<PurgeRecord>(&entry)) {
      if (purge_recorded(db, p->id)) continue;  // the database holds it: nothing to redo
      erase_account(db, *p, request.outbox);
      // The audit row is the one the purge wrote, so the database ends as it was after it.
      record_purge(db, *p);
      ++purges;
    } else {
      const auto& d = std::get<DestroyedDocument>(entry);
      if (document_destroyed(db, d.document_id)) continue;
      for (const auto& path : record_destruction(db, d)) add_pending_file(db, path);
      ++destroyed;
    }
    tx.commit();
    files += finish_pending_files(db);
  }
  {
    soci::transaction tx(db.session());
    keep_purged_people_erased(db);  // purges the database held, on rows restored with data
    tx.commit();
  }
  spdlog::info("gdpr replay from {}: {} purge(s) and {} destruction(s) applied again, {} file(s) removed",
               request.audit_file.string(), purges, destroyed, files);
  return kDone;
}

}  // namespace

int run_gdpr(RunContext& context, const DocumentEngine& engine, const GdprRequest& request, Instant now) {
  context.hold_run_lock();
  Database& db = context.database();
  if (int n = finish_pending_files(db); n > 0) spdlog::info("{} file(s) left by an interrupted purge removed", n);
  if (request.replay) return replay(db, request);

  const PersonalDataTerms& terms = context.profiles().begin()->second.personal_data;  // same in every profile
  const std::vector<Account> accounts = load_accounts(db);
  const std::vector<Contract> contracts = load_contracts(db);
  const auto reversibility = load_records<ReversibilityRequest>(db, "reversibility_requests.all");
  std::map<std::string, Money> paid;  // G3: an issued invoice not fully paid holds its account
  for (const Payment& p : load_payments(db)) paid[p.invoice_number] += p.amount;
  std::map<std::string, std::string> account_of_contract;
  for (const Contract& c : contracts) account_of_contract[c.id] = c.account_id;
  std::vector<std::string> unpaid;
  for (const IssuedDocument& d : load_issued_documents_of_kind(db, DocumentKind::invoice))
    if (d.number && d.issued_on <= request.date && paid[*d.number] < d.total_ttc)
      unpaid.push_back(account_of_contract[d.contract_id]);
  const auto statuses = classify_accounts(accounts, contracts, unpaid, reversibility, request.date, terms);

  const long long run_number =
      start_run(db, "gdpr", "--date " + format_date(request.date) + (request.apply ? " --apply" : ""), now);
  std::string stamp = format_instant_utc(now);
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  const std::string run_id = "gdpr-" + std::to_string(run_number) + "-" + stamp;

  GdprList list{request.date, request.apply, request.apply ? run_id : "", {}, {}};
  int reminders = 0, purged = 0;
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    const Account& a = accounts[i];
    const AccountDataStatus& s = statuses[i];
    if (s.status == DataStatus::active) continue;
    GdprListAccount line{&a, s, false, std::nullopt};
    const Date since = a.last_activity.value_or(a.created);
    if (s.status == DataStatus::soon_inactive) {  // G4: once per inactivity period, e-mailed by `clause send`
      line.reminder = reminder_of(db, a.id, since);
      if (!line.reminder) {
        record_reminder(db, {a.id, since, s.inactive_on, request.date, "", "queued", std::nullopt});
        line.reminder = reminder_of(db, a.id, since);
        ++reminders;
      }
    }
    if (s.status == DataStatus::purge && request.apply) {
      const auto people = load_people_of_account(db, a.id);
      const bool pending = std::any_of(people.begin(), people.end(), holds_personal_data) ||
                           !statement_files_of_account(db, a.id).empty();
      if (pending || !purged_for_period(db, a.id, since)) {  // a rerun does nothing
        soci::transaction tx(db.session());
        PurgeRecord record = erase_account(
            db, {run_id + "/" + a.id, run_id, a.id, request.date, since, "G1 G3", 0, 0, 0, 0, {}}, request.outbox);
        record_purge(db, record);
        kill_point("gdpr_erased");
        append_audit_entry(request.audit_file, record);  // fsync'ed before the commit (G5)
        kill_point("gdpr_audited");
        tx.commit();
        kill_point("gdpr_committed");
        ++purges_done;
        finish_pending_files(db);
        spdlog::info("account {} purged (G1): {} person(s) erased, {} text(s) scrubbed, {} file(s) removed", a.id,
                     record.people_erased, record.texts_scrubbed, record.files_removed + record.reminders_removed);
        ++purged;
      }
    }
    if (s.status == DataStatus::purge) line.purged = purged_for_period(db, a.id, since);
    list.accounts.push_back(line);
  }
  std::sort(list.accounts.begin(), list.accounts.end(),
            [](const auto& x, const auto& y) { return x.account->id < y.account->id; });

  // G6: documents dated before 1 January of (run year - 10) are past their retention.
  const Date bound{request.date.year() - std::chrono::years{terms.legal_retention_years}, std::chrono::January,
                   std::chrono::day{1}};
  int destroyed = 0;
  for (const RetainedDocument& d : documents_issued_before(db, bound)) {
    if (!past_retention(d.issued_on, request.date, terms)) continue;
    GdprListDocument line{d, add_days(retention_ends(d.issued_on, terms), -1), false};
    if (request.apply) {
      soci::transaction tx(db.session());
      const DestroyedDocument record{d.document_id, d.kind, d.number, d.issued_on, request.date, run_id};
      for (const auto& path : record_destruction(db, record)) add_pending_file(db, path);
      append_audit_entry(request.audit_file, record);
      tx.commit();
      finish_pending_files(db);
      line.destroyed = true;
      ++destroyed;
    }
    list.expired.push_back(line);
  }

  const GdprListFiles files = write_gdpr_list(list, engine, request.out);
  finish_run(db, run_number, now, RunStatus::succeeded, {});
  std::size_t inactive = 0, kept = 0, soon = 0;
  for (const auto& l : list.accounts)
    (l.status.status == DataStatus::purge ? inactive : l.status.status == DataStatus::kept ? kept : soon)++;
  spdlog::info(
      "gdpr {}{}: {} inactive, {} kept, {} soon inactive ({} reminder(s) queued for `clause send`), {} document(s) "
      "past "
      "retention: {}",
      format_date(request.date), request.apply ? " --apply" : " (dry run)", inactive, kept, soon, reminders,
      list.expired.size(), files.pdf.string());
  if (request.apply)
    spdlog::info("gdpr --apply: {} account(s) purged, {} document(s) destroyed; audit in {}", purged, destroyed,
                 request.audit_file.string());
  return kDone;
}

}  // namespace clause
