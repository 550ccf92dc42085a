// The programs' standard output (src/cli/output.cpp): LineWriter hands a batch's lines to the
// stream in blocks of 64 KB, the same bytes in the same order, and line by line when an input is
// standard input. (That a run ending through finish_run still writes every line in order is
// tested on the program in cli_parallel_test.cpp.)
//
// LineWriter belongs to the program, not to the library, so its source is compiled into this
// test directly.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/output.cpp"

using timeline::cli::LineWriter;
using timeline::cli::Options;

namespace {

// A stream target without a buffer of its own: keeps each write the stream hands it.
struct Writes : std::streambuf {
  std::vector<std::string> calls;
  std::string all() const {
    std::string s;
    for (const std::string& c : calls) s += c;
    return s;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    calls.emplace_back(s, static_cast<std::size_t>(n));
    return n;
  }
  int overflow(int c) override {
    if (c != traits_type::eof()) calls.emplace_back(1, static_cast<char>(c));
    return c;
  }
};

// Line i: "line <i> " padded with 'x' to a length that cycles through short and long lines
// (10 bytes to about 3 KB), the way tag and extract lines vary.
std::string line_of(int i) {
  std::string s = "line " + std::to_string(i) + " ";
  s.append(static_cast<std::size_t>((i * 977) % 3000), 'x');
  return s;
}

}  // namespace

TEST_CASE("LineWriter gathers lines into blocks of 64 KB, the same bytes in order", "[cli]") {
  Writes target;
  std::ostream out(&target);
  Options opt;
  opt.inputs = {"a.jsonl", "b.jsonl"};
  std::string expected;
  {
    LineWriter writer(out, opt);
    for (int i = 0; i < 600; ++i) {
      const std::string line = line_of(i);
      writer.write(line, i % 7 == 0 ? "" : "\n");  // TimeML documents end without a newline
      expected += line + (i % 7 == 0 ? "" : "\n");
      // Nothing reaches the stream until a block is full.
      if (expected.size() < (64 << 10)) REQUIRE(target.calls.empty());
    }
  }  // the destructor writes the rest
  CHECK(target.all() == expected);
  // About 900 KB in 64 KB blocks: 14 writes, each but the last at least a block.
  REQUIRE(target.calls.size() >= 2);
  CHECK(target.calls.size() <= expected.size() / (64 << 10) + 1);
  for (std::size_t k = 0; k + 1 < target.calls.size(); ++k) CHECK(target.calls[k].size() >= (64 << 10));
}

TEST_CASE("LineWriter writes each line at once when an input is standard input", "[cli]") {
  Writes target;
  std::ostream out(&target);
  Options opt;
  opt.inputs = {"a.jsonl", "-"};
  LineWriter writer(out, opt);
  std::string expected;
  for (int i = 0; i < 50; ++i) {
    writer.write(line_of(i), "\n");
    expected += line_of(i) + "\n";
    REQUIRE(target.all() == expected);
  }
}
