#include "base/files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsgraph {

namespace fs = std::filesystem;

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *out = ss.str();
  return true;
}

bool ListFiles(const std::string& dir, const std::function<bool(const std::string&)>& keep,
               std::vector<std::string>* files, Diagnostics* diags) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && keep(it->path().filename().generic_string())) {
      files->push_back(fs::relative(it->path(), dir).generic_string());
    }
  }
  if (ec) {
    diags->Error({dir, 0, 0}, fmt::format("cannot read directory: {}", ec.message()));
    return false;
  }
  std::sort(files->begin(), files->end());
  return true;
}

}  // namespace newsgraph
