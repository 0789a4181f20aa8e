#include "batch/mail_transport.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "model/whole_file.h"

namespace clause {
namespace {

// libcurl's global state, set up once for the process (curl_global_init is not thread-safe).
void ensure_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyHandle {
  CURL* easy;
  EasyHandle() : easy((ensure_curl(), curl_easy_init())) {
    if (!easy) throw std::runtime_error("libcurl: curl_easy_init failed");
  }
  ~EasyHandle() { curl_easy_cleanup(easy); }
  EasyHandle(const EasyHandle&) = delete;
  EasyHandle& operator=(const EasyHandle&) = delete;
};

// The server's replies as libcurl saw them (CURLINFO_HEADER_IN): the last one, and the first
// refusal (a 550 to RCPT is followed by libcurl's QUIT and the server's 221). What Clause sends
// (HEADER_OUT, where AUTH carries the secret) is never looked at.
struct Replies {
  std::string last, first_refusal;
  const std::string& telling() const { return first_refusal.empty() ? last : first_refusal; }
};
int keep_replies(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.empty()) return 0;
  auto* replies = static_cast<Replies*>(user);
  replies->last = line;
  if (replies->first_refusal.empty() && (line[0] == '4' || line[0] == '5')) replies->first_refusal = line;
  return 0;
}

std::string address_of_domain(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// A minimal SMTP server on one end of a socketpair, for message_bytes(): it accepts everything and
// keeps the DATA, dot-unstuffed (RFC 5321 4.5.2).
class DataSink {
 public:
  explicit DataSink(int fd) : fd_(fd) {}
  void serve() {
    say("220 clause-outbox ESMTP");
    std::string line;
    while (read_line(line)) {
      std::string verb = line.substr(0, 4);
      for (char& c : verb) c = char(std::toupper((unsigned char)c));
      if (verb == "EHLO" || verb == "HELO")
        say("250 clause-outbox");
      else if (verb == "MAIL" || verb == "RCPT" || verb == "RSET" || verb == "NOOP")
        say("250 OK");
      else if (verb == "DATA") {
        say("354 end with <CRLF>.<CRLF>");
        while (read_line(line) && line != ".") data_ += (line.rfind("..", 0) == 0 ? line.substr(1) : line) + "\r\n";
        say("250 OK");
      } else if (verb == "QUIT") {
        say("221 bye");
        break;
      } else
        say("502 not here");
    }
    ::close(fd_);
  }
  const std::string& data() const { return data_; }

 private:
  void say(const std::string& reply) {
    const std::string out = reply + "\r\n";
    std::size_t sent = 0;
    while (sent < out.size()) {
      const ssize_t n = ::send(fd_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += std::size_t(n);
    }
  }
  bool read_line(std::string& line) {
    for (;;) {
      if (auto end = buffer_.find("\r\n"); end != std::string::npos) {
        line = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        return true;
      }
      char chunk[65536];
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer_.append(chunk, std::size_t(n));
    }
  }
  int fd_;
  std::string buffer_, data_;
};

// The socket libcurl connects from, opened here and bound to a loopback port first, so that the
// sink can tell libcurl's connection from any other process's knocking at its port.
struct ClientSocket {
  std::atomic<int> port{0};
};
curl_socket_t open_bound_socket(void* client, curlsocktype, curl_sockaddr* address) {
  const int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  if (fd < 0) return CURL_SOCKET_BAD;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof local;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) != 0) {
    ::close(fd);
    return CURL_SOCKET_BAD;
  }
  static_cast<ClientSocket*>(client)->port = ntohs(local.sin_port);
  return fd;
}

// Accepts, on `listener`, the connection coming from `client`'s port, closing any other; -1 when
// none came within the time or `done` was set.
int accept_from(int listener, const ClientSocket& client, const std::atomic<bool>& done) {
  for (int waited = 0; waited < 600 && !done; ++waited) {
    pollfd p{listener, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    sockaddr_in peer{};
    socklen_t length = sizeof peer;
    const int fd = ::accept4(listener, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_CLOEXEC);
    if (fd < 0) continue;
    if (client.port != 0 && ntohs(peer.sin_port) == client.port) return fd;
    ::close(fd);
  }
  return -1;
}

void set_envelope(CURL* easy, const mail::MailMessage& message, curl_slist*& recipients) {
  curl_easy_setopt(easy, CURLOPT_MAIL_FROM, ("<" + message.from.address + ">").c_str());
  for (const auto& r : message.to) recipients = curl_slist_append(recipients, ("<" + r.address + ">").c_str());
  curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, recipients);
}

}  // namespace

std::optional<std::string> read_mail_secret(const MailSettings& mail) {
  if (mail.user.empty()) return std::nullopt;
  if (!mail.password_file.empty()) {
    auto read = read_whole_file(mail.password_file);
    if (!read) throw std::runtime_error("[mail] password_file " + mail.password_file.string() + " cannot be read");
    std::string secret = std::move(*read);
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    if (secret.empty()) throw std::runtime_error("[mail] password_file " + mail.password_file.string() + " is empty");
    return secret;
  }
  const char* value = std::getenv(mail.password_env.c_str());
  if (!value || !*value)
    throw std::runtime_error("[mail] password_env: the variable " + mail.password_env + " is not set");
  return std::string(value);
}

SendOutcome send_by_smtp(const MailSettings& mail, const std::optional<std::string>& secret,
                         const mail::MailMessage& message) {
  SendOutcome outcome;
  try {
    EasyHandle handle;
    CURL* easy = handle.easy;
    const std::string scheme = mail.security == "tls" ? "smtps://" : "smtp://";
    const std::string url =
        scheme + mail.host + ":" + std::to_string(mail.port) + "/" + address_of_domain(message.from.address);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_USE_SSL, long(mail.security == "starttls" ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!mail.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, mail.ca_file.c_str());
    if (secret) {
      curl_easy_setopt(easy, CURLOPT_USERNAME, mail.user.c_str());
      curl_easy_setopt(easy, CURLOPT_PASSWORD, secret->c_str());
    }
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT, long(mail.timeout_seconds));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, long(mail.timeout_seconds) * 5);
    Replies replies;
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, keep_replies);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &replies);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);  // feeds keep_replies; nothing is printed
    curl_slist* recipients = nullptr;
    set_envelope(easy, message, recipients);
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> recipients_owner(recipients, curl_slist_free_all);
    mail::CurlMessage built = mail::build_curl_message(easy, message);
    const CURLcode result = curl_easy_perform(easy);
    long code = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
    curl_off_t uploaded = 0;
    curl_easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    outcome.bytes = uploaded;
    const std::string& last_reply = replies.telling();
    if (result == CURLE_OK) {
      outcome.kind = SendOutcome::Kind::sent;
      outcome.reply = replies.last;
    } else if (code >= 500 && code < 600 && result != CURLE_LOGIN_DENIED) {
      // A relay refusing this message (a recipient, the size, the content): permanent (RFC 5321 4.2.1).
      outcome.kind = SendOutcome::Kind::failed;
      outcome.reply = last_reply.empty() ? std::to_string(code) : last_reply;
    } else {
      // 4xx, a lost connection, TLS or AUTH trouble: the relay's state, not the message's; retried.
      outcome.kind = SendOutcome::Kind::deferred;
      outcome.reply =
          std::string(curl_easy_strerror(result)) + (last_reply.empty() ? "" : " (last reply: " + last_reply + ")");
    }
  } catch (const std::exception& e) {
    outcome.kind = SendOutcome::Kind::deferred;
    outcome.reply = e.what();
  }
  return outcome;
}

std::string message_bytes(const mail::MailMessage& message) {
  // socketpair would need CURL_SOCKOPT_ALREADY_CONNECTED, which libcurl 7.88 ignores (it connects
  // the socket again and fails): the sink listens on a loopback port instead.
  const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0) throw std::runtime_error("outbox: cannot open a loopback socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener, 4) != 0 ||
      ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listener);
    throw std::runtime_error("outbox: cannot listen on loopback");
  }
  ClientSocket client;
  std::atomic<bool> done{false};
  std::string data;
  std::thread server([&] {
    const int fd = accept_from(listener, client, done);
    if (fd < 0) return;
    DataSink sink(fd);
    sink.serve();
    data = sink.data();
  });
  CURLcode result = CURLE_OK;
  std::string error;
  {
    EasyHandle handle;
    CURL* easy = handle.easy;
    const std::string url =
        "smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/" + address_of_domain(message.from.address);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, open_bound_socket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &client);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, 60L);
    if (std::getenv("CLAUSE_CURL_DEBUG")) curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    curl_slist* recipients = nullptr;
    set_envelope(easy, message, recipients);
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> recipients_owner(recipients, curl_slist_free_all);
    try {
      mail::CurlMessage built = mail::build_curl_message(easy, message);
      result = curl_easy_perform(easy);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }  // curl_easy_cleanup closes its socket: the sink's read ends if the session did not
  done = true;
  server.join();
  ::close(listener);
  if (!error.empty()) throw std::runtime_error(error);
  if (result != CURLE_OK) throw std::runtime_error(std::string("outbox: libcurl: ") + curl_easy_strerror(result));
  return data;
}

SendOutcome write_to_outbox(const std::filesystem::path& folder, const std::string& name,
                            const mail::MailMessage& message) {
  SendOutcome outcome;
  try {
    const std::string bytes = message_bytes(message);
    std::filesystem::create_directories(folder);
    const auto target = folder / name;
    const auto temporary = folder / (name + ".tmp-" + std::to_string(::getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) throw std::runtime_error("cannot write " + temporary.string());
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) {
        ::close(fd);
        throw std::runtime_error("cannot write " + temporary.string());
      }
      written += std::size_t(n);
    }
    ::fsync(fd);
    ::close(fd);
    std::filesystem::rename(temporary, target);
    outcome.kind = SendOutcome::Kind::sent;
    outcome.reply = "written to " + target.string();
    outcome.bytes = (long long)bytes.size();
  } catch (const std::exception& e) {
    outcome.kind = SendOutcome::Kind::deferred;
    outcome.reply = e.what();
  }
  return outcome;
}

}  // namespace clause
