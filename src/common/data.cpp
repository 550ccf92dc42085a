#include <timeline/data.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace timeline {
namespace embedded {
struct File {
  const char* path;
  const char* data;
  std::size_t size;
};
extern const File kFiles[];
extern const std::size_t kFileCount;
}  // namespace embedded

bool DataFiles::is_builtin(std::string_view path) const {
  const std::string* mine = find(path);
  if (!mine) return false;
  for (std::size_t i = 0; i < embedded::kFileCount; ++i) {
    const embedded::File& f = embedded::kFiles[i];
    if (path == f.path) return std::string_view(f.data, f.size) == *mine;
  }
  return false;
}

DataFiles DataFiles::builtin() {
  DataFiles d;
  for (std::size_t i = 0; i < embedded::kFileCount; ++i) {
    const embedded::File& f = embedded::kFiles[i];
    d.files_.emplace(f.path, std::string(f.data, f.size));
  }
  return d;
}

bool DataFiles::overlay_rules_dir(const std::string& dir, Error* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = Error{dir, 0, 0, "not a folder of rules"};
    return false;
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) {
      *error = Error{it->path().string(), 0, 0, "cannot read rule file"};
      return false;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    files_["rules/" + rel] = buf.str();
  }
  if (ec) {
    *error = Error{dir, 0, 0, "cannot read folder: " + ec.message()};
    return false;
  }
  return true;
}

void DataFiles::put(std::string path, std::string content) {
  files_[std::move(path)] = std::move(content);
}

const std::string* DataFiles::find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> DataFiles::list(std::string_view prefix) const {
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(it->first);
  }
  return out;
}

}  // namespace timeline
