// timeline tag: placeholder until its issue fills it in.
#include <iostream>

#include "cli/cli.hpp"

namespace timeline::cli {

int cmd_tag(int, char**) {
  std::cerr << "timeline tag: not built yet\n";
  return kExitUsage;
}

}  // namespace timeline::cli
