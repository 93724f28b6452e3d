#include "base/xml.h"

#include "base/text.h"

namespace newsgraph {

namespace {

// Returns true for the characters XML 1.0 allows: tab, CR, LF and everything from U+0020
// but the surrogates, U+FFFE and U+FFFF.
bool XmlAllowed(char32_t cp) {
  return (cp >= 0x20 || cp == '\t' || cp == '\r' || cp == '\n') &&
         !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string XmlEscape(std::string_view text, XmlInvalid invalid, bool newline_reference) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    int len = 1;
    const bool utf8 = DecodeUtf8(text, i, &cp, &len);  // len is 1 when not
    switch (utf8 ? cp : 0xFFFD) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += newline_reference ? "&#10;" : "\n";
        break;
      default:
        if (!utf8) {
          if (invalid == XmlInvalid::kReplace) AppendUtf8(0xFFFD, &out);
        } else if (XmlAllowed(cp) && !(invalid == XmlInvalid::kReplace && cp == 0xFFFD)) {
          out.append(text.substr(i, len));
        } else if (invalid == XmlInvalid::kReplace) {
          AppendUtf8(0xFFFD, &out);
        }
    }
    i += len;
  }
  return out;
}

}  // namespace newsgraph
