#include "extract/pipeline.h"

#include <atomic>
#include <thread>

#include "extract/facts.h"

namespace newsgraph {

Progress ExtractAll(DocumentReader* reader, const Extractor& extractor,
                    const PipelineOptions& options,
                    const std::function<void(const ExtractResult&)>& emit,
                    const std::function<void(const Progress&)>& progress,
                    const std::function<void(const std::string&)>& warn) {
  Progress total;
  const int threads = std::max(1, options.threads);
  struct Slot {
    bool skipped = false;
    Document doc;
    SkipRecord skip;
    ExtractResult result;
  };
  std::vector<Slot> batch;
  bool done = false;
  while (!done) {
    batch.clear();
    while (batch.size() < options.batch) {
      Slot slot;
      const DocumentReader::Result r = reader->Next(&slot.doc, &slot.skip);
      for (const std::string& w : reader->TakeWarnings()) warn(w);
      if (r == DocumentReader::kEnd) {
        done = true;
        break;
      }
      slot.skipped = r == DocumentReader::kSkipped;
      batch.push_back(std::move(slot));
    }
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
    if (threads == 1 || batch.size() < 2) {
      for (Slot& s : batch) work(s);
    } else {
      std::atomic<size_t> next{0};
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
          for (size_t i; (i = next.fetch_add(1)) < batch.size();) work(batch[i]);
        });
      }
      for (std::thread& t : pool) t.join();
    }
    for (Slot& s : batch) {
      ++total.documents;
      total.bytes += s.result.bytes;
      if (s.result.facts.status != "ok") ++total.skipped;
      total.events += s.result.facts.events.size();
      emit(s.result);
    }
    if (progress && !batch.empty()) progress(total);
  }
  return total;
}

}  // namespace newsgraph
