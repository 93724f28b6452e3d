#include "extract/pipeline.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "extract/facts.h"

namespace newsgraph {

namespace {

// Threads started once per ExtractAll that share the items of one batch at a time. The
// caller starts a batch, may do other work meanwhile (read the next batch), then helps with
// what is left and waits for the end of the batch. Each batch has its own counters, so a
// thread that wakes late for a finished batch finds nothing left in it.
class WorkerPool {
 public:
  // Starts `threads` threads (none for 0).
  explicit WorkerPool(int threads) {
    for (int t = 0; t < threads; ++t) threads_.emplace_back([this] { Loop(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    start_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts calling fn(i) for every i in [0, n) on the pool's threads; fn must stay alive
  // as long as the pool.
  void Start(size_t n, const std::function<void(size_t)>* fn) {
    auto batch = std::make_shared<Batch>();
    batch->n = n;
    batch->fn = fn;
    {
      std::lock_guard<std::mutex> lock(mu_);
      current_ = batch;
      ++generation_;
    }
    start_.notify_all();
  }

  // Takes the items of the current batch no thread has taken yet, then waits until every
  // item is done.
  void Finish() {
    std::shared_ptr<Batch> batch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch = current_;
    }
    Work(batch.get());
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] { return batch->done == batch->n; });
  }

 private:
  struct Batch {
    size_t n = 0;
    const std::function<void(size_t)>* fn = nullptr;
    std::atomic<size_t> next{0};
    size_t done = 0;  // guarded by mu_
  };

  void Loop() {
    size_t seen = 0;
    for (;;) {
      std::shared_ptr<Batch> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        start_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
        batch = current_;
      }
      Work(batch.get());
    }
  }

  // Runs items of batch until none is left.
  void Work(Batch* batch) {
    size_t finished = 0;
    for (size_t i; (i = batch->next.fetch_add(1)) < batch->n;) {
      (*batch->fn)(i);
      ++finished;
    }
    if (finished == 0) return;
    std::lock_guard<std::mutex> lock(mu_);
    batch->done += finished;
    if (batch->done == batch->n) done_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable start_, done_;
  std::shared_ptr<Batch> current_;  // guarded by mu_
  size_t generation_ = 0;           // guarded by mu_
  bool stop_ = false;               // guarded by mu_
  std::vector<std::thread> threads_;
};

struct Slot {
  bool skipped = false;
  Document doc;
  SkipRecord skip;
  ExtractResult result;
};

// Reads up to `size` documents (or skip records) into *batch and the reader's notes into
// *warnings. Returns false at the end of the input.
bool ReadBatch(DocumentReader* reader, size_t size, std::vector<Slot>* batch,
               std::vector<std::string>* warnings) {
  batch->clear();
  while (batch->size() < size) {
    Slot slot;
    const DocumentReader::Result r = reader->Next(&slot.doc, &slot.skip);
    for (std::string& w : reader->TakeWarnings()) warnings->push_back(std::move(w));
    if (r == DocumentReader::kEnd) return false;
    slot.skipped = r == DocumentReader::kSkipped;
    batch->push_back(std::move(slot));
  }
  return true;
}

}  // namespace

Progress ExtractAll(DocumentReader* reader, const Extractor& extractor,
                    const PipelineOptions& options,
                    const std::function<void(const ExtractResult&)>& emit,
                    const std::function<void(const Progress&)>& progress,
                    const std::function<void(const std::string&)>& warn) {
  Progress total;
  const int threads = std::max(1, options.threads);
  const size_t size = std::max<size_t>(1, options.batch);
  std::vector<Slot> batch, next;
  auto work = [&](Slot& s) {
    ExtractResult& r = s.result;
    if (s.skipped) {
      r.facts.doc = s.skip.id;
      r.facts.origin = s.skip.origin;
      r.facts.status = "skipped";
      r.facts.reason = s.skip.reason;
      r.line = SkipToJson(s.skip.id, s.skip.origin, s.skip.reason);
      return;
    }
    r.bytes = s.doc.text.size();
    r.facts = extractor.Extract(s.doc);
    r.line = FactsToJson(r.facts, s.doc.text, extractor.rules());
    s.doc = Document();  // free the text early
  };
  const std::function<void(size_t)> work_item = [&](size_t i) { work(batch[i]); };
  // threads - 1 pool threads: the caller is the last worker, after reading the next batch
  // while the others extract the current one. The notes of a batch are passed on after the
  // results of the one before, as if it had been read after them.
  WorkerPool pool(threads - 1);
  std::vector<std::string> warnings, next_warnings;
  bool more = ReadBatch(reader, size, &batch, &warnings);
  // Where the input stood after the current batch was read (the reader is a batch ahead).
  uint64_t batch_end = reader->input_bytes_read();
  for (const std::string& w : warnings) warn(w);
  while (!batch.empty()) {
    next.clear();
    next_warnings.clear();
    if (threads == 1) {
      for (Slot& s : batch) work(s);
      if (more) more = ReadBatch(reader, size, &next, &next_warnings);
    } else {
      pool.Start(batch.size(), &work_item);
      if (more) more = ReadBatch(reader, size, &next, &next_warnings);
      pool.Finish();
    }
    for (Slot& s : batch) {
      ++total.documents;
      total.bytes += s.result.bytes;
      if (s.result.facts.status != "ok") ++total.skipped;
      total.events += s.result.facts.events.size();
      emit(s.result);
    }
    total.input_read = batch_end;
    total.input_total = reader->input_bytes_total();
    if (progress) progress(total);
    for (const std::string& w : next_warnings) warn(w);
    batch.swap(next);
    batch_end = reader->input_bytes_read();
  }
  return total;
}

}  // namespace newsgraph
