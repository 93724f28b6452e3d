#include "extract/date_expr.h"

#include <fmt/format.h>

#include <string_view>

namespace newsgraph {

namespace {

// Parses a decimal integer, allowing '.' thousands separators ("1.302").
bool ParseInt(std::string_view s, int* out) {
  int sign = 1;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  long v = 0;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      digit = true;
      if (v > 100000000) return false;
    } else if (c != '.' && c != ',') {
      return false;
    }
  }
  if (!digit) return false;
  *out = sign * static_cast<int>(v);
  return true;
}

}  // namespace

bool EvalExpression(const std::string& expr, const DateContext& ctx, std::optional<int>* out,
                    std::string* error) {
  out->reset();
  if (expr.empty()) return true;
  std::string_view e = expr;
  int sign = 1;
  if (e[0] == '-' || e[0] == '+') {
    sign = e[0] == '-' ? -1 : 1;
    e.remove_prefix(1);
  }
  // A literal adjustment after a group: "$n-1".
  int adjust = 0;
  const size_t k = e.find_last_of("+-");
  if (k != std::string_view::npos && k > 0 && !e.empty() && e[0] == '$') {
    if (!ParseInt(e.substr(k + 1), &adjust)) {
      *error = fmt::format("'{}' is not an adjustment", expr);
      return false;
    }
    if (e[k] == '-') adjust = -adjust;
    e = e.substr(0, k);
  }
  int v = 0;
  if (e.empty() || e[0] != '$') {
    if (!ParseInt(e, &v)) {
      *error = fmt::format("'{}' is not an integer", expr);
      return false;
    }
    *out = v * sign;
    return true;
  }
  e.remove_prefix(1);
  const size_t at = e.find('@');
  const std::string_view group = e.substr(0, at);
  const std::string text = ctx.group(group);
  if (text.empty()) return true;
  std::string value = text;
  if (at != std::string_view::npos) {
    const std::string_view list = e.substr(at + 1);
    int digits;
    // Digits pass through a word list: "$n@NUMBER" reads both "tiga" and "3".
    if (!ctx.lookup(list, text, &value) && !ParseInt(text, &digits)) {
      *error = fmt::format("'{}' is not in list {}", text, list);
      return false;
    }
  }
  if (!ParseInt(value, &v)) {
    *error = fmt::format("group {} = '{}' is not a number", group, value);
    return false;
  }
  *out = sign * (v + adjust);
  return true;
}

bool EvalWord(const std::string& expr, const DateContext& ctx, std::string* out,
              std::string* error) {
  *out = expr;
  if (out->empty() || (*out)[0] != '$') return true;
  const std::string_view e = expr;
  const size_t at = e.find('@');
  const std::string text = ctx.group(e.substr(1, at - 1));
  out->clear();
  if (!text.empty() && at != std::string::npos && !ctx.lookup(e.substr(at + 1), text, out)) {
    *error = fmt::format("'{}' is not in list {}", text, expr.substr(at + 1));
    return false;
  }
  return true;
}

}  // namespace newsgraph
