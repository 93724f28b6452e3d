#include "cli/output_set.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <streambuf>

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

// The temporary files of every live OutputSet, for the SIGINT/SIGTERM handler, which may
// only call async-signal-safe functions: fixed slots of plain bytes, a slot's path written
// before it is marked in use.
constexpr int kSlots = 64;
constexpr size_t kMaxPath = 4096;
char g_paths[kSlots][kMaxPath];
volatile sig_atomic_t g_in_use[kSlots];
bool g_handlers_installed = false;

extern "C" void RemoveTemporariesAndDie(int sig) {
  for (int k = 0; k < kSlots; ++k) {
    if (g_in_use[k]) unlink(g_paths[k]);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void InstallHandlers() {
  if (g_handlers_installed) return;
  g_handlers_installed = true;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old;
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;  // nohup
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = RemoveTemporariesAndDie;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
  }
}

// Returns the slot that now names path for the handler, or -1 if there is none free.
int Register(const std::string& path) {
  if (path.size() >= kMaxPath) return -1;
  InstallHandlers();
  for (int k = 0; k < kSlots; ++k) {
    if (g_in_use[k]) continue;
    std::memcpy(g_paths[k], path.c_str(), path.size() + 1);
    g_in_use[k] = 1;
    return k;
  }
  return -1;
}

void Unregister(int slot) {
  if (slot >= 0) g_in_use[slot] = 0;
}

// A stream buffer over a file descriptor that remembers the first errno of a failed write,
// so that the error message can say why ("No space left on device").
class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }
  uint64_t bytes() const { return bytes_; }

  // Writes out what is buffered. Returns false (and keeps the errno) on a failure.
  bool Flush() {
    if (error_ != 0) return false;
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = write(fd_, p, pptr() - p);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        return false;
      }
      p += n;
      bytes_ += static_cast<uint64_t>(n);
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return true;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace

struct OutputSet::File {
  std::string path;
  std::string tmp;  // empty when written in place
  int fd = -1;
  int slot = -1;
  std::unique_ptr<FdBuf> buf;
  std::unique_ptr<std::ostream> stream;
  uint64_t size = 0;
  bool elsewhere = false;  // written by another program (AddWrittenElsewhere)

  // Returns "cannot write PATH: REASON".
  std::string Error(int err) const {
    return fmt::format("cannot write {}: {}", path, std::strerror(err));
  }
  // Flushes, fsyncs and closes. Returns false and sets *error.
  bool Close(std::string* error) {
    if (elsewhere) return CloseWrittenElsewhere(error);
    if (fd < 0) return true;
    int err = 0;
    if (!buf->Flush()) err = buf->error();
    // fsync of a device or FIFO written in place says EINVAL: nothing to make durable.
    if (err == 0 && !tmp.empty() && fsync(fd) != 0 && errno != EINVAL) err = errno;
    if (close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
    fd = -1;
    size = buf->bytes();
    if (err != 0) *error = Error(err);
    return err == 0;
  }
  // Checks that the other program left a file, and makes it durable.
  bool CloseWrittenElsewhere(std::string* error) {
    elsewhere = false;
    const int in = open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    int err = 0;
    if (in < 0) {
      err = errno;
    } else {
      if (fstat(in, &st) != 0 || fsync(in) != 0) err = errno;
      close(in);
    }
    if (err != 0) {
      *error = Error(err);
      return false;
    }
    size = static_cast<uint64_t>(st.st_size);
    return true;
  }
  // Closes and removes the temporary file, if there is one.
  void Remove() {
    if (fd >= 0) close(fd);
    fd = -1;
    if (!tmp.empty()) unlink(tmp.c_str());
    Unregister(slot);
    slot = -1;
    tmp.clear();
  }
};

OutputSet::OutputSet() = default;
OutputSet::~OutputSet() { Abandon(); }

std::ostream* OutputSet::Add(const std::string& path, std::string* error) {
  auto f = std::make_unique<File>();
  f->path = path;
  struct stat st;
  const bool in_place = stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
  if (in_place) {
    f->fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  } else {
    const fs::path p(path);
    f->tmp =
        (p.parent_path() / fmt::format(".{}.{}.tmp", p.filename().string(), getpid())).string();
    f->slot = Register(f->tmp);
    f->fd = open(f->tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (f->fd < 0) {
    *error = f->Error(errno);
    f->Remove();
    Abandon();
    return nullptr;
  }
  f->buf = std::make_unique<FdBuf>(f->fd);
  f->stream = std::make_unique<std::ostream>(f->buf.get());
  files_.push_back(std::move(f));
  return files_.back()->stream.get();
}

std::string OutputSet::AddWrittenElsewhere(const std::string& path, std::string* error) {
  if (Add(path, error) == nullptr) return "";
  File& f = *files_.back();
  const std::string name = f.tmp.empty() ? f.path : f.tmp;
  close(f.fd);
  f.fd = -1;
  f.elsewhere = true;
  return name;
}

std::string OutputSet::WritingName(const std::string& path) const {
  for (const auto& f : files_) {
    if (f->path == path) return f->tmp.empty() ? f->path : f->tmp;
  }
  return "";
}

bool OutputSet::Add(const std::string& path, const std::string& text, std::string* error) {
  std::ostream* out = Add(path, error);
  if (out == nullptr) return false;
  out->write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!files_.back()->Close(error)) {
    Abandon();
    return false;
  }
  return true;
}

bool OutputSet::Close(std::string* error) {
  for (auto& f : files_) {
    if (!f->Close(error)) {
      Abandon();
      return false;
    }
  }
  return true;
}

uint64_t OutputSet::Size(const std::string& path) const {
  for (const auto& f : files_) {
    if (f->path == path) return f->fd >= 0 ? f->buf->bytes() : f->size;
  }
  return 0;
}

bool OutputSet::Commit(std::string* error) {
  if (!Close(error)) return false;
  for (auto& f : files_) {
    if (f->tmp.empty()) continue;
    if (rename(f->tmp.c_str(), f->path.c_str()) != 0) {
      *error = f->Error(errno);
      Abandon();
      return false;
    }
    Unregister(f->slot);
    f->slot = -1;
    f->tmp.clear();
  }
  files_.clear();
  return true;
}

void OutputSet::Abandon() {
  for (auto& f : files_) f->Remove();
  files_.clear();
}

bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error) {
  OutputSet set;
  return set.Add(path, text, error) && set.Commit(error);
}

}  // namespace newsgraph
