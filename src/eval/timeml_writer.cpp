// write_timeml(): a document and its timexes as TimeML (see timeline/timeml.hpp).
#include <algorithm>

#include <timeline/timeml.hpp>

#include "eval/xml_walk.hpp"

namespace timeline {
namespace {

std::string open_tag(const Timex& t, int n) {
  std::string s = "<TIMEX3 tid=\"t" + std::to_string(n) + "\" type=\"" + xml_escape(t.type) +
                  "\" value=\"" + xml_escape(t.value) + "\"";
  if (!t.mod.empty()) s += " mod=\"" + xml_escape(t.mod) + "\"";
  if (!t.quant.empty()) s += " quant=\"" + xml_escape(t.quant) + "\"";
  if (!t.freq.empty()) s += " freq=\"" + xml_escape(t.freq) + "\"";
  return s + ">";
}

// Writes text pieces and inserts TIMEX3 tags at the right text offsets. Opening tags go just
// before the first byte of a timex, closing tags just after its last byte, so that markup between
// two pieces stays outside the timex.
class Annotator {
 public:
  Annotator(std::vector<const Timex*> timexes, std::string* out)
      : timexes_(std::move(timexes)), out_(out) {}

  // A piece of `len` text bytes written to the output as `bytes`.
  void piece(std::size_t len, std::string_view bytes) {
    if (len == 0) return;
    open_upto(offset_ + len - 1);
    out_->append(bytes);
    offset_ += len;
    close_upto(offset_);
  }
  void markup(std::string_view bytes) { out_->append(bytes); }
  // Closes a timex left open by a text shorter than announced.
  void finish() {
    if (open_) {
      out_->append("</TIMEX3>");
      open_ = false;
    }
  }

 private:
  void open_upto(std::size_t x) {
    while (next_ < timexes_.size() && timexes_[next_]->begin <= x) {
      close_upto(timexes_[next_]->begin);
      if (open_) break;  // cannot happen with non-overlapping timexes
      out_->append(open_tag(*timexes_[next_], static_cast<int>(next_) + 1));
      open_ = true;
      ++next_;
    }
  }
  void close_upto(std::size_t x) {
    if (open_ && timexes_[next_ - 1]->end <= x) {
      out_->append("</TIMEX3>");
      open_ = false;
    }
  }

  std::vector<const Timex*> timexes_;
  std::string* out_;
  std::size_t offset_ = 0, next_ = 0;
  bool open_ = false;
};

// The timexes that can be written: non-empty, inside the text, not overlapping an earlier one.
std::vector<const Timex*> writable(const std::vector<Timex>& timexes, std::size_t text_size) {
  std::vector<const Timex*> sorted;
  for (const Timex& t : timexes)
    if (t.begin < t.end && t.end <= text_size) sorted.push_back(&t);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Timex* a, const Timex* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end > b->end;
  });
  std::vector<const Timex*> kept;
  for (const Timex* t : sorted)
    if (kept.empty() || t->begin >= kept.back()->end) kept.push_back(t);
  return kept;
}

std::string fresh_document(const Document& doc, const std::vector<Timex>& timexes) {
  std::string out = "<?xml version=\"1.0\" ?>\n<TimeML>\n\n<DOCID>" + xml_escape(doc.id) +
                    "</DOCID>\n\n";
  if (!doc.published.empty()) {
    std::string date = doc.published.substr(0, 10);
    out += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + xml_escape(date) +
           "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" +
           xml_escape(date) + "</TIMEX3></DCT>\n\n";
  }
  out += "<TEXT>";
  Annotator a(writable(timexes, doc.text.size()), &out);
  for (char c : doc.text) a.piece(1, xml_escape(std::string_view(&c, 1)));
  a.finish();
  out += "</TEXT>\n\n</TimeML>\n";
  return out;
}

std::string reannotate(const Document& doc, const std::vector<Timex>& timexes) {
  const std::string& src = doc.timeml_source;
  std::uint32_t b = std::min<std::uint32_t>(doc.timeml_text_begin, src.size());
  std::uint32_t e = std::min<std::uint32_t>(std::max(doc.timeml_text_end, b), src.size());
  // The offsets are offsets into doc.text, which must be the decoded TEXT content; if the caller
  // changed it, the markup cannot be kept and a fresh document is written instead.
  std::string decoded;
  Error ignored;
  if (!eval::xml_walk(
          src, b, e, doc.source,
          [&](const eval::XmlPiece& p) {
            if (p.kind == eval::XmlPiece::kText) decoded += p.text;
          },
          &ignored) ||
      decoded != doc.text)
    return fresh_document(doc, timexes);
  std::string out(src, 0, b);
  Annotator a(writable(timexes, doc.text.size()), &out);
  bool ok = eval::xml_walk(
      src, b, e, doc.source,
      [&](const eval::XmlPiece& p) {
        std::string_view raw(src.data() + p.src_begin, p.src_end - p.src_begin);
        if (p.kind != eval::XmlPiece::kText) {
          if (p.name != "TIMEX3" || p.kind == eval::XmlPiece::kOther) a.markup(raw);
        } else if (raw.size() == p.text.size()) {
          for (std::size_t i = 0; i < raw.size(); ++i) a.piece(1, raw.substr(i, 1));
        } else {
          a.piece(p.text.size(), raw);  // an entity: one piece
        }
      },
      &ignored);
  if (!ok) return fresh_document(doc, timexes);  // cannot happen: the first walk succeeded
  a.finish();
  out.append(src, e, std::string::npos);
  return out;
}

}  // namespace

std::string write_timeml(const Document& doc, const std::vector<Timex>& timexes) {
  if (!doc.timeml_source.empty()) return reannotate(doc, timexes);
  return fresh_document(doc, timexes);
}

}  // namespace timeline
