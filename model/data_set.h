// Every imported record, as plain vectors: what the consistency checks (rules/consistency.h) read,
// and what store/record_repository.h loads in one go. No invariant is assumed: a DataSet may hold
// exactly the inconsistencies the checks are there to find.
#pragma once

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

}  // namespace clause
