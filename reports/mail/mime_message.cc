#include "reports/mail/mime_message.h"

#include <stdexcept>

#include "reports/mail/header_words.h"

namespace clause::mail {
namespace {

void check(CURLcode code, const char* what) {
  if (code != CURLE_OK)
    throw std::runtime_error(std::string("libcurl MIME: ") + what + ": " + curl_easy_strerror(code));
}

curl_slist* append(curl_slist* list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list, line.c_str());
  if (!grown) throw std::runtime_error("libcurl MIME: out of memory for a header");
  return grown;
}

// A header line given to libcurl must not break into two (header injection from data).
std::string one_line(std::string value) {
  for (char& c : value)
    if (c == '\r' || c == '\n') c = ' ';
  return value;
}

// Text parts go to libcurl with CRLF line ends: its quoted-printable encoder keeps CRLF as line
// breaks and encodes a bare LF as "=0A", which would make the whole text one encoded line.
std::string crlf_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

}  // namespace

std::string content_type_of(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ext == ".xml") return "application/xml";
  return "application/octet-stream";
}

long long attachment_bytes(long long size) {
  const long long base64 = (size + 2) / 3 * 4;
  return base64 + (base64 / 76 + 1) * 2 + 400;
}

long long estimated_message_bytes(const MailTexts& texts, const std::vector<long long>& attachment_sizes) {
  long long total = 4096 + 3 * (long long)(texts.text.size() + texts.html.size());
  for (long long size : attachment_sizes) total += attachment_bytes(size);
  return total;
}

CurlMessage build_curl_message(CURL* easy, const MailMessage& m) {
  CurlMessage built;
  built.mime.reset(curl_mime_init(easy));
  if (!built.mime) throw std::runtime_error("libcurl MIME: curl_mime_init failed");

  // The alternative: plain first, HTML last (RFC 2046 5.1.4: the preferred form last).
  curl_mime* alternative = curl_mime_init(easy);
  if (!alternative) throw std::runtime_error("libcurl MIME: curl_mime_init failed");
  const std::string plain_text = crlf_lines(m.texts.text), html_text = crlf_lines(m.texts.html);
  curl_mimepart* text = curl_mime_addpart(alternative);
  check(curl_mime_data(text, plain_text.data(), plain_text.size()), "text part");
  check(curl_mime_type(text, "text/plain; charset=utf-8"), "text part type");
  check(curl_mime_encoder(text, "quoted-printable"), "text part encoding");
  curl_mimepart* html = curl_mime_addpart(alternative);
  check(curl_mime_data(html, html_text.data(), html_text.size()), "html part");
  check(curl_mime_type(html, "text/html; charset=utf-8"), "html part type");
  check(curl_mime_encoder(html, "quoted-printable"), "html part encoding");
  curl_mimepart* body = curl_mime_addpart(built.mime.get());
  if (curl_mime_subparts(body, alternative) != CURLE_OK) {
    curl_mime_free(alternative);
    throw std::runtime_error("libcurl MIME: the alternative part was refused");
  }
  check(curl_mime_type(body, "multipart/alternative"), "alternative type");
  {
    curl_slist* inline_header = append(nullptr, "Content-Disposition: inline");
    check(curl_mime_headers(body, inline_header, 1), "alternative headers");
  }

  for (const Attachment& a : m.attachments) {
    curl_mimepart* part = curl_mime_addpart(built.mime.get());
    check(curl_mime_data(part, a.bytes.data(), a.bytes.size()), ("attachment " + a.filename).c_str());
    check(curl_mime_type(part, a.content_type.c_str()), "attachment type");
    check(curl_mime_encoder(part, "base64"), "attachment encoding");
    curl_slist* disposition = append(nullptr, "Content-Disposition: " + attachment_disposition(a.filename));
    check(curl_mime_headers(part, disposition, 1), "attachment headers");
  }

  curl_slist* headers = nullptr;
  try {
    headers = append(headers, "Date: " + format_rfc5322_date(m.date));
    headers = append(headers, "From: " + one_line(format_mailbox(m.from.name, m.from.address)));
    std::string to;
    for (const Mailbox& r : m.to) to += (to.empty() ? "" : ", ") + one_line(format_mailbox(r.name, r.address));
    headers = append(headers, "To: " + to);
    if (!m.reply_to.empty()) headers = append(headers, "Reply-To: " + one_line(m.reply_to));
    headers = append(headers, "Subject: " + one_line(encode_header_words(m.texts.subject)));
    headers = append(headers, "Message-ID: " + one_line(m.message_id));
    // RFC 3834: an automatic message; auto-responders do not answer it.
    headers = append(headers, "Auto-Submitted: auto-generated");
  } catch (...) {
    curl_slist_free_all(headers);
    throw;
  }
  built.headers.reset(headers);
  check(curl_easy_setopt(easy, CURLOPT_HTTPHEADER, built.headers.get()), "headers");
  check(curl_easy_setopt(easy, CURLOPT_MIMEPOST, built.mime.get()), "message");
  return built;
}

}  // namespace clause::mail
