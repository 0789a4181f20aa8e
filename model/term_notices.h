// The two facts the term rules need and the rest of the data cannot tell (issue 12, RULES N2, N3):
// a less favourable price change the provider plans or has announced (D Art. 8), and a breach one
// party has notified to the other (K Art. 9, 15; D Art. 7). Imported from price_changes.csv and
// breach_notices.csv (docs/import.md); rules/term_notices.h dates what follows from them.
#pragma once

#include <optional>
#include <string>

#include "model/enum_text.h"
#include "model/time.h"

namespace clause {

// N2 (D Art. 8): a less favourable price change of a contract, applying on `applies`.
struct PriceChange {
  std::string id;
  std::string contract_id;
  Date applies{};                 // the first day of the new price
  std::optional<Date> announced;  // the day the client was told; empty while not yet announced
  std::string summary;            // what changes ("bande passante +12 %")
  friend bool operator==(const PriceChange&, const PriceChange&) = default;
};

// Which party failed its obligations (the other one notified it).
enum class BreachParty { provider, client };
template <>
struct EnumWords<BreachParty> {
  static constexpr std::array words{std::pair{BreachParty::provider, std::string_view{"provider"}},
                                    std::pair{BreachParty::client, std::string_view{"client"}}};
};

// N3: a breach notified on `notified` under article `article` of the contract's terms (K: 9 or 15,
// D: 7), which sets the cure period (the terms profile's breach_cure of that article).
struct BreachNotice {
  std::string id;
  std::string contract_id;
  BreachParty party = BreachParty::provider;  // the party in breach
  int article = 0;                            // article of the terms the notification invokes
  Date notified{};                            // date of notification (first presentation of the letter)
  std::optional<Date> cured;                  // the day the breach was remedied, when it was
  std::string summary;
  friend bool operator==(const BreachNotice&, const BreachNotice&) = default;
};

}  // namespace clause
