// The programs' standard output for a batch, and the end of a run.
//
// LineWriter gathers the lines of a batch and hands them to the stream in blocks of about
// kBlock bytes: libstdc++ writes a string of 1 KB or more straight through with a system call
// of its own, and a tag or extract line is 1 to 2 KB, so written one by one they cost a system
// call each (2,452 for te3-silver) on the thread that also works documents. When the input is
// standard input (a filter in a pipeline, fed as articles arrive), each line is written as it
// comes, as before, so that a reader at the other end is not kept waiting for a block to fill.
//
// finish_run flushes standard output and error and ends the process at once: the tagger, the
// rules and the documents' memory are left to the operating system instead of being freed piece
// by piece (tens of thousands of frees, on one thread, after the last document). Under a
// sanitizer it returns instead, so that the leak check still sees the program's memory. In a
// program built to write a profile (-fprofile-generate) it writes the profile first.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"

namespace timeline::cli {
namespace {

constexpr std::size_t kBlock = std::size_t{64} << 10;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

LineWriter::LineWriter(std::ostream& out, const Options& opt) : out_(out) {
  for (const std::string& input : opt.inputs)
    if (input == "-") streaming_ = true;
  if (!streaming_) buffer_.reserve(kBlock + (kBlock >> 2));
}

LineWriter::~LineWriter() { flush(); }

void LineWriter::write(std::string_view text, std::string_view end) {
  if (streaming_) {
    out_ << text << end;
    return;
  }
  buffer_.append(text);
  buffer_.append(end);
  if (buffer_.size() >= kBlock) flush();
}

void LineWriter::flush() {
  if (!buffer_.empty()) {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  out_.flush();
}

// Defined only in a program built with -fprofile-generate (make release's first stage, which
// keeps it in the link): writes the profile of the run, which _Exit would skip.
extern "C" void __gcov_dump(void) __attribute__((weak));

int finish_run(int code) {
  if (kSanitized) return code;
  if (__gcov_dump != nullptr) __gcov_dump();
  std::cout.flush();
  std::cerr.flush();
  std::clog.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}

}  // namespace timeline::cli
