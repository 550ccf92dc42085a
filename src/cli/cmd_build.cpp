// timeline build: placeholder until its issue fills it in.
#include <iostream>

#include "cli/cli.hpp"

namespace timeline::cli {

int cmd_build(int, char**) {
  std::cerr << "timeline build: not built yet\n";
  return kExitUsage;
}

}  // namespace timeline::cli
