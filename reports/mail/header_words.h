// Header text for e-mail (issue 13): libcurl's MIME API writes the parts, their boundaries, types
// and transfer encodings, but it passes header values through as they are given (7.88: a
// non-ASCII subject or file name would go out as raw 8-bit bytes). These functions make the words
// a header may carry: RFC 2047 encoded-words for UTF-8 phrases (subject, display names), RFC 2231
// parameters for accented file names, RFC 5322 dates and addresses. Pure text, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/time.h"

namespace clause::mail {

// `text` as is when it is printable ASCII; otherwise RFC 2047 "=?UTF-8?B?...?=" words (each at
// most 75 characters, cut between UTF-8 characters), separated by spaces.
std::string encode_header_words(std::string_view text);

// "Name <addr>", the name quoted (RFC 5322 quoted-string) or encoded (RFC 2047) as it needs; the
// bare address when the name is empty.
std::string format_mailbox(std::string_view name, std::string_view address);

// Why `address` cannot be used in a header or an SMTP envelope (spaces, controls, <>, no @), or
// nothing. Guards against header injection from imported data.
std::optional<std::string> address_problem(std::string_view address);

// A Content-Disposition value: `attachment; filename="..."` for a printable ASCII name; otherwise
// `filename*=UTF-8''...` (RFC 2231 percent-encoding) first, then `filename="=?UTF-8?B?...?="`
// (RFC 2047 words, for mail programs without RFC 2231).
std::string attachment_disposition(std::string_view filename);

// "Tue, 01 Dec 2026 00:00:00 +0000" (RFC 5322 date-time) of an instant.
std::string format_rfc5322_date(Instant at);

}  // namespace clause::mail
