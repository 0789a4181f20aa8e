// The échéancier of the whole database (rules/schedule.h per contract), with its words: the
// client's name, one line saying what falls due, and the rule trace worded as the statements and
// `clause explain` word traces (templates/<lang>/traces.json, reports/trace_text.h). The trace keys
// only the échéancier emits (N1 renewal_notice_deadline, tacit_renewal; N4 service_end_*) have
// their phrases here, merged under those of traces.json (a phrase the file has wins), until they
// move there. Reads only: no run lock, nothing issued.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/terms.h"
#include "reports/trace_text.h"
#include "rules/schedule.h"
#include "settings/config.h"
#include "store/database.h"

namespace clause {

// One dated item with its words.
struct ScheduleEntry {
  ScheduleItem item;
  std::string client;             // the contract's account name
  std::string what;               // "dernier jour pour dénoncer le contrat avant son renouvellement du 2027-03-01"
  std::vector<WordedStep> trace;  // the item's trace, one worded step per rule step
};

// A contract left out of the échéancier, and why.
struct ScheduleSkip {
  std::string contract_id;
  std::string reason;
};

struct Schedule {
  ScheduleWindow window;
  std::vector<ScheduleEntry> entries;  // by date, then contract (sort_schedule)
  std::vector<ScheduleSkip> skipped;
};

// The trace wording of `traces_json` (templates/<lang>/traces.json) with the échéancier's own
// phrases added where the file has none. Throws as TraceWording::load does.
TraceWording schedule_trace_wording(const std::filesystem::path& traces_json, Language language);

// What an item is, in one line; dates ISO ("2027-03-01") so that the line sorts and greps.
std::string schedule_what(const ScheduleItem& item, Language language);

// The échéancier of every contract of `db` in `window`: contracts, accounts, reversibility requests,
// payments and the invoices Clause issued (what the buyer owes: TTC less the credit notes each
// deducted, B4; due after the profile's payment_days). A contract whose terms profile is unknown is
// skipped with reason "unknown terms profile \"NAME\"".
Schedule load_schedule(Database& db, const Config& config, const std::map<std::string, TermsProfile>& profiles,
                       ScheduleWindow window, const TraceWording& wording);

// The stdout line of an entry: "2026-11-20  CTR-D-DUBOIS  N1  renouvellement tacite ...".
std::string schedule_line(const ScheduleEntry& entry);

}  // namespace clause
