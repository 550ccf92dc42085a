// parse_timeml: not written yet (next commit).
#include <timeline/document.hpp>

namespace timeline {
bool parse_timeml(std::string_view, const std::string& name, Document*, Error* e) {
  *e = Error{name, 0, 0, "timeml input is not supported yet"};
  return false;
}
}  // namespace timeline
