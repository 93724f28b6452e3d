// XML text escaping, shared by the XML writers (GraphML, JUnit).
//
//   out << "<data>" << XmlEscape(name) << "</data>";
#ifndef NEWSGRAPH_BASE_XML_H_
#define NEWSGRAPH_BASE_XML_H_

#include <string>
#include <string_view>

namespace newsgraph {

// Returns text escaped for XML content and attribute values; characters XML 1.0 does not
// allow are dropped.
std::string XmlEscape(std::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_XML_H_
