// Every imported record, as plain vectors: what the consistency checks (rules/consistency.h) read,
// and what store/record_repository.h loads in one go. No invariant is assumed: a DataSet may hold
// exactly the inconsistencies the checks are there to find. kRecordKinds is the one list of its 16
// record kinds: store/ loads, writes and imports by it.
#pragma once

#include <tuple>
#include <vector>

#include "model/account.h"
#include "model/backup.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/operations.h"

namespace clause {

struct DataSet {
  std::vector<Account> accounts;
  std::vector<Person> people;
  std::vector<Contract> contracts;
  std::vector<Service> services;
  std::vector<FeeRevision> fee_revisions;
  std::vector<Incident> incidents;
  std::vector<Outage> outages;
  std::vector<Intervention> interventions;
  std::vector<SupportTicket> support_tickets;
  std::vector<RootAccessPeriod> root_access_periods;
  std::vector<Backup> backups;
  std::vector<MailUsageSample> mail_usage;
  std::vector<PriceIndex> price_indices;
  std::vector<Payment> payments;
  std::vector<PriorInvoice> prior_invoices;
  std::vector<ReversibilityRequest> reversibility_requests;
  friend bool operator==(const DataSet&, const DataSet&) = default;
};

// The 16 record kinds in import order: every reference points to a kind listed before it (an
// account before its contracts, a contract before its services...), so that files are parsed,
// checked and written in this order; the same order upserts a DataSet.
inline constexpr auto kRecordKinds = std::make_tuple(
    &DataSet::accounts, &DataSet::people, &DataSet::contracts, &DataSet::services, &DataSet::fee_revisions,
    &DataSet::incidents, &DataSet::outages, &DataSet::interventions, &DataSet::support_tickets,
    &DataSet::root_access_periods, &DataSet::backups, &DataSet::mail_usage, &DataSet::price_indices,
    &DataSet::prior_invoices, &DataSet::payments, &DataSet::reversibility_requests);

// The record type of a kRecordKinds member: RecordOf<decltype(&DataSet::accounts)> is Account.
template <typename Member>
struct RecordOfMember;
template <typename T>
struct RecordOfMember<std::vector<T> DataSet::*> {
  using type = T;
};
template <typename Member>
using RecordOf = typename RecordOfMember<Member>::type;

// Calls f(member) for each member of kRecordKinds, in its order.
template <typename F>
void for_each_record_kind(F&& f) {
  std::apply([&](auto... member) { (f(member), ...); }, kRecordKinds);
}

}  // namespace clause
