// pith serve: a local page where a user pastes a page's HTML or uploads a file and sees pith
// inspect's report for it. The form and the report are the library's (pith/inspect.h); this file
// is the HTTP shell around them (cpp-httplib).
//
// What it promises, and how:
// - it never fetches anything: the URL field is metadata, handed to the extractor as PageInfo;
// - it listens on 127.0.0.1 unless --host says otherwise, and then only answers requests whose
//   Host is a loopback name (a web page cannot reach it through a DNS name that it rebinds);
// - a request is bounded in size (--max-bytes per page, 413 beyond, checked on Content-Length
//   before the body is read) and in time (socket read/write timeouts, the body must arrive
//   within --max-millis, and the page is inspected with the page budgets);
// - nothing is kept: each request builds its own Inspector, reads the body into memory, and
//   forgets it; no file is written, nothing cached (Cache-Control: no-store);
// - every page is sent with its Content-Security-Policy as a header too (the report's, which
//   forbids every load and every script but its own).
#include <httplib.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <memory>
#include <thread>

#include "commands.h"
#include "common.h"
#include "core/strings.h"
#include "pith/inspect.h"

namespace pith::cli {

namespace {

// Room in a request for what is not the page: multipart boundaries and part headers, the URL
// and the kind fields. A form post of pith's page carries four parts of ~150 bytes of headers.
constexpr size_t kFormOverheadBytes = 64 << 10;
// A URL longer than this is not one (browsers cap theirs at 2 MiB; crawlers at 2-8 KiB).
constexpr size_t kMaxUrlBytes = 16 << 10;
constexpr size_t kMaxKindBytes = 16;
// Each read or write on a socket may wait this long: a browser on the same machine sends a
// form at once; a client that stalls longer has gone.
constexpr time_t kSocketTimeoutSeconds = 5;
// The request line and headers of a request: browsers send under 2 KiB; httplib takes header
// lines of any length, so the connection's byte cap (BoundedStream) counts them in.
constexpr size_t kHeaderBytes = 64 << 10;
// After the response, a client that is still sending (a file over --max-bytes) is read for at
// most this long and this many bytes, so that it sees the 413 rather than a reset connection.
constexpr auto kLingerTime = std::chrono::milliseconds(1000);
// Requests inspected at once: a local tool for one person; each holds up to two copies of a page.
constexpr unsigned kMaxThreads = 4;
// How often the signal watcher looks whether the server stopped on its own.
constexpr auto kSignalPoll = std::chrono::milliseconds(200);

struct ServeArgs {
  int port = 8080;
  std::string host = "127.0.0.1";
  std::string favor = "balanced";
  bool comments = false;
  bool tables = true;
  size_t max_bytes = Budgets{}.max_input_bytes;
  uint32_t max_millis = Budgets{}.max_millis;
};

// A connection's socket as httplib reads and writes it, with the limits httplib 0.11 lacks: the
// bytes a client may send (request line and headers included: httplib reads a line of any length
// into memory) and the time by which they must have arrived (a client sending a byte every few
// seconds would otherwise hold a thread for as long as it likes). Reads past either limit fail,
// which ends the request. Writes have the socket timeout only.
class BoundedStream : public httplib::Stream {
 public:
  BoundedStream(socket_t sock, size_t max_bytes, std::chrono::steady_clock::time_point read_deadline)
      : sock_(sock), bytes_left_(max_bytes), read_deadline_(read_deadline) {}

  bool is_readable() const override { return wait_for(POLLIN); }
  bool is_writable() const override { return wait_for(POLLOUT); }

  ssize_t read(char* ptr, size_t size) override {
    if (bytes_left_ == 0 || !is_readable()) return -1;
    ssize_t n = ::recv(sock_, ptr, std::min(size, bytes_left_), 0);
    if (n > 0) bytes_left_ -= static_cast<size_t>(n);
    return n;
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  bool wait_for(short events) const {
    auto wait = std::chrono::milliseconds(kSocketTimeoutSeconds * 1000);
    if (events == POLLIN) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(read_deadline_ - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      wait = std::min(wait, left);
    }
    pollfd p{.fd = sock_, .events = events, .revents = 0};
    int r;
    do r = ::poll(&p, 1, static_cast<int>(wait.count()));
    while (r < 0 && errno == EINTR);
    return r > 0;
  }
  void address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    auto* sa = reinterpret_cast<sockaddr*>(&addr);
    if ((peer ? ::getpeername(sock_, sa, &len) : ::getsockname(sock_, sa, &len)) != 0) return;
    char host[NI_MAXHOST], service[NI_MAXSERV];
    if (::getnameinfo(sa, len, host, sizeof host, service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) return;
    ip = host;
    port = std::atoi(service);
  }

  socket_t sock_;
  size_t bytes_left_;
  std::chrono::steady_clock::time_point read_deadline_;
};

// httplib's Server with one request per connection, read through a BoundedStream.
class BoundedServer : public httplib::Server {
 public:
  BoundedServer(size_t max_request_bytes, std::chrono::milliseconds max_request_time)
      : max_request_bytes_(max_request_bytes), max_request_time_(max_request_time) {}

 private:
  bool process_and_close_socket(socket_t sock) override {
    BoundedStream stream(sock, max_request_bytes_, std::chrono::steady_clock::now() + max_request_time_);
    bool closed = false;
    const bool ok = process_request(stream, /*close_connection=*/true, closed, nullptr);
    linger_and_close(sock);
    return ok;
  }

  // Ends the response, then reads what the client still sends (bounded) before closing: closing
  // a socket with unread bytes resets the connection, and the client would lose the response.
  void linger_and_close(socket_t sock) const {
    ::shutdown(sock, SHUT_WR);
    const auto until = std::chrono::steady_clock::now() + kLingerTime;
    char buf[16 << 10];
    for (size_t drained = 0; drained <= max_request_bytes_;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      pollfd p{.fd = sock, .events = POLLIN, .revents = 0};
      if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      ssize_t n = ::recv(sock, buf, sizeof buf, 0);
      if (n <= 0) break;
      drained += static_cast<size_t>(n);
    }
    ::close(sock);
  }

  size_t max_request_bytes_;
  std::chrono::milliseconds max_request_time_;
};

// The headers of every response: nothing is cached, sniffed, framed or told where it came from.
void set_common_headers(httplib::Response& res, std::string_view policy) {
  std::string csp(policy);
  csp += "; frame-ancestors 'none'";  // a header-only directive: no page may frame these
  res.set_header("Content-Security-Policy", csp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

// An error as a short text page (text/plain: nothing in it can be markup).
void send_error(httplib::Response& res, int status, std::string_view what) {
  res.status = status;
  set_common_headers(res, "default-src 'none'");
  res.set_content("pith serve: " + std::string(what) + "\n", "text/plain; charset=utf-8");
}

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

// The name in a Host header ("127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "[::1]").
std::string host_name(std::string_view header) {
  size_t end = header.starts_with('[') ? header.find(']') : header.rfind(':');
  if (header.starts_with('[') && end != std::string_view::npos) ++end;
  return ascii_lowercase(header.substr(0, std::min(end, header.size())));
}

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kBudgetTime: return 503;
    default: return 422;
  }
}

// The parts of a form post that pith reads, each capped while it arrives.
struct FormPost {
  std::string html, file, filename, url, kind;
  bool too_large = false;
  bool too_slow = false;
};

void handle_inspect(const ServeArgs& a, const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& reader) {
  if (!req.is_multipart_form_data()) {
    send_error(res, 415, "post the form of this page (multipart/form-data)");
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(a.max_millis);
  FormPost post;
  std::string* target = nullptr;
  size_t cap = 0;
  bool read = reader(
      [&](const httplib::MultipartFormData& part) {
        target = nullptr;
        if (part.name == kInspectFieldHtml) target = &post.html, cap = a.max_bytes;
        else if (part.name == kInspectFieldFile) target = &post.file, cap = a.max_bytes, post.filename = part.filename;
        else if (part.name == kInspectFieldUrl) target = &post.url, cap = kMaxUrlBytes;
        else if (part.name == kInspectFieldKind) target = &post.kind, cap = kMaxKindBytes;
        return true;  // other parts are read and ignored (the request's size bounds them)
      },
      [&](const char* data, size_t n) {
        if (std::chrono::steady_clock::now() > deadline) {
          post.too_slow = true;
          return false;
        }
        if (!target) return true;
        if (target->size() + n > cap) {
          post.too_large = true;
          return false;
        }
        target->append(data, n);
        return true;
      });
  if (post.too_large) {
    send_error(res, 413, "a field is larger than " + std::to_string(a.max_bytes) + " bytes (--max-bytes)");
    return;
  }
  if (post.too_slow) {
    send_error(res, 408, "the request did not arrive within " + std::to_string(a.max_millis) + " ms (--max-millis)");
    return;
  }
  if (!read) {
    send_error(res, res.status == 413 ? 413 : 400, "the form could not be read");
    return;
  }
  const bool from_file = !post.file.empty();
  const std::string& bytes = from_file ? post.file : post.html;
  if (bytes.empty()) {
    send_error(res, 400, "nothing to inspect: paste a page's HTML or choose a file");
    return;
  }
  const bool text = post.kind == "text";
  std::string source = from_file ? (post.filename.empty() ? std::string("uploaded file") : post.filename)
                                 : std::string(text ? "pasted text" : "pasted HTML");

  InspectOptions io;
  io.extract.favor = a.favor == "precision" ? Favor::kPrecision : a.favor == "recall" ? Favor::kRecall : Favor::kBalanced;
  io.extract.comments = a.comments;
  io.extract.tables = a.tables;
  io.extract.budgets.max_input_bytes = a.max_bytes;
  io.extract.budgets.max_millis = a.max_millis;
  io.clean.max_input_bytes = a.max_bytes;
  io.clean.max_millis = a.max_millis;
  // One Inspector per request: nothing of one page can reach the next.
  Inspector inspector(io);
  // Text typed into the form reaches the server as UTF-8 (accept-charset), whatever its <meta>
  // says; a file's charset is found as pith extract finds it.
  InspectPage page;
  page.bytes = bytes;
  page.text = text;
  page.source = source;
  page.info.url = post.url;
  if (!from_file) page.info.charset = "utf-8";
  auto report = inspector.inspect(page);
  if (!report) {
    send_error(res, status_for(report.error().code),
               std::string(error_code_name(report.error().code)) + ": " + report.error().message);
    return;
  }
  res.status = 200;
  set_common_headers(res, report->content_security_policy);
  res.set_content(std::move(report->html), "text/html; charset=utf-8");
}

// Blocks SIGINT and SIGTERM in every thread the server starts, and waits for them in one
// thread that stops the server: a clean shutdown (requests under way are answered) without
// doing anything inside a signal handler.
class SignalStop {
 public:
  explicit SignalStop(httplib::Server& server) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &old_mask_);
    watcher_ = std::thread([this, &server] {
      const timespec poll{0, static_cast<long>(std::chrono::nanoseconds(kSignalPoll).count())};
      while (!done_) {
        int sig = sigtimedwait(&signals_, nullptr, &poll);
        if (sig > 0) {
          received_ = sig;
          server.stop();
          return;
        }
      }
    });
  }
  ~SignalStop() {
    done_ = true;
    watcher_.join();
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }
  int received() const { return received_; }

 private:
  sigset_t signals_{}, old_mask_{};
  std::atomic<bool> done_{false};
  std::atomic<int> received_{0};
  std::thread watcher_;
};

int run_serve(const ServeArgs& a) {
  if (a.port < 0 || a.port > 65535) {
    report("--port: " + std::to_string(a.port) + " is not a TCP port (0 picks a free one)");
    return kExitFailed;
  }
  const bool loopback = is_loopback_host(a.host);
  const std::string form_policy = inspect_form_page({.max_bytes = a.max_bytes, .max_millis = a.max_millis}).content_security_policy;

  // A request has --max-millis to arrive (and the socket timeout once more for its last read);
  // the page then has its own --max-millis to be inspected.
  BoundedServer server(a.max_bytes + kFormOverheadBytes + kHeaderBytes,
                       std::chrono::milliseconds(a.max_millis) + std::chrono::seconds(kSocketTimeoutSeconds));
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 2u, kMaxThreads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_read_timeout(kSocketTimeoutSeconds, 0);
  server.set_write_timeout(kSocketTimeoutSeconds, 0);
  server.set_payload_max_length(a.max_bytes + kFormOverheadBytes);
  // SO_REUSEADDR only (a restart while old connections linger in TIME_WAIT); httplib's default
  // adds SO_REUSEPORT, with which a second pith serve on the same port would share its requests
  // instead of failing.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  // Before the body is read: the Host a browser names, and the size the request declares.
  server.set_pre_routing_handler([&a, loopback](const httplib::Request& req, httplib::Response& res) {
    if (loopback) {
      std::string name = host_name(req.get_header_value("Host"));
      if (!is_loopback_host(name) && name != a.host) {
        send_error(res, 403, "this server answers requests to a loopback address only");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (req.method == "POST") {
      const size_t limit = a.max_bytes + kFormOverheadBytes;
      if (!req.has_header("Content-Length")) {
        send_error(res, 411, "a post needs a Content-Length");
        return httplib::Server::HandlerResponse::Handled;
      }
      const std::string length = req.get_header_value("Content-Length");
      size_t declared = 0;
      bool number = !length.empty() && length.size() <= 19 &&
                    std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (number) declared = std::stoull(length);
      if (!number || declared > limit) {
        send_error(res, 413, "the request is larger than " + std::to_string(limit) + " bytes (--max-bytes " +
                                 std::to_string(a.max_bytes) + " and the form)");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.Get("/", [&a](const httplib::Request&, httplib::Response& res) {
    InspectFormPage form = inspect_form_page({.max_bytes = a.max_bytes, .max_millis = a.max_millis});
    set_common_headers(res, form.content_security_policy);
    res.set_content(std::move(form.html), "text/html; charset=utf-8");
  });
  server.Post("/inspect", [&a](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    handle_inspect(a, req, res, reader);
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, "HTTP " + std::to_string(res.status) + " (the page is at /)");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internal error");
  });
  Console& con = console();
  server.set_logger([&con](const httplib::Request& req, const httplib::Response& res) {
    con.summary(req.remote_addr + " " + req.method + " " + req.path + " " + std::to_string(res.status) + " (" +
                std::to_string(res.body.size()) + " bytes)");
  });

  int port = a.port;
  if (port == 0) port = server.bind_to_any_port(a.host);
  else if (!server.bind_to_port(a.host, port)) port = -1;
  if (port <= 0) {
    report("cannot listen on " + a.host + ":" + std::to_string(a.port) + " (in use, or not an address of this machine)");
    return kExitFailed;
  }
  const std::string shown_host = a.host.find(':') != std::string::npos ? "[" + a.host + "]" : a.host;
  con.summary("serve: http://" + shown_host + ":" + std::to_string(port) + "/ (Ctrl-C stops)");
  if (!loopback)
    con.summary("serve: listening on " + a.host + ": anyone who can reach this address can use the page");

  SignalStop stop(server);
  const bool listened = server.listen_after_bind();
  if (stop.received() == 0 && !listened) {
    report("the server stopped: " + a.host + ":" + std::to_string(port));
    return kExitFailed;
  }
  con.summary(std::string("serve: stopped (") + (stop.received() == SIGINT ? "SIGINT" : "SIGTERM") + ")");
  return kExitOk;
}

}  // namespace

Runner add_serve_command(CLI::App& app) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* sub = app.add_subcommand(
      "serve",
      "Serve a local page where you paste HTML or upload a file and see pith inspect's report for it "
      "(never fetches URLs; 127.0.0.1 unless --host; nothing is stored)");
  sub->add_option("--port", a->port, "TCP port (0: a free one, printed)");
  sub->add_option("--host", a->host,
                  "Address to listen on; another than 127.0.0.1 or ::1 lets anyone who reaches it use the page");
  sub->add_option("--favor", a->favor, "precision, balanced or recall")->check(CLI::IsMember({"precision", "balanced", "recall"}));
  sub->add_flag("--comments", a->comments, "Extract the comment section apart from the text");
  sub->add_flag("--tables,!--no-tables", a->tables, "Keep tables (default) or drop them");
  sub->add_option("--max-bytes", a->max_bytes, "Largest page accepted (413 beyond)");
  sub->add_option("--max-millis", a->max_millis, "Time budget per request in milliseconds: to arrive, and to inspect");
  return [a] { return run_serve(*a); };
}

}  // namespace pith::cli
