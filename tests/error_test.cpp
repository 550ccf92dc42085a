#include <catch2/catch.hpp>

#include <timeline/error.hpp>

TEST_CASE("Error::str names the place like a compiler", "[io]") {
  using timeline::Error;
  auto [err, expected] = GENERATE(table<Error, std::string>({
      {Error{"a.jsonl", 17, 3, "invalid JSON"}, "a.jsonl:17:3: invalid JSON"},
      {Error{"a.jsonl", 17, 0, "invalid JSON"}, "a.jsonl:17: invalid JSON"},
      {Error{"a.txt", 0, 0, "cannot read file"}, "a.txt: cannot read file"},
      {Error{"", 0, 0, "no input"}, "<input>: no input"},
  }));
  CHECK(err.str() == expected);
}
