// Hands a built message to its destination (issue 13): the SMTP relay of [mail] through libcurl
// (smtp:// with STARTTLS required, smtps:// implicit TLS, or plain on loopback; the certificate
// always verified, against ca_file when set; AUTH with the secret read at send time), or the
// outbox, where the .eml file holds the very bytes libcurl would send: libcurl sends the message
// to a minimal SMTP listener of this process on a loopback port, which saves its DATA (and talks
// only to the socket libcurl opened, bound to a port it knows).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "reports/mail/mime_message.h"
#include "settings/config.h"

namespace clause {

// What happened to one message.
struct SendOutcome {
  enum class Kind { sent, deferred, failed } kind = Kind::sent;
  std::string reply;    // the relay's last reply ("250 2.0.0 Ok: queued as ..."), or the error
  long long bytes = 0;  // the message's size (outbox: the file's)
};

// The relay's secret, from [mail] password_file or the variable named by password_env; nothing
// when no AUTH is configured. Throws std::runtime_error naming the file or variable (never the
// secret) when it cannot be read.
std::optional<std::string> read_mail_secret(const MailSettings& mail);

// Sends `message` to `recipients` through the relay. 2xx after DATA: sent; a 4xx reply or a lost
// or refused connection: deferred; a 5xx reply (a recipient, the sender, the content refused):
// failed. Never throws for a delivery problem.
SendOutcome send_by_smtp(const MailSettings& mail, const std::optional<std::string>& secret,
                         const mail::MailMessage& message);

// The bytes libcurl sends as DATA for `message` (CRLF lines, dot-unstuffed), without a network.
// Throws std::runtime_error when libcurl fails.
std::string message_bytes(const mail::MailMessage& message);

// Writes message_bytes(message) to `folder`/`name` atomically (temporary file, fsync, rename).
SendOutcome write_to_outbox(const std::filesystem::path& folder, const std::string& name,
                            const mail::MailMessage& message);

}  // namespace clause
