// Everything recorded about one contract: the unit a statement, an invoice or a dossier is built
// from. Each document reads one ContractRecords only, so no client can see another's data.
#pragma once

#include <optional>
#include <vector>

#include "model/account.h"
#include "model/backup.h"
#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/data_set.h"
#include "model/operations.h"

namespace clause {

// One contract and every record attached to it.
struct ContractRecords {
  Contract contract;
  Account account;                             // the contract's account
  std::optional<Account> parent;               // that account's parent, for a sub-account
  std::vector<Service> services;               // by id
  std::vector<FeeRevision> fee_revisions;      // by service, then effective date
  std::vector<Incident> incidents;             // by contact instant
  std::vector<Outage> outages;                 // of its services, by start
  std::vector<Intervention> interventions;     // by start
  std::vector<SupportTicket> support_tickets;  // by opening
  std::vector<RootAccessPeriod> root_access_periods;
  std::vector<Backup> backups;              // of its services, by start
  std::vector<MailUsageSample> mail_usage;  // by day
  std::vector<ReversibilityRequest> reversibility_requests;
  std::vector<Payment> payments;             // against invoices issued for this contract
  std::vector<PriorInvoice> prior_invoices;  // issued before Clause, by period
  friend bool operator==(const ContractRecords&, const ContractRecords&) = default;
};

// The records as a DataSet (the account, its parent, the contract and what hangs from it), so that
// the consistency checks of the whole database also run on one contract before its documents.
DataSet as_data_set(const ContractRecords& records);

}  // namespace clause
