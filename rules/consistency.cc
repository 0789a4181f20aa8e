#include "rules/consistency.h"

#include <algorithm>
#include <map>

namespace clause {
namespace {

template <typename T>
std::map<std::string, const T*> by_id(const std::vector<T>& records) {
  std::map<std::string, const T*> out;
  for (const T& r : records) out.emplace(r.id, &r);
  return out;
}

void check_accounts(const DataSet& d, std::vector<Finding>& out) {
  auto accounts = by_id(d.accounts);
  for (const Account& a : d.accounts) {
    if (a.kind != AccountKind::sub_account) {
      if (a.parent_id)
        out.push_back({"account", a.id, "only a sub-account has a parent, but it names " + *a.parent_id});
      continue;
    }
    if (!a.parent_id) {
      out.push_back({"account", a.id, "sub-account without a parent"});
      continue;
    }
    auto parent = accounts.find(*a.parent_id);
    if (parent == accounts.end())
      out.push_back({"account", a.id, "parent " + *a.parent_id + " is not a known account"});
    else if (parent->second->kind == AccountKind::sub_account)
      out.push_back({"account", a.id, "parent " + *a.parent_id + " is a sub-account, not a reseller or client"});
  }
}

void check_contracts(const DataSet& d, const std::set<std::string>& profiles, std::vector<Finding>& out) {
  for (const Contract& c : d.contracts)
    if (!profiles.count(c.terms_profile))
      out.push_back({"contract", c.id, "unknown terms profile \"" + c.terms_profile + "\""});
}

// B2/B3 need the price in force from the first day: a revision effective on or before the start.
void check_fees(const DataSet& d, std::vector<Finding>& out) {
  auto contracts = by_id(d.contracts);
  for (const Service& s : d.services) {
    auto contract = contracts.find(s.contract_id);
    if (contract == contracts.end()) continue;
    Date start = contract->second->start;
    bool priced = std::any_of(d.fee_revisions.begin(), d.fee_revisions.end(), [&](const FeeRevision& f) {
      return f.service_id == s.id && to_days(f.effective) <= to_days(start);
    });
    if (!priced) out.push_back({"service", s.id, "no fee revision in force at contract start " + format_date(start)});
  }
}

// A record naming both a contract and a service must name a service of that contract (invariant 4).
template <typename T>
void check_service_of_contract(const std::vector<T>& records, const char* entity,
                               const std::map<std::string, const Service*>& services, std::vector<Finding>& out) {
  for (const T& r : records) {
    auto s = services.find(r.service_id);
    if (s != services.end() && s->second->contract_id != r.contract_id)
      out.push_back(
          {entity, r.id,
           "service " + r.service_id + " belongs to contract " + s->second->contract_id + ", not " + r.contract_id});
  }
}

void check_incidents(const DataSet& d, std::vector<Finding>& out) {
  for (const Incident& i : d.incidents) {
    if (i.intervention_start && *i.intervention_start < i.contacted)
      out.push_back({"incident", i.id,
                     "intervention start " + format_instant_utc(*i.intervention_start) + " is before contact " +
                         format_instant_utc(i.contacted)});
    if (i.restored && !i.intervention_start)
      out.push_back({"incident", i.id, "restored without an intervention start"});
    if (i.restored && i.intervention_start && *i.restored < *i.intervention_start)
      out.push_back({"incident", i.id,
                     "restored " + format_instant_utc(*i.restored) + " is before intervention start " +
                         format_instant_utc(*i.intervention_start)});
  }
}

template <typename T, typename End>
void check_end_after_start(const std::vector<T>& records, const char* entity, End T::*end, std::vector<Finding>& out) {
  for (const T& r : records) {
    std::optional<Instant> e = r.*end;
    if (e && *e < r.start)
      out.push_back(
          {entity, r.id, "end " + format_instant_utc(*e) + " is before start " + format_instant_utc(r.start)});
  }
}

// S6: root-access periods of one service must not overlap (an open period runs forever).
void check_root_access_overlaps(const DataSet& d, std::vector<Finding>& out) {
  std::map<std::string, std::vector<const RootAccessPeriod*>> per_service;
  for (const RootAccessPeriod& r : d.root_access_periods) per_service[r.service_id].push_back(&r);
  for (auto& [service, periods] : per_service) {
    std::stable_sort(periods.begin(), periods.end(),
                     [](const RootAccessPeriod* a, const RootAccessPeriod* b) { return a->start < b->start; });
    for (size_t i = 1; i < periods.size(); ++i) {
      const RootAccessPeriod* before = periods[i - 1];
      if (!before->end || *before->end > periods[i]->start)
        out.push_back({"root_access_period", periods[i]->id, "overlaps " + before->id + " on service " + service});
    }
  }
}

// B4: the prior invoices of one contract must not bill the same day twice, or a credit note could
// not tell which one it corrects.
void check_prior_invoice_overlaps(const DataSet& d, std::vector<Finding>& out) {
  std::map<std::string, std::vector<const PriorInvoice*>> per_contract;
  for (const PriorInvoice& p : d.prior_invoices) per_contract[p.contract_id].push_back(&p);
  for (auto& [contract, invoices] : per_contract) {
    std::stable_sort(invoices.begin(), invoices.end(),
                     [](const PriorInvoice* a, const PriorInvoice* b) { return a->period_from < b->period_from; });
    for (size_t i = 1; i < invoices.size(); ++i)
      if (invoices[i - 1]->period_to >= invoices[i]->period_from)
        out.push_back({"prior_invoice", invoices[i]->number,
                       "bills days already billed by " + invoices[i - 1]->number + " (contract " + contract + ")"});
  }
}

void check_intervention_incidents(const DataSet& d, std::vector<Finding>& out) {
  auto incidents = by_id(d.incidents);
  for (const Intervention& v : d.interventions) {
    if (!v.incident_id) continue;
    auto i = incidents.find(*v.incident_id);
    if (i != incidents.end() && i->second->contract_id != v.contract_id)
      out.push_back(
          {"intervention", v.id,
           "incident " + *v.incident_id + " belongs to contract " + i->second->contract_id + ", not " + v.contract_id});
  }
}

// B6, BR-27: the contracts know no negative price, payment or prior invoice; the import refuses
// them, but rows imported before it did would turn into credits nobody agreed to.
void check_money(const DataSet& d, std::vector<Finding>& out) {
  for (const FeeRevision& f : d.fee_revisions) {
    if (f.period_price < Money{})
      out.push_back({"service", f.service_id,
                     "fee revision effective " + format_date(f.effective) + " has a negative price " +
                         format_money_plain(f.period_price)});
    if (f.index_value && f.index_value->thousandths <= 0)
      out.push_back(
          {"service", f.service_id,
           "fee revision effective " + format_date(f.effective) + " has an index value that is not positive"});
  }
  for (const Payment& p : d.payments)
    if (p.amount <= Money{})
      out.push_back({"payment", p.id, "amount " + format_money_plain(p.amount) + " is not positive"});
  for (const PriorInvoice& p : d.prior_invoices) {
    if (p.total_ht < Money{})
      out.push_back({"prior_invoice", p.number, "negative total_ht " + format_money_plain(p.total_ht)});
    if (p.total_vat < Money{})
      out.push_back({"prior_invoice", p.number, "negative total_vat " + format_money_plain(p.total_vat)});
  }
}

}  // namespace

std::vector<Finding> check_consistency(const DataSet& d, const std::set<std::string>& known_profiles) {
  std::vector<Finding> out;
  check_accounts(d, out);
  check_contracts(d, known_profiles, out);
  check_fees(d, out);
  auto services = by_id(d.services);
  check_service_of_contract(d.incidents, "incident", services, out);
  check_service_of_contract(d.interventions, "intervention", services, out);
  check_service_of_contract(d.root_access_periods, "root_access_period", services, out);
  check_intervention_incidents(d, out);
  check_incidents(d, out);
  check_end_after_start(d.outages, "outage", &Outage::end, out);
  check_end_after_start(d.interventions, "intervention", &Intervention::end, out);
  check_end_after_start(d.root_access_periods, "root_access_period", &RootAccessPeriod::end, out);
  check_end_after_start(d.backups, "backup", &Backup::end, out);
  check_root_access_overlaps(d, out);
  check_prior_invoice_overlaps(d, out);
  check_money(d, out);
  return out;
}

}  // namespace clause
