// Accounts (clients, resellers and their sub-accounts) and the people attached to them.
// People are kept in their own records so that a GDPR purge (RULES G1-G3) can erase them
// without touching the account, its contracts or the legal documents issued to it.
#pragma once

#include <optional>
#include <string>

#include "model/enum_text.h"
#include "model/time.h"

namespace clause {

enum class AccountKind { client, reseller, sub_account };
template <>
struct EnumWords<AccountKind> {
  static constexpr std::array words{std::pair{AccountKind::client, std::string_view{"client"}},
                                    std::pair{AccountKind::reseller, std::string_view{"reseller"}},
                                    std::pair{AccountKind::sub_account, std::string_view{"sub_account"}}};
};

// The legal entity billed (B8 buyer mentions). Company data, not personal data.
struct Account {
  std::string id;  // natural key from the provider's export
  AccountKind kind = AccountKind::client;
  std::optional<std::string> parent_id;  // set for sub-accounts only (G2 families)
  std::string name;                      // company or trade name shown on documents
  std::string address;                   // billing address, one line per "\n"
  std::string siren;                     // empty when unknown
  std::string vat_number;                // empty when unknown
  std::string language = "fr";           // documents' language: fr or en
  std::optional<Date> last_activity;     // last use of the services (G1)
  Date created{};
  friend bool operator==(const Account&, const Account&) = default;
};

// A person of an account: personal data, erased by a purge (G3).
struct Person {
  std::string id;
  std::string account_id;
  std::string full_name;
  std::string email;
  std::string phone;
  std::string postal_address;
  std::string role;  // billing, technical, legal...
  friend bool operator==(const Person&, const Person&) = default;
};

}  // namespace clause
