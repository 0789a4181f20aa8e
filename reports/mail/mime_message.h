// An e-mail message as libcurl's MIME API builds it (issue 13): multipart/mixed holding a
// multipart/alternative (text/plain then text/html, quoted-printable, UTF-8) and one base64 part
// per attached file, with its type and its RFC 2231 name. Boundaries and transfer encodings are
// libcurl's; the message headers (From, To, Subject, Date, Message-ID, Auto-Submitted) are made
// with reports/mail/header_words.h, since libcurl passes header values through unencoded.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "model/time.h"
#include "reports/mail/mail_templates.h"

namespace clause::mail {

struct Mailbox {
  std::string name;  // UTF-8, may be empty
  std::string address;
};

struct Attachment {
  std::string bytes;         // the file's content, as checked against the ledger's SHA-256
  std::string filename;      // as the client sees it, UTF-8
  std::string content_type;  // "application/pdf"
};

struct MailMessage {
  Mailbox from;
  std::vector<Mailbox> to;
  std::string reply_to;    // an address, or empty
  std::string message_id;  // "<...@...>"
  Instant date{};
  MailTexts texts;
  std::vector<Attachment> attachments;
};

// The curl objects of one message, freed together.
struct CurlMessage {
  std::unique_ptr<curl_mime, void (*)(curl_mime*)> mime{nullptr, curl_mime_free};
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers{nullptr, curl_slist_free_all};
};

// Builds `message` on `easy` and sets CURLOPT_MIMEPOST and CURLOPT_HTTPHEADER (the message
// headers); the envelope (MAIL FROM, RCPT TO) is the transport's. Throws std::runtime_error
// naming what libcurl refused.
CurlMessage build_curl_message(CURL* easy, const MailMessage& message);

// The type of an attached file from its extension (pdf, xlsx, xml), application/octet-stream else.
std::string content_type_of(const std::filesystem::path& file);

// A bound on the size of the built message: headers, the parts quoted-printable (at most 3 bytes
// per byte) and base64 (4/3, 78 bytes a 76-character line) with their part headers. Used to split a
// night's documents over messages before building them (never truncating).
long long estimated_message_bytes(const MailTexts& texts, const std::vector<long long>& attachment_sizes);
// The bytes one attachment of `size` adds to a message (its base64 lines and part headers).
long long attachment_bytes(long long size);

}  // namespace clause::mail
