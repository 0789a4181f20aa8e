#include "model/contract_records.h"

namespace clause {

DataSet as_data_set(const ContractRecords& r) {
  DataSet d;
  if (r.parent) d.accounts.push_back(*r.parent);
  d.accounts.push_back(r.account);
  d.contracts.push_back(r.contract);
  d.services = r.services;
  d.fee_revisions = r.fee_revisions;
  d.incidents = r.incidents;
  d.outages = r.outages;
  d.interventions = r.interventions;
  d.support_tickets = r.support_tickets;
  d.root_access_periods = r.root_access_periods;
  d.backups = r.backups;
  d.mail_usage = r.mail_usage;
  d.payments = r.payments;
  d.prior_invoices = r.prior_invoices;
  d.reversibility_requests = r.reversibility_requests;
  return d;
}

}  // namespace clause
