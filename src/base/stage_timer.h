// Timing the stages of the pipeline without a clock in the library (STYLE.md: no clock
// reads inside the library): a stage tells the timer its caller passed in when it starts
// and stops, and the caller's timer reads the clock. With no timer (nullptr, the default
// everywhere) a stage costs one branch and its outputs are the same either way.
//
//   class Clocked : public StageTimer {           // in a tool (tools/bench/)
//     void Start(std::string_view stage, int part) override { ... now() ... }
//     void Stop() override { ... now() ... }
//   };
//   Clocked clock;
//   DocumentFacts facts = extractor.Extract(doc, nullptr, &clock);
//
//   { TimedStage t(timer, "stage 2"); ... }    // inside the library: Start, then Stop
#ifndef NEWSGRAPH_BASE_STAGE_TIMER_H_
#define NEWSGRAPH_BASE_STAGE_TIMER_H_

#include <string_view>

namespace newsgraph {

class StageTimer {
 public:
  virtual ~StageTimer() = default;
  // Called when a stage starts: `stage` names it ("split", "stage 1 pass"), `part` tells
  // the parts of one stage apart (the pass number; -1 for a stage of one part). Stages do
  // not nest: Stop() ends the last one started.
  virtual void Start(std::string_view stage, int part) = 0;
  virtual void Stop() = 0;
};

// Starts a stage on timer (if any) for the lifetime of the object.
class TimedStage {
 public:
  TimedStage(StageTimer* timer, std::string_view stage, int part = -1) : timer_(timer) {
    if (timer_ != nullptr) timer_->Start(stage, part);
  }
  ~TimedStage() {
    if (timer_ != nullptr) timer_->Stop();
  }
  TimedStage(const TimedStage&) = delete;
  TimedStage& operator=(const TimedStage&) = delete;

 private:
  StageTimer* timer_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_STAGE_TIMER_H_
