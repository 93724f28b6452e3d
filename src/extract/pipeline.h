// Running extraction over many documents: batches of documents are extracted by a pool of
// threads started once (the calling thread reads the next batch meanwhile, then helps) and
// handed back in input order, so output is identical for any thread count. The library
// reports progress through a callback and never prints.
//
//   ExtractAll(reader, extractor, {.threads = 2}, [&](const ExtractResult& r) {
//     facts_out << r.line << '\n';
//     builder.Add(r.facts);
//   }, progress_callback);
#ifndef NEWSGRAPH_PIPELINE_H_
#define NEWSGRAPH_PIPELINE_H_

#include <functional>
#include <string>

#include "extract/document.h"
#include "extract/extract.h"

namespace newsgraph {

// One input document's outcome.
struct ExtractResult {
  DocumentFacts facts;  // status "ok" or "skipped" (with reason)
  std::string line;     // its facts.jsonl line (no newline)
  size_t bytes = 0;     // size of the document text
};

struct Progress {
  size_t documents = 0;  // processed and skipped
  size_t skipped = 0;
  size_t bytes = 0;
  size_t events = 0;
  uint64_t input_read = 0;   // bytes of input read (files or stdin)
  uint64_t input_total = 0;  // the size of the whole input; 0 when unknown (stdin)
};

struct PipelineOptions {
  int threads = 1;
  size_t batch = 256;  // documents per batch
};

// Reads every document of reader, extracts it and calls emit in input order; calls
// progress after every batch. Notes from the reader (renamed ids, invalid UTF-8) go to
// warn. Returns the totals.
Progress ExtractAll(DocumentReader* reader, const Extractor& extractor,
                    const PipelineOptions& options,
                    const std::function<void(const ExtractResult&)>& emit,
                    const std::function<void(const Progress&)>& progress,
                    const std::function<void(const std::string&)>& warn);

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_H_
