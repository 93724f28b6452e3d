// Output files written as one set, so that a reader finds either the old complete set or
// the new complete set, never a mix and never half a file (docs/reliability.md).
//
// Each file is written to a temporary name in its own directory (".NAME.PID.tmp": hidden, so
// an input directory that holds the output directory does not read it), through an
// ostream. Close() flushes, fsyncs and closes every file so far and checks each step; only
// Commit() renames the temporaries into place, in the order they were added (the last
// added, report.json, appears last). Whatever is not committed — on an error, when the set
// is destroyed, on SIGINT or SIGTERM — is removed. A path that exists and is not a regular
// file (/dev/stdout, /dev/full, a FIFO) is written in place: it cannot be renamed over.
//
//   OutputSet set;
//   std::ostream* facts = set.Add("out/facts.jsonl", &error);
//   *facts << line << '\n';
//   if (!set.Close(&error)) ...                       // every file written so far
//   uint64_t bytes = set.Size("out/facts.jsonl");
//   if (!set.Add("out/report.json", report, &error) || !set.Commit(&error)) ...
//
// Any writer plugs in through Add(path) and the ostream it returns.
#ifndef NEWSGRAPH_CLI_OUTPUT_SET_H_
#define NEWSGRAPH_CLI_OUTPUT_SET_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace newsgraph {

class OutputSet {
 public:
  OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;
  // Removes every temporary file not committed.
  ~OutputSet();

  // Opens the temporary file of path and returns the stream to write it through. Returns
  // nullptr and sets *error ("cannot write PATH: REASON") if it cannot be created.
  std::ostream* Add(const std::string& path, std::string* error);
  // Adds path with the whole of text, closed at once. Returns false and sets *error.
  bool Add(const std::string& path, const std::string& text, std::string* error);

  // Adds path as a file another program writes (Graphviz's dot -o): returns the temporary
  // name to give it, or "" and sets *error. Close() checks that the program wrote it.
  std::string AddWrittenElsewhere(const std::string& path, std::string* error);

  // Returns the name path is being written under until Commit() (the path itself when it is
  // written in place), e.g. for a program that reads a file of the set; "" if not added.
  std::string WritingName(const std::string& path) const;

  // Flushes, fsyncs and closes every file added so far. Returns false and sets *error on
  // the first failure (a full disk shows here), after removing every temporary file.
  bool Close(std::string* error);

  // Returns the number of bytes written to path (complete once it is closed).
  uint64_t Size(const std::string& path) const;

  // Closes what is still open, then renames every file into place in the order added.
  // Returns false and sets *error on a failure, after removing the temporaries left.
  bool Commit(std::string* error);

  // Removes every temporary file; nothing is renamed.
  void Abandon();

 private:
  struct File;
  std::vector<std::unique_ptr<File>> files_;
};

// Writes text to path through a temporary file, so a reader never sees half a file
// (an OutputSet of one). Returns false and sets *error.
bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_OUTPUT_SET_H_
