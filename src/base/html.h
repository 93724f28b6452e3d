// HTML left in scraped text (&amp;, &nbsp;, <p>), cleaned without moving a byte: every
// character reference is replaced by the character it stands for and every tag by nothing,
// each padded with spaces to its old length, so that byte offsets into the cleaned text
// are offsets into the original text too (docs/reliability.md).
//
//   HtmlCleanup c = CleanHtmlLeftovers(&text);   // "X&nbsp;bertemu" -> "X      bertemu"
//   if (c.entities + c.tags > 0) ...             // say so
#ifndef NEWSGRAPH_BASE_HTML_H_
#define NEWSGRAPH_BASE_HTML_H_

#include <cstddef>
#include <string>

namespace newsgraph {

struct HtmlCleanup {
  size_t entities = 0;  // character references decoded
  size_t tags = 0;      // tags and comments removed
};

// Decodes the character references (named ones of the table in html.cc, decimal, hex; all
// ending in ';') and removes the tags (<p>, </div>, <br/>, <a href="...">) and comments of
// text, in place and length-preserving. A tag that starts a block (p, br, div, li, tr,
// h1..h6) leaves a newline, so that paragraphs stay apart. Anything else with '<' or '&'
// (a < b, AT&T) stays as it is.
HtmlCleanup CleanHtmlLeftovers(std::string* text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_HTML_H_
