// load_path: reads a file or standard input and streams its documents to the caller.
//
// The format comes from LoadOptions::format, else from the extension (.txt .text .md .html .htm
// .xhtml .jsonl .ndjson .tml .timeml), else from the content: the first non-blank byte '{' means
// JSON Lines, '<' means TimeML when a <TimeML> or <DCT> tag shows near the top and HTML otherwise;
// anything else is plain text. JSON Lines are read one line at a time, holding at most one line
// (up to max_document_bytes) in memory; the other formats hold one document.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include <timeline/document.hpp>

#include "io/deferred.hpp"
#include "io/io_util.hpp"

namespace timeline {
namespace {

Format format_by_extension(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return Format::kAuto;
  const std::string ext = io::lower(path.substr(dot + 1));
  if (ext == "txt" || ext == "text" || ext == "md") return Format::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonl;
  if (ext == "tml" || ext == "timeml") return Format::kTimeml;
  if (ext == "json") return Format::kClaimsJson;
  return Format::kAuto;
}

// Decides between HTML, TimeML and text from the start of a whole document.
Format sniff_document(std::string_view bytes) {
  const std::string_view head = io::trim(bytes.substr(0, 4096));
  if (head.empty() || head.front() != '<') return Format::kText;
  if (head.find("<TimeML") != std::string_view::npos || head.find("<DCT>") != std::string_view::npos)
    return Format::kTimeml;
  return Format::kHtml;
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

Error too_large(const std::string& name, int line, std::size_t limit) {
  return Error{name, line, 0,
               "document too large: more than " + size_text(limit) +
                   " (the limit is LoadOptions::max_document_bytes)"};
}

// Reads the rest of `in` into *out. False when it exceeds `limit`.
bool read_all(std::istream& in, std::size_t limit, std::string* out) {
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out->append(buf, static_cast<std::size_t>(in.gcount()));
    if (out->size() > limit) return false;
  }
  return true;
}

class Loader {
 public:
  // With `unparsed`, records and whole documents go to it as bytes instead of being parsed.
  Loader(const std::string& path, const LoadOptions& options,
         const std::function<void(LoadItem&&)>& sink,
         const std::function<void(io::Unparsed&&)>* unparsed = nullptr)
      : path_(path), options_(options), sink_(sink), unparsed_(unparsed) {}

  int errors() const { return errors_; }

  void fail(Error e) {
    ++errors_;
    LoadItem item;
    item.error = std::move(e);
    sink_(std::move(item));
  }

  void deliver(Document&& d) {
    if (path_ == "-" && d.id == "-") d.id = "stdin";
    d.source = path_;
    if (!options_.published.empty()) d.published = options_.published;
    LoadItem item;
    item.document = std::move(d);
    sink_(std::move(item));
  }

  // One whole document of format `f` (kAuto: sniffed).
  void document(std::string&& all, Format f) {
    if (unparsed_ && f != Format::kJsonl) {
      (*unparsed_)(io::Unparsed{std::move(all), 0, f, &path_, &options_});
      return;
    }
    const std::string_view bytes = all;
    if (f == Format::kAuto) f = sniff_document(bytes);
    Document d;
    Error e;
    bool ok = false;
    switch (f) {
      case Format::kHtml: ok = parse_html(bytes, path_, &d, &e); break;
      case Format::kTimeml: ok = io::parse_timeml_or(bytes, path_, options_.published, &d, &e); break;
      case Format::kJsonl: lines_from_string(bytes); return;
      case Format::kClaimsJson:
        e = Error{path_, 0, 0,
                  "a .json file holds claims, not an article; give articles as .txt, .html, "
                  ".jsonl or .tml (or say --input-format)"};
        break;
      default: ok = parse_text(bytes, path_, &d, &e); break;
    }
    if (ok) deliver(std::move(d));
    else fail(std::move(e));
  }

  // JSON Lines from a stream, one line in memory at a time. `line` is the number of the next line.
  // Reads what the stream has buffered in one go (standard input without a buffer: a byte at a
  // time), so that a line is handled as soon as its newline arrives; with `whole_reads` (a
  // regular file, which has no one waiting at the other end), 64 KB at a time straight into the
  // chunk, not through the stream's buffer. A line that lies whole in the chunk is parsed where
  // it lies; only one cut by the chunk's end is put together in a string.
  void lines(std::istream& in, int line, bool whole_reads = false) {
    std::streambuf* buf = in.rdbuf();
    // A line keeps at most limit + 1 bytes; one byte more makes it too long.
    const std::size_t keep = options_.max_document_bytes < static_cast<std::size_t>(-1)
                                 ? options_.max_document_bytes + 1
                                 : options_.max_document_bytes;
    std::string text;
    bool too_long = false, any = false;
    char chunk[1 << 16];
    for (;;) {
      std::streamsize got = 0;
      if (whole_reads) {
        got = buf->sgetn(chunk, sizeof chunk);
        if (got <= 0) {
          if (any) record(text, line, too_long);
          return;
        }
      } else if (const std::streamsize avail = buf->in_avail(); avail > 0) {
        got = buf->sgetn(chunk, std::min<std::streamsize>(avail, sizeof chunk));
      } else {
        // Nothing buffered (or no buffer at all): one byte, which refills a buffer if any.
        const int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
          if (any) record(text, line, too_long);
          return;
        }
        chunk[0] = static_cast<char>(c);
        got = 1;
      }
      const char* p = chunk;
      const char* const end = chunk + (got > 0 ? got : 0);
      while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const std::size_t len = static_cast<std::size_t>((nl ? nl : end) - p);
        if (nl && text.empty() && !any) {  // the whole line is in the chunk
          record(std::string_view(p, std::min(len, keep)), line, len > keep);
          ++line;
          p = nl + 1;
          continue;
        }
        if (len > 0) {
          any = true;
          const std::size_t room = text.size() < keep ? keep - text.size() : 0;
          text.append(p, std::min(len, room));
          too_long = too_long || len > room;
        }
        if (!nl) break;
        record(text, line, too_long);
        text.clear();
        too_long = any = false;
        ++line;
        p = nl + 1;
      }
    }
  }

  // One JSON Lines record, without its line's '\r' (the line is not blank).
  void parse_record(std::string_view text, int line) {
    Document d;
    Error e;
    if (parse_jsonl_record(text, path_, line, &d, &e)) deliver(std::move(d));
    else fail(std::move(e));
  }

 private:
  void record(std::string_view text, int line, bool too_long) {
    if (too_long) return fail(too_large(path_, line, options_.max_document_bytes));
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (io::is_blank(text)) return;
    if (unparsed_) {
      (*unparsed_)(io::Unparsed{std::string(text), line, Format::kJsonl, &path_, &options_});
      return;
    }
    parse_record(text, line);
  }

  void lines_from_string(std::string_view bytes) {
    int line = 1;
    while (!bytes.empty()) {
      const auto nl = bytes.find('\n');
      const std::size_t len = nl == std::string_view::npos ? bytes.size() : nl;
      record(bytes.substr(0, len), line++, len > options_.max_document_bytes);
      if (nl == std::string_view::npos) break;
      bytes.remove_prefix(nl + 1);
    }
  }

  const std::string& path_;
  const LoadOptions& options_;
  const std::function<void(LoadItem&&)>& sink_;
  const std::function<void(io::Unparsed&&)>* unparsed_;
  int errors_ = 0;
};

void load_stdin(Loader& loader, const LoadOptions& options) {
  std::istream& in = std::cin;
  // Skip leading white space to decide the format, keeping it for text formats.
  std::string lead;
  int line = 1;
  for (int c = in.peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = in.peek()) {
    lead += static_cast<char>(in.get());
    if (c == '\n') ++line;
  }
  Format f = options.format;
  if (f == Format::kAuto && in.peek() == '{') f = Format::kJsonl;
  if (f == Format::kJsonl) return loader.lines(in, line);
  std::string all = std::move(lead);
  if (!read_all(in, options.max_document_bytes, &all))
    return loader.fail(too_large("-", 0, options.max_document_bytes));
  loader.document(std::move(all), f);
}

// Reads `path` through `loader` (load_path, with or without deferred parsing).
int load_with(Loader& loader, const std::string& path, const LoadOptions& options) {
  if (path == "-") {
    load_stdin(loader, options);
    return loader.errors();
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    loader.fail(Error{path, 0, 0, std::string("cannot read file: ") + std::strerror(errno)});
    return loader.errors();
  }
  if (S_ISDIR(st.st_mode)) {
    loader.fail(Error{path, 0, 0, "cannot read file: it is a folder"});
    return loader.errors();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    loader.fail(Error{path, 0, 0, std::string("cannot read file: ") + std::strerror(errno)});
    return loader.errors();
  }
  Format f = options.format != Format::kAuto ? options.format : format_by_extension(path);
  if (f == Format::kJsonl) {
    loader.lines(in, 1, S_ISREG(st.st_mode));
    return loader.errors();
  }
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > options.max_document_bytes) {
    loader.fail(too_large(path, 0, options.max_document_bytes));
    return loader.errors();
  }
  std::string all;
  if (!read_all(in, options.max_document_bytes, &all)) {
    loader.fail(too_large(path, 0, options.max_document_bytes));
  } else if (in.bad()) {
    loader.fail(Error{path, 0, 0, "cannot read file: read error"});
  } else {
    loader.document(std::move(all), f);
  }
  return loader.errors();
}

}  // namespace

int load_path(const std::string& path, const LoadOptions& options,
              const std::function<void(LoadItem&&)>& sink) {
  Loader loader(path, options, sink);
  return load_with(loader, path, options);
}

namespace io {

int load_path_deferred(const std::string& path, const LoadOptions& options,
                       const std::function<void(LoadItem&&)>& sink,
                       const std::function<void(Unparsed&&)>& unparsed) {
  Loader loader(path, options, sink, &unparsed);
  return load_with(loader, path, options);
}

LoadItem parse_unparsed(Unparsed&& u) {
  LoadItem out;
  const std::function<void(LoadItem&&)> keep = [&out](LoadItem&& item) { out = std::move(item); };
  Loader loader(*u.path, *u.options, keep);
  if (u.format == Format::kJsonl) loader.parse_record(u.bytes, u.line);
  else loader.document(std::move(u.bytes), u.format);
  return out;
}

}  // namespace io
}  // namespace timeline
