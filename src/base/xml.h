// XML text escaping, shared by the XML writers (GraphML, JUnit).
//
//   out << "<data>" << XmlEscape(name) << "</data>";
//   out << "<failure message=\"" << XmlEscape(msg, XmlInvalid::kReplace, true) << "\"/>";
#ifndef NEWSGRAPH_BASE_XML_H_
#define NEWSGRAPH_BASE_XML_H_

#include <string>
#include <string_view>

namespace newsgraph {

// What becomes of a character XML 1.0 does not allow (a control character, U+FFFE, U+FFFF).
enum class XmlInvalid {
  kDrop,     // left out, as is every byte that is not UTF-8 (so no input makes ill-formed XML)
  kReplace,  // written as U+FFFD, as is every byte that is not UTF-8 (text read unchecked)
};

// Returns text escaped for XML content and attribute values. With newline_reference, a
// newline is written as &#10;, which survives in an attribute (a raw one is normalised away).
std::string XmlEscape(std::string_view text, XmlInvalid invalid = XmlInvalid::kDrop,
                      bool newline_reference = false);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_XML_H_
