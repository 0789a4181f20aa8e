#include "batch/worker_results.h"

#include <stdexcept>

namespace clause {
namespace {

using Json = nlohmann::ordered_json;

Json skipped_json(const std::vector<SkippedContract>& skipped) {
  Json out = Json::array();
  for (const auto& s : skipped)
    out.push_back({{"contract", s.contract_id}, {"record", s.record}, {"reason", s.reason}});
  return out;
}

void add_skipped(const Json& j, std::vector<SkippedContract>& skipped) {
  for (const auto& s : j)
    skipped.push_back(
        {s.at("contract").get<std::string>(), s.at("record").get<std::string>(), s.at("reason").get<std::string>()});
}

Json parsed(const std::string& result) {
  try {
    return Json::parse(result);
  } catch (const std::exception& e) {
    throw std::runtime_error("a work item's result is not JSON (" + std::string{e.what()} + "): \"" +
                             result.substr(0, 80) + "\"");
  }
}

}  // namespace

std::string statements_item_result(const StatementsOutcome& outcome, const Json& documents, int left_out) {
  Json drifted = Json::array(), corrected = Json::array();
  for (const auto& d : outcome.drifted)
    drifted.push_back({{"contract", d.contract_id},
                       {"issued", d.issued.cents},
                       {"recomputed", d.recomputed.cents},
                       {"services", d.services}});
  for (const auto& c : outcome.corrected)
    corrected.push_back({{"contract", c.contract_id},
                         {"reference", c.reference},
                         {"corrects", c.corrects},
                         {"issued", c.issued.cents},
                         {"recomputed", c.recomputed.cents}});
  return Json{{"issued", outcome.issued}, {"already_issued", outcome.already_issued}, {"left_out", left_out},
              {"documents", documents},   {"skipped", skipped_json(outcome.skipped)}, {"drifted", drifted},
              {"corrected", corrected}}
      .dump();
}

void add_statements_item_result(const std::string& result, StatementsOutcome& outcome, Json& documents, int& left_out) {
  const Json j = parsed(result);
  outcome.issued += j.at("issued").get<int>();
  outcome.already_issued += j.at("already_issued").get<int>();
  left_out += j.at("left_out").get<int>();
  for (const auto& d : j.at("documents")) documents.push_back(d);
  add_skipped(j.at("skipped"), outcome.skipped);
  for (const auto& d : j.at("drifted"))
    outcome.drifted.push_back({d.at("contract").get<std::string>(), Money{d.at("issued").get<long long>()},
                               Money{d.at("recomputed").get<long long>()},
                               d.at("services").get<std::vector<std::string>>()});
  for (const auto& c : j.at("corrected"))
    outcome.corrected.push_back({c.at("contract").get<std::string>(), c.at("reference").get<std::string>(),
                                 c.at("corrects").get<std::string>(), Money{c.at("issued").get<long long>()},
                                 Money{c.at("recomputed").get<long long>()}});
}

std::string invoices_item_result(const InvoicesOutcome& outcome, const Json& documents) {
  Json waiting = Json::array();
  for (const auto& w : outcome.waiting_credits)
    waiting.push_back({{"contract", w.contract_id},
                       {"month", format_year_month(w.month)},
                       {"cents", w.amount.cents},
                       {"reason", w.reason},
                       {"failed", w.failed}});
  return Json{{"invoices_issued", outcome.invoices_issued}, {"credit_notes_issued", outcome.credit_notes_issued},
              {"already_issued", outcome.already_issued},   {"documents", documents},
              {"skipped", skipped_json(outcome.skipped)},   {"waiting", waiting}}
      .dump();
}

void add_invoices_item_result(const std::string& result, InvoicesOutcome& outcome, Json& documents) {
  const Json j = parsed(result);
  outcome.invoices_issued += j.at("invoices_issued").get<int>();
  outcome.credit_notes_issued += j.at("credit_notes_issued").get<int>();
  outcome.already_issued += j.at("already_issued").get<int>();
  for (const auto& d : j.at("documents")) documents.push_back(d);
  add_skipped(j.at("skipped"), outcome.skipped);
  for (const auto& w : j.at("waiting")) {
    auto month = parse_year_month(w.at("month").get<std::string>());
    if (!month) throw std::runtime_error("a work item's result names no month: " + w.dump());
    outcome.waiting_credits.push_back({w.at("contract").get<std::string>(), *month,
                                       Money{w.at("cents").get<long long>()}, w.at("reason").get<std::string>(),
                                       w.at("failed").get<bool>()});
  }
}

}  // namespace clause
