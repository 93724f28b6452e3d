// libFuzzer target (issue 13): the input reader on standard input, which it reads as JSON
// Lines when the input starts with '{' and as one text otherwise. Every document and skip is
// drained, so sniffing, line splitting (LF, CRLF, lone CR), JSON parsing, field checks, UTF-8
// repair and HTML cleanup all run.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "extract/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  newsgraph::DocumentReader reader({"-"}, &in);
  newsgraph::Document doc;
  newsgraph::SkipRecord skip;
  while (reader.Next(&doc, &skip) != newsgraph::DocumentReader::kEnd) {
    reader.TakeWarnings();
  }
  return 0;
}
