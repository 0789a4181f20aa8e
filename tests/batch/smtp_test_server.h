// A real SMTP server for the e-mail tests (issue 13): tests/support/smtp_server.py (Debian's
// python3-aiosmtpd) started on loopback with STARTTLS and AUTH, a self-signed certificate made
// for the test with openssl, and the misbehaviour a test asks for. Killed by the destructor, and
// run under `timeout` so that it never outlives a crashed test. Also: a configuration file
// pointing [mail] at it, and messages read back with Python's `email` package.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/batch/cli_harness.h"

extern char** environ;

namespace clause::testing {

class SmtpTestServer {
 public:
  // Starts the server on `port` (2600-2699, one per test) saving under `root`/received.
  SmtpTestServer(const std::filesystem::path& root, int port, const std::vector<std::string>& behaviour = {})
      : root_(root), port_(port) {
    std::filesystem::create_directories(received());
    if (!std::filesystem::exists(cert())) {
      run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=127.0.0.1' -addext "
          "'subjectAltName=IP:127.0.0.1,DNS:localhost' -keyout '" +
          key().string() + "' -out '" + cert().string() + "'");
    }
    std::vector<std::string> argv{"timeout",
                                  "120",
                                  "/usr/bin/python3",
                                  std::string(CLAUSE_SOURCE_DIR) + "/tests/support/smtp_server.py",
                                  "--port",
                                  std::to_string(port),
                                  "--dir",
                                  received().string(),
                                  "--cert",
                                  cert().string(),
                                  "--key",
                                  key().string(),
                                  "--user",
                                  "clause",
                                  "--password",
                                  "s3cret-réseau"};
    argv.insert(argv.end(), behaviour.begin(), behaviour.end());
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    // Its log (tracebacks of the sessions a test breaks on purpose) goes to `root`/relay.log.
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    const std::string log = (root / "relay.log").string();
    posix_spawn_file_actions_addopen(&files, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (::posix_spawnp(&pid_, "timeout", &files, nullptr, args.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&files);
    for (int i = 0; i < 200 && !std::filesystem::exists(received() / "ready"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~SmtpTestServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  bool ready() const { return std::filesystem::exists(received() / "ready"); }
  std::filesystem::path received() const { return root_ / "received"; }
  std::filesystem::path cert() const { return root_ / "relay-cert.pem"; }
  std::filesystem::path key() const { return root_ / "relay-key.pem"; }
  int port() const { return port_; }
  // The messages accepted so far, in order.
  std::vector<std::filesystem::path> messages() const {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(received()))
      if (e.path().extension() == ".eml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::filesystem::path root_;
  int port_;
  pid_t pid_ = -1;
};

// config/clause.toml with absolute paths and a [mail] table replaced by `mail` (its keys), written
// to `root`/clause.toml; returns its path.
inline std::filesystem::path mail_config(const std::filesystem::path& root, const std::string& mail) {
  std::string text = read_text(std::filesystem::path(CLAUSE_SOURCE_DIR) / "config" / "clause.toml");
  text = text.substr(0, text.find("\n[mail]"));
  auto replace = [&](const std::string& from, const std::string& to) {
    if (auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  };
  replace("output = \"../out\"", "output = \"" + (root / "out").string() + "\"");
  replace("terms = \"terms\"", "terms = \"" + std::string(CLAUSE_SOURCE_DIR) + "/config/terms\"");
  replace("templates = \"../templates\"", "templates = \"" + std::string(CLAUSE_SOURCE_DIR) + "/templates\"");
  const auto file = root / "clause.toml";
  std::ofstream(file) << text << "\n[mail]\n" << mail;
  return file;
}

// The [mail] keys for `server`: STARTTLS, its certificate as CA file, AUTH with the secret in a file.
inline std::string relay_keys(const SmtpTestServer& server, const std::filesystem::path& root) {
  std::ofstream(root / "relay-secret") << "s3cret-réseau\n";
  return "mode = \"smtp\"\nhost = \"127.0.0.1\"\nport = " + std::to_string(server.port()) +
         "\nsecurity = \"starttls\"\nca_file = \"" + server.cert().string() +
         "\"\nuser = \"clause\"\npassword_file = \"" + (root / "relay-secret").string() +
         "\"\nfrom = \"facturation@kalanda.example\"\nfrom_name = \"KALANDA Facturation\"\n"
         "retry_backoff_minutes = 0\ntimeout_seconds = 5\n";
}

// Every message of `files` read back by tests/support/mail_check.py (Python's email package).
inline nlohmann::json parse_messages(const std::vector<std::filesystem::path>& files) {
  std::string command = "/usr/bin/python3 " + std::string(CLAUSE_SOURCE_DIR) + "/tests/support/mail_check.py";
  for (const auto& f : files) command += " '" + f.string() + "'";
  return nlohmann::json::parse(run(command, nullptr, false));
}

}  // namespace clause::testing
