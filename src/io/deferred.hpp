// Loading in two steps, for the batch driver: reading in file order on one thread, parsing on
// any thread.
//
// load_path_deferred() reads a path as load_path() does (timeline/document.hpp), but hands on
// each JSON Lines record, and each whole document (text, HTML, TimeML), as its bytes not yet
// parsed: an Unparsed. Problems found while reading (a file that cannot be read, a record or a
// file over LoadOptions::max_document_bytes) still come to `sink` as LoadItem errors, in their
// place among the Unparsed ones; blank lines of JSON Lines are skipped as load_path() skips them.
// parse_unparsed() then turns one Unparsed into exactly the LoadItem load_path() would have given
// in its place (the same document, or the same error, word for word).
//
// Ownership: an Unparsed owns its bytes and points at the path and options given to
// load_path_deferred(), which must outlive it.
//
// Thread safety: parse_unparsed() is reentrant; each Unparsed may be parsed on another thread.
//
// Example:
//   io::load_path_deferred(path, options, [&](LoadItem&& item) { queue.push(std::move(item)); },
//                          [&](io::Unparsed&& u) { queue.push(std::move(u)); });
//   ... on a worker:  LoadItem item = io::parse_unparsed(std::move(u));
#pragma once

#include <functional>
#include <string>

#include <timeline/document.hpp>

namespace timeline::io {

struct Unparsed {
  std::string bytes;   // a JSON Lines record (its line without the newline), or a whole file
  int line = 0;        // the record's line number (JSON Lines); 0 for a whole file
  Format format = Format::kAuto;  // kJsonl for a record; else the file's format (kAuto: sniff)
  const std::string* path = nullptr;
  const LoadOptions* options = nullptr;
};

// Reads `path` ("-" = standard input); calls `sink` for each error found while reading and
// `unparsed` for each record or document, in file order. Returns the number of errors given to
// `sink`.
int load_path_deferred(const std::string& path, const LoadOptions& options,
                       const std::function<void(LoadItem&&)>& sink,
                       const std::function<void(Unparsed&&)>& unparsed);

// The document of `u`, or its error.
LoadItem parse_unparsed(Unparsed&& u);

}  // namespace timeline::io
