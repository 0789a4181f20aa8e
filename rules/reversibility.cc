#include "rules/reversibility.h"

#include <algorithm>

#include "rules/calendar.h"

namespace clause {

ReversibilitySchedule reversibility_schedule(const ReversibilityRequest& request, HolidayZone zone,
                                             const std::vector<IssuedInvoice>& invoices,
                                             const std::vector<Payment>& payments, const ReversibilityTerms& terms) {
  ReversibilitySchedule out;
  const Date end = request.end_of_service;
  out.request_deadline = add_months(end, -terms.notice_months);
  out.late = request.requested > out.request_deadline;
  out.trace.add("R1", out.late ? "request_late" : "request_in_time",
                {{"requested", request.requested}, {"request_deadline", out.request_deadline}});

  // R2: the start waits for the settlement of every sum still due at the end of service.
  std::optional<Date> start = end;
  for (const IssuedInvoice& invoice : outstanding_on(invoices, payments, end)) {
    out.unpaid_at_end.push_back(invoice.number);
    std::optional<Date> settled = settled_on(invoice, payments);
    if (!settled)
      start.reset();
    else if (start && *settled > *start)
      start = *settled;
  }
  out.start = start;
  if (out.start) {
    out.delivery_deadline = add_delay(*out.start, terms.delivery, zone);
    out.trace.add("R2", out.unpaid_at_end.empty() ? "start_at_end_of_service" : "start_at_last_payment",
                  {{"end_of_service", end}, {"start", *out.start}});
    out.trace.add("R3", "delivery_deadline",
                  {{"start", *out.start},
                   {"delay_days", static_cast<long long>(terms.delivery.days)},
                   {"delivery_deadline", *out.delivery_deadline}});
  } else {
    out.trace.add("R2", "start_awaits_payment",
                  {{"end_of_service", end}, {"unpaid_invoices", static_cast<long long>(out.unpaid_at_end.size())}});
  }

  out.continuity_limit = add_days(end, terms.continuity_max_days);
  out.services_until = request.takeover ? std::min(*request.takeover, out.continuity_limit) : out.continuity_limit;
  out.trace.add(
      "R4", request.takeover && *request.takeover > out.continuity_limit ? "takeover_capped" : "continuity",
      {{"end_of_service", end}, {"continuity_limit", out.continuity_limit}, {"services_until", out.services_until}});
  return out;
}

DossierContents dossier_contents(const std::vector<Service>& services, const std::vector<Backup>& backups) {
  DossierContents out;
  for (const Service& service : services) {
    if (service.kind != ServiceKind::server && service.kind != ServiceKind::ha_cluster) continue;
    DossierServer server{service.id, service.hostname, {}, 0};
    for (const Backup& b : backups) {
      if (b.service_id != service.id) continue;
      out.to_destroy.push_back(b.id);
      if (b.status != BackupStatus::success) continue;
      server.backups.push_back(b);
      server.total_bytes += b.size_bytes;
    }
    std::stable_sort(server.backups.begin(), server.backups.end(),
                     [](const Backup& a, const Backup& b) { return a.start < b.start; });
    out.trace.add("R3", "server_backups",
                  {{"service", service.id},
                   {"backups", static_cast<long long>(server.backups.size())},
                   {"total_bytes", static_cast<long long>(server.total_bytes)}});
    out.servers.push_back(std::move(server));
  }
  out.trace.add("R5", "to_destroy_after_minutes", {{"backups", static_cast<long long>(out.to_destroy.size())}});
  return out;
}

}  // namespace clause
