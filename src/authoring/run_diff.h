// Two runs of `newsgraph eval` compared (--baseline): which events a rule change added and
// removed, per document, as multisets of EventKey. Pure functions, no I/O.
//
//   RunDiff diff = CompareRuns(baseline_facts, run_facts);
//   for (const RunDiff::Doc& d : diff.docs) ... d.added, d.removed ...;
#ifndef NEWSGRAPH_RUN_DIFF_H_
#define NEWSGRAPH_RUN_DIFF_H_

#include <string>
#include <vector>

#include "extract/model.h"

namespace newsgraph {

struct RunDiff {
  struct Doc {
    std::string doc;
    std::vector<std::string> added;    // keys in this run, not in the baseline (sorted)
    std::vector<std::string> removed;  // keys in the baseline, not in this run (sorted)
  };
  std::vector<Doc> docs;  // documents with a change, sorted by id
  int added = 0;
  int removed = 0;
  int unchanged = 0;
  std::vector<std::string> only_in_baseline;  // documents not compared, sorted
  std::vector<std::string> only_in_run;
};

// Compares the events of this run with a baseline's, per document present in both, as
// multisets of EventKey (score.h).
RunDiff CompareRuns(const std::vector<DocumentFacts>& baseline,
                    const std::vector<DocumentFacts>& run);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RUN_DIFF_H_
