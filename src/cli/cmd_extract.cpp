// timeline extract: placeholder until its issue fills it in.
#include <iostream>

#include "cli/cli.hpp"

namespace timeline::cli {

int cmd_extract(int, char**) {
  std::cerr << "timeline extract: not built yet\n";
  return kExitUsage;
}

}  // namespace timeline::cli
