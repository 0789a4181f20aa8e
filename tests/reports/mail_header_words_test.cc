// Header words of the e-mail messages (reports/mail/header_words.h, issue 13): RFC 2047
// encoded-words, RFC 2231 file names, RFC 5322 mailboxes and dates. Expected values worked out by
// hand from the RFCs (base64 of the UTF-8 bytes), not copied from the code's output.
#include "reports/mail/header_words.h"

#include <gtest/gtest.h>

namespace clause::mail {
namespace {

TEST(HeaderWords, AsciiTextStaysAsItIs) { EXPECT_EQ(encode_header_words("Vos documents"), "Vos documents"); }

TEST(HeaderWords, AccentedTextBecomesOneBase64Word) {
  // "Émilie" = C3 89 6D 69 6C 69 65 -> base64 "w4ltaWxpZQ==".
  EXPECT_EQ(encode_header_words("Émilie"), "=?UTF-8?B?w4ltaWxpZQ==?=");
}

TEST(HeaderWords, LongTextIsCutIntoWordsOfAtMost75CharactersBetweenCharacters) {
  // 44 'a' then "é" (2 bytes): 46 bytes > 45 a word, so "é" starts the second word, whole.
  const std::string text = std::string(44, 'a') + "é";
  const std::string encoded = encode_header_words(text);
  const auto space = encoded.find(' ');
  ASSERT_NE(space, std::string::npos);
  EXPECT_LE(space, 75u);
  EXPECT_EQ(encoded.substr(space + 1), "=?UTF-8?B?w6k=?=");
}

TEST(HeaderWords, AMailboxQuotesAsciiNamesAndEncodesOthers) {
  EXPECT_EQ(format_mailbox("KALANDA Facturation", "f@k.example"), "\"KALANDA Facturation\" <f@k.example>");
  EXPECT_EQ(format_mailbox("Dupont \"Jr\"", "d@x.fr"), "\"Dupont \\\"Jr\\\"\" <d@x.fr>");
  EXPECT_EQ(format_mailbox("Émilie", "e@d.fr"), "=?UTF-8?B?w4ltaWxpZQ==?= <e@d.fr>");
  EXPECT_EQ(format_mailbox("", "e@d.fr"), "e@d.fr");
}

TEST(HeaderWords, AddressesThatCouldInjectAHeaderAreRefused) {
  EXPECT_EQ(address_problem("claire.dumont@saintroch.fr"), std::nullopt);
  EXPECT_EQ(address_problem("a@b.fr\r\nBcc: x@y.fr"),
            "\"a@b.fr\r\nBcc: x@y.fr\" holds a space, a control character or one of <>\",;");
  EXPECT_EQ(address_problem("nobody"), "\"nobody\" is not local@domain");
  EXPECT_EQ(address_problem(""), "the address is empty");
}

TEST(HeaderWords, AnAccentedFileNameGetsRfc2231ThenAnRfc2047Fallback) {
  EXPECT_EQ(attachment_disposition("Facture FA-2026-000015.pdf"),
            "attachment; filename=\"Facture FA-2026-000015.pdf\"");
  // "é" = %C3%A9, " " = %20; base64 of "Relevé.pdf" (52 65 6C 65 76 C3 A9 2E 70 64 66) = "UmVsZXbDqS5wZGY=".
  EXPECT_EQ(attachment_disposition("Relevé.pdf"),
            "attachment; filename*=UTF-8''Relev%C3%A9.pdf; filename=\"=?UTF-8?B?UmVsZXbDqS5wZGY=?=\"");
}

TEST(HeaderWords, DatesAreRfc5322InUtc) {
  // 2026-12-01 is a Tuesday.
  EXPECT_EQ(format_rfc5322_date(Instant{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}}),
            "Tue, 01 Dec 2026 00:00:00 +0000");
  EXPECT_EQ(format_rfc5322_date(Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 29}} +
                                std::chrono::seconds(3723)),
            "Sun, 29 Mar 2026 01:02:03 +0000");
}

}  // namespace
}  // namespace clause::mail
