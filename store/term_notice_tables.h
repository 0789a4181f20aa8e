// The import descriptions of the two records of issue 12 (RULES N2, N3): price_changes.csv and
// breach_notices.csv (migration 009), defined with the others in entity_tables.cc and declared
// here so that store/entity_tables.h, which much of the code includes, stays as it was.
#pragma once

#include "model/term_notices.h"
#include "store/entity_tables.h"

namespace clause {

template <>
const Entity<PriceChange>& entity<PriceChange>();  // N2
template <>
const Entity<BreachNotice>& entity<BreachNotice>();  // N3

}  // namespace clause
