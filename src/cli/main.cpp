// timeline: a thin shell over the library. Each subcommand lives in cmd_<name>.cpp.
#include <cstring>
#include <iostream>

#include "cli/cli.hpp"

namespace {

const char kUsage[] =
    "usage: timeline <command> [options] FILE...\n"
    "\n"
    "Builds timelines of censorship actions from news articles.\n"
    "\n"
    "commands:\n"
    "  tag       find and normalize time expressions (JSON or TimeML)\n"
    "  extract   extract censorship claims (JSON)\n"
    "  build     run the whole pipeline and write the timeline page and chart data\n"
    "  compare   align the claims of several articles: agreements, conflicts, single sources\n"
    "  eval      score TimeML against gold TimeML the TempEval-3 way\n"
    "  load      print each loaded article as one JSON line (check what the loader read)\n"
    "\n"
    "inputs: .txt (optional 'Key: value' header), .html, .jsonl (one article per line),\n"
    "        .tml (TimeML), '-' for standard input\n"
    "\n"
    "Run 'timeline <command> --help' for a command's options.\n"
    "\n"
    "exit codes: 0 all documents fine; 1 some documents failed (each reported on stderr as\n"
    "            file:line: message); 2 usage error\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace timeline::cli;
  // The program uses C++ streams only: unsynced, standard input gets a buffer, so a JSON Lines
  // stream is read as many bytes as have arrived at a time instead of one call per byte (a line
  // is still handled as soon as its newline is read).
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const char* cmd = argv[1];
  if (!std::strcmp(cmd, "--help") || !std::strcmp(cmd, "-h") || !std::strcmp(cmd, "help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (!std::strcmp(cmd, "--version")) {
    std::cout << "timeline 0.1.0\n";
    return kExitOk;
  }
  if (!std::strcmp(cmd, "tag")) return cmd_tag(argc, argv);
  if (!std::strcmp(cmd, "extract")) return cmd_extract(argc, argv);
  if (!std::strcmp(cmd, "build")) return cmd_build(argc, argv);
  if (!std::strcmp(cmd, "compare")) return cmd_compare(argc, argv);
  if (!std::strcmp(cmd, "eval")) return cmd_eval(argc, argv);
  if (!std::strcmp(cmd, "load")) return cmd_load(argc, argv);
  std::cerr << "timeline: unknown command '" << cmd << "'\n" << kUsage;
  return kExitUsage;
}
