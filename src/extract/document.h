// Input readers: .txt files, JSON Lines, directories (recursively, sorted) and stdin.
// Every input document comes out either as a Document or as a skip record with a reason
// and a location, so nothing is lost silently.
//
//   DocumentReader reader({"articles/", "more.jsonl", "-"}, &std::cin);
//   Document doc;
//   SkipRecord skip;
//   for (;;) {
//     switch (reader.Next(&doc, &skip)) {
//       case DocumentReader::kDocument: ...; break;
//       case DocumentReader::kSkipped: ...; break;
//       case DocumentReader::kEnd: return;
//     }
//   }
#ifndef NEWSGRAPH_DOCUMENT_H_
#define NEWSGRAPH_DOCUMENT_H_

#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/files.h"
#include "extract/model.h"

namespace newsgraph {

// An input that was not turned into a document, and why.
struct SkipRecord {
  std::string id;      // the document id if known, else the location
  std::string origin;  // "file.jsonl:12:5"
  std::string reason;
};

// What the reader repaired in the documents it read (counted for report.json).
struct InputRepairs {
  uint64_t invalid_utf8_bytes = 0;  // replaced by '?'
  uint64_t html_entities = 0;       // character references decoded (base/html.h)
  uint64_t html_tags = 0;           // tags and comments removed
  uint64_t control_characters = 0;  // read as white space (BlankControlCharacters)
};

// Replaces the C0 control characters and DEL of text, which no reader of the outputs takes
// alike (XML 1.0 forbids them, JSON-LD processors disagree), by white space of the same
// length: vertical tab and form feed by a line break, the others (NUL included) by a space.
// Tab, line feed and carriage return stay. Returns how many were replaced.
uint64_t BlankControlCharacters(std::string* text);

// The default of DocumentReader::set_max_document_bytes: 8 MiB, some hundred times the
// longest news article.
inline constexpr size_t kDefaultMaxDocumentBytes = 8 << 20;

// Parses one JSON Lines record. Returns false and sets *reason (with the column) if it is
// not a usable document. `origin` is "file:line"; `fallback_id` names a record without id.
bool ParseJsonLine(std::string_view line, const std::string& origin, const std::string& fallback_id,
                   Document* doc, std::string* reason);

class DocumentReader {
 public:
  // inputs: files, directories or "-" (stdin, read from `in`). `warn` receives non-fatal
  // notes (renamed duplicate ids, replaced invalid UTF-8).
  DocumentReader(std::vector<std::string> inputs, std::istream* in);

  enum Result { kDocument, kSkipped, kEnd };
  // Reads the next input document into *doc (kDocument) or the next skip record into *skip
  // (kSkipped); returns kEnd when every input is read.
  Result Next(Document* doc, SkipRecord* skip);

  // Non-fatal notes about the input so far (drained by the caller).
  std::vector<std::string> TakeWarnings();

  // Returns what was repaired in the documents read so far.
  const InputRepairs& repairs() const { return repairs_; }

  // Returns the number of hidden directory entries (names starting with '.': .git,
  // .DS_Store, an output set's temporary files) passed over; each input directory that had
  // any gives a warning.
  uint64_t hidden_entries() const { return hidden_entries_; }

  // The bytes of input read so far, and the size of the whole input (0 when unknown: stdin),
  // for an estimate of the time left.
  uint64_t input_bytes_read() const { return bytes_read_; }
  uint64_t input_bytes_total() const { return bytes_total_; }

  // Sets the largest document text (in bytes) that is read; a larger one is skipped with
  // its size in the reason, never truncated (docs/reliability.md).
  void set_max_document_bytes(size_t n) { max_document_bytes_ = n; }

 private:
  struct Item {
    std::string path;  // "-" for stdin
    std::string id;    // for .txt files
    std::string skip;  // reason, if the item is skipped as a whole
  };
  // Adds the items of one input (a directory: its entries, sorted).
  void Expand(const std::string& input);
  // Adds the entries of directory root/rel to *found, recursively: every entry but the
  // hidden ones becomes an item, a skipped one with its reason; the hidden ones are counted
  // in *hidden.
  void Walk(const std::string& root, const std::string& rel,
            std::vector<std::pair<std::string, Item>>* found, uint64_t* hidden);
  // Reads the next line of the JSON Lines input (a line read while sniffing stdin first).
  bool NextLine(std::string* line);
  // Returns true and sets *result when the JSON Lines input gives a document or a skip
  // record; returns false (and closes it) at its end.
  bool FromLines(Document* doc, SkipRecord* skip, Result* result);
  // Returns true if stdin is JSON Lines (its first non-blank character is '{'), which is
  // then read line by line; else it is one text document. What it read is kept pending.
  bool SniffStdin();
  // Opens a JSON Lines file for reading; returns false and sets *skip if it cannot.
  bool OpenJsonLines(const Item& item, SkipRecord* skip);
  // Returns the whole of `in` as one text document.
  Result FromText(const Item& item, std::istream& in, Document* doc, SkipRecord* skip);
  // Checks and sanitizes a document read; renames a duplicate id.
  Result Finish(Document* doc, SkipRecord* skip);

  std::istream* stdin_;
  std::vector<Item> items_;
  size_t next_item_ = 0;
  // The JSON Lines file being read.
  std::unique_ptr<std::ifstream> file_;
  std::istream* lines_ = nullptr;
  std::string lines_path_;
  size_t line_no_ = 0;
  std::string pending_;  // a first stdin line read while sniffing its format
  bool has_pending_ = false;
  std::set<std::string> seen_ids_;
  std::vector<std::string> warnings_;
  InputRepairs repairs_;
  uint64_t hidden_entries_ = 0;
  uint64_t bytes_read_ = 0, bytes_total_ = 0;
  size_t max_document_bytes_ = kDefaultMaxDocumentBytes;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_DOCUMENT_H_
