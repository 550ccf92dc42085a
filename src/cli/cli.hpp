// The command-line shell: option parsing shared by the subcommands, and the batch driver that
// loads every input, runs a per-document function and writes results in input order.
//
// Exit codes (documented in the README and in `timeline --help`):
//   0  every document was processed
//   1  some documents failed; each failure was reported on stderr as "file:line: message"
//   2  usage error (unknown option, missing argument, no input)
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/data.hpp>
#include <timeline/document.hpp>
#include <timeline/error.hpp>
#include <timeline/tagger.hpp>

namespace timeline::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// Options common to the subcommands. Each subcommand declares which it accepts.
struct Options {
  std::vector<std::string> inputs;  // files, or "-" for standard input
  std::string published;            // --published YYYY-MM-DD
  std::string format;               // --format NAME (meaning depends on the subcommand)
  std::string output;               // -o / --output DIR or FILE ("" = standard output)
  std::string rules_dir;            // --rules DIR
  std::string input_format;         // --input-format txt|html|jsonl|tml|auto
  int jobs = 1;                     // --jobs N
  bool help = false;
  // Subcommand-specific flags, by name without dashes: "--gold DIR" -> extra["gold"] = "DIR";
  // flags without a value map to "1".
  std::vector<std::pair<std::string, std::string>> extra;
  std::string get(const std::string& name, const std::string& fallback = "") const;
  bool has(const std::string& name) const;
};

// A flag a subcommand accepts beyond the common ones.
struct FlagSpec {
  std::string name;   // without dashes: "gold"
  bool takes_value;
  std::string help;   // one line for --help
};

// Parses argv[first..argc). Returns false and writes one line to `err` on a usage error.
// `allowed` lists the subcommand's own flags; common flags are always accepted.
bool parse_options(int argc, char** argv, int first, const std::vector<FlagSpec>& allowed,
                   Options* out, std::ostream& err);

// The data files: built in, with --rules laid over. Returns false and reports on `err`.
bool load_data(const Options& opt, DataFiles* data, std::ostream& err);

// The steps every document command takes before its work: LoadOptions from --published and
// --input-format, then the data files (built in, with --rules laid over). Returns false after
// reporting on `err`.
bool prepare_inputs(const Options& opt, LoadOptions* load, DataFiles* data, std::ostream& err);

// The English tagger over `data`, for the subcommand `command` ("tag", "extract"). Returns
// nullptr after writing "timeline <command>: <error>" on `err` when the rules do not load.
std::unique_ptr<Tagger> create_tagger(const DataFiles& data, const char* command,
                                      std::ostream& err);

// LoadOptions from the command line (--published, --input-format). Returns false on a bad value.
bool load_options(const Options& opt, LoadOptions* out, std::ostream& err);

// Runs `work` on every document of every input, on opt.jobs threads, and hands each result to
// `emit` in input order (on the calling thread). `work` returns true and fills *result, or
// returns false and fills *error. Loading errors and work errors are written to `err` as
// "file:line: message". Returns the number of failed documents.
struct BatchItem {
  Document document;
  std::string result;  // what `work` produced (typically serialized JSON)
};
using WorkFn = std::function<bool(const Document&, std::string* result, Error* error)>;
using EmitFn = std::function<void(BatchItem&&)>;
int run_batch(const Options& opt, const LoadOptions& load, const WorkFn& work, const EmitFn& emit,
              std::ostream& err);

// run_batch with a start-up step: `setup` (making the tagger, say) runs on a thread of its own
// while the first documents are read and parsed, and no document reaches `work` before it
// returns (with opt.jobs <= 1 it runs first, on the calling thread). When `setup` returns false
// (having reported why), nothing is worked or emitted and run_batch returns -1; an exception
// from `setup` leaves run_batch.
using SetupFn = std::function<bool()>;
int run_batch(const Options& opt, const LoadOptions& load, const SetupFn& setup,
              const WorkFn& work, const EmitFn& emit, std::ostream& err);

// A file name for a document id that stays inside the output folder: path separators, control
// characters and a leading dot become '_' ("../x" -> "_.._x"); an empty id becomes "document".
std::string file_name_for_id(const std::string& id);

// Writes `content` to `path`, creating parent folders. Returns false and reports on `err`.
bool write_file(const std::string& path, const std::string& content, std::ostream& err);

// The lines a batch writes to `out`, gathered into blocks of 64 KB, each handed to the stream in
// one write (a line of 1 KB or more would otherwise be a system call of its own); written as
// they come when an input is standard input ("-"), so that a pipeline sees each line at once.
// flush() (also on destruction) writes what is gathered and flushes `out`.
class LineWriter {
 public:
  LineWriter(std::ostream& out, const Options& opt);
  ~LineWriter();
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;
  // Writes `text` followed by `end` ("\n" for a JSON line).
  void write(std::string_view text, std::string_view end);
  void flush();

 private:
  std::ostream& out_;
  std::string buffer_;
  bool streaming_ = false;
};

// Ends a document command with exit code `code`: flushes standard output and error and ends the
// process without freeing what the command made (the operating system takes it back at once).
// Built with a sanitizer, it returns `code` instead (the caller returns it from main).
int finish_run(int code);

// Subcommands. Each returns an exit code.
int cmd_tag(int argc, char** argv);
int cmd_extract(int argc, char** argv);
int cmd_build(int argc, char** argv);
int cmd_compare(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_load(int argc, char** argv);

}  // namespace timeline::cli
