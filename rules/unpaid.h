// Unpaid invoices and their consequences (RULES B9, K Art. 8.3, D Art. 8), and the settlement dates
// reversibility needs (R2). K: all sums become due at once, interventions are suspended, and the
// contract may be terminated 15 days after a formal notice (mise en demeure). D: the service is not
// renewed, stops at the anniversary and is definitively suspended 15 days after it.
//
// Decision: BillingTerms has no explicit switch between the two consequence sets; a profile whose
// periods run from the contract start (D: annual, paid in advance at each anniversary) anchors the
// delay on the anniversary, any other on the formal notice. The delay is BillingTerms.unpaid_suspension.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/billing_facts.h"
#include "model/contract.h"
#include "model/terms.h"
#include "rules/trace.h"

namespace clause {

// An issued invoice as far as payment is concerned.
struct IssuedInvoice {
  std::string number;
  Date issued{};
  Date due{};
  Money total_ttc;
  friend bool operator==(const IssuedInvoice&, const IssuedInvoice&) = default;
};

// The day `invoice` was fully paid: the payment that brought the sum of its payments to its total
// (payments in date order); nothing while it is not.
std::optional<Date> settled_on(const IssuedInvoice& invoice, const std::vector<Payment>& payments);
// B9: invoices past their due date on `d` (due < d) and not settled on `d`.
std::vector<IssuedInvoice> overdue_on(const std::vector<IssuedInvoice>& invoices, const std::vector<Payment>& payments,
                                      Date d);
// R2: invoices issued on or before `d` and not settled on `d` ("sommes restant dues"), due or not.
std::vector<IssuedInvoice> outstanding_on(const std::vector<IssuedInvoice>& invoices,
                                          const std::vector<Payment>& payments, Date d);

struct UnpaidConsequences {
  std::string invoice_number;
  bool all_sums_due_now = false;              // K
  bool interventions_suspended = false;       // K
  bool renewal_refused = false;               // D
  std::optional<Date> service_stops;          // D: the anniversary
  std::optional<Date> termination_from;       // K: formal notice + delay, once the notice is sent
  std::optional<Date> definitive_suspension;  // D: anniversary + delay
  std::string wording;                        // BillingTerms.unpaid_consequences, for the unpaid list
  Trace trace;
  friend bool operator==(const UnpaidConsequences&, const UnpaidConsequences&) = default;
};

// B9: what follows from `invoice` staying unpaid under `contract` and `terms`; `formal_notice` is
// the date the mise en demeure was sent (K), if it was.
UnpaidConsequences unpaid_consequences(const Contract& contract, const BillingTerms& terms,
                                       const IssuedInvoice& invoice, std::optional<Date> formal_notice);

}  // namespace clause
