// The batch driver: documents flow from the loader to `jobs` worker threads and back out in
// input order.
//
// Shape: the calling thread reads the inputs (io::load_path_deferred streams them in file order)
// and places each record or file, still unparsed, in a ring of slots tagged with its sequence
// number. Workers take slots, parse them (JSON Lines records, HTML, TimeML, text: the reading
// thread only splits lines), run `work` outside the lock, and mark them done. The calling
// thread hands finished slots to `emit` strictly in sequence order. At most `window` documents
// are in flight, so memory stays flat however long the input is; a slow document at the head of
// the ring holds back emission (never the order), and the other workers keep going until the
// ring is full.
//
// Start-up: with a `setup` step (the tagger's rules compiled, say), setup runs on a thread of its
// own while the documents are read, and all workers but one parse them meanwhile (the setup
// keeps a core), up to a larger start-up window (kStartupDocuments, kStartupBytes); no document
// reaches `work` before setup returns. So the start-up no longer leaves the other cores idle.
//
// Failures: a document that fails to load, or whose `work` returns false or throws, becomes one
// "file:line: message" line on `err` in its place in the order, and the batch goes on. If `emit`
// or the loader throws, the workers are stopped and joined before the exception leaves. If
// `setup` returns false (or throws), reading stops, nothing is worked or emitted, and run_batch
// returns -1 (or rethrows).
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <utility>
#include <vector>

#include "cli/cli.hpp"
#include "io/deferred.hpp"

namespace timeline::cli {
namespace {

// The start-up window: documents read ahead while `setup` runs, at most this many and, past the
// ordinary window, this many bytes of them. Parsing 2,048 news articles takes about as long as
// making the English tagger (some 20M instructions each); the memory is the price of the overlap
// (tag --jobs 2 on te3-silver: peak RSS 11 MB without it, about 20 MB with it).
constexpr std::size_t kStartupDocuments = 2048;
constexpr std::size_t kStartupBytes = std::size_t{8} << 20;

struct Slot {
  std::optional<io::Unparsed> unparsed;  // read, not parsed yet
  std::optional<Document> document;
  std::optional<Error> error;
  std::string result;
  std::size_t bytes = 0;  // what it holds, for the start-up window
};

// Parses the slot's bytes, if it still has them, into its document or error.
void prepare(Slot* slot) {
  if (!slot->unparsed) return;
  LoadItem item = io::parse_unparsed(std::move(*slot->unparsed));
  slot->unparsed.reset();
  slot->document = std::move(item.document);
  slot->error = std::move(item.error);
  if (!slot->document && !slot->error) slot->error = Error{"", 0, 0, "loader produced nothing"};
}

// Parses the slot if needed, runs `work` on its document (unless loading failed) and records a
// failure as an Error that names the document's place. An exception from `work` fails that
// document only.
void run_one(const WorkFn& work, Slot* slot) {
  prepare(slot);
  if (slot->error) return;
  Error e;
  bool ok = false;
  try {
    ok = work(*slot->document, &slot->result, &e);
  } catch (const std::exception& ex) {
    e = Error{};
    e.message = std::string("internal error: ") + ex.what();
  } catch (...) {
    e = Error{};
    e.message = "internal error: unknown exception";
  }
  if (ok) return;
  if (e.file.empty()) e.file = slot->document->source;
  if (e.line == 0) e.line = slot->document->source_line;
  if (e.message.empty()) e.message = "processing failed";
  slot->error = std::move(e);
  slot->result.clear();
}

// Thrown by push() when setup failed: it ends the reading.
struct SetupFailed {};

// The ordered worker pool. push() and drain() are called from one thread only (the caller of
// run_batch); a worker touches a slot only between claiming it and releasing it (to kPrepared
// or kDone), and the caller touches it only before pushing and after it is done, so slot
// contents need no lock.
class OrderedPool {
 public:
  using Finish = std::function<void(Slot&&)>;

  // `gate_open`: false while a setup step runs (then open() is called once it returns).
  OrderedPool(int jobs, const WorkFn& work, Finish finish, bool gate_open)
      : work_(work), finish_(std::move(finish)), jobs_(jobs),
        window_(static_cast<std::size_t>(jobs) * 4 < 16 ? 16 : static_cast<std::size_t>(jobs) * 4),
        ring_(gate_open ? window_ : kStartupDocuments), state_(ring_.size(), State::kEmpty),
        gate_open_(gate_open) {
    workers_.reserve(static_cast<std::size_t>(jobs));
    try {
      for (int i = 0; i < jobs; ++i) workers_.emplace_back([this] { worker(); });
    } catch (...) {
      stop();
      throw;
    }
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;
  ~OrderedPool() { stop(); }

  // Setup has returned: `ok` lets the workers work, else the batch is abandoned.
  void open(bool ok) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      gate_open_ = true;
      failed_ = !ok;
    }
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  // Queues one item; first emits what is ready. When the window is full it waits until half of
  // it is done and emitted (not for one slot at a time: each wait is a sleep and a wake-up,
  // and the workers have the other half to go on with meanwhile). Throws SetupFailed once setup
  // has failed.
  void push(Slot&& slot) {
    std::unique_lock<std::mutex> lock(mu_);
    if (full()) emit_ready(lock, window_ / 2);
    else emit_ready(lock, ring_.size());
    if (failed_) throw SetupFailed{};
    const std::size_t k = next_seq_ % ring_.size();
    bytes_in_flight_ += slot.bytes;
    ring_[k] = std::move(slot);
    state_[k] = State::kQueued;
    ++next_seq_;
    const bool wake = idle_workers_ > 0;
    lock.unlock();
    if (wake) work_cv_.notify_one();  // a busy worker takes it when it is done
  }

  // Emits everything, waiting for the workers to finish it.
  void drain() {
    std::unique_lock<std::mutex> lock(mu_);
    emit_ready(lock, 0);
    if (failed_) throw SetupFailed{};
  }

 private:
  // kQueued: pushed; kPreparing: a worker parses it while the gate is closed (and keeps it when
  // the gate opens meanwhile); kPrepared: parsed, waiting for the gate; kWorking, kDone.
  enum class State { kEmpty, kQueued, kPreparing, kPrepared, kWorking, kDone };

  std::size_t in_flight() const { return next_seq_ - next_emit_; }

  // No room for one more document (the ring keeps one slot spare).
  bool full() const {
    if (in_flight() + 1 >= ring_.size()) return true;
    if (gate_open_) return in_flight() + 1 >= window_;
    return in_flight() + 1 >= window_ && bytes_in_flight_ >= kStartupBytes;
  }

  // Emits finished slots in order; returns once at most `limit` documents are in flight (at
  // once when setup failed).
  void emit_ready(std::unique_lock<std::mutex>& lock, std::size_t limit) {
    for (;;) {
      while (next_emit_ < ready_end_) {
        const std::size_t k = next_emit_ % ring_.size();
        Slot out = std::move(ring_[k]);
        ring_[k] = Slot{};
        state_[k] = State::kEmpty;
        bytes_in_flight_ -= out.bytes;
        ++next_emit_;
        lock.unlock();
        finish_(std::move(out));
        lock.lock();
      }
      if (in_flight() <= limit || failed_) return;
      wait_for_ = next_seq_ - limit;  // woken once the documents before this one are all done
      emitter_waiting_ = true;
      done_cv_.wait(lock, [&] { return ready_end_ >= wait_for_ || failed_; });
      emitter_waiting_ = false;
    }
  }

  // Under the lock: the next slot for this worker, and whether it is to be worked (else only
  // parsed); false when there is none now.
  bool claim(std::size_t* seq, bool* work) {
    if (failed_) return false;
    if (gate_open_) {
      // A slot still being parsed belongs to the worker parsing it, which works it next (and
      // may have begun to): only queued and parsed ones are taken.
      while (next_work_ < next_seq_) {
        const State st = state_[next_work_ % ring_.size()];
        if (st == State::kQueued || st == State::kPrepared) break;
        ++next_work_;
      }
      if (next_work_ >= next_seq_) return false;
      *seq = next_work_++;
      *work = true;
    } else {
      // One core is left to the setup step: it decides when the work can begin.
      if (next_parse_ >= next_seq_ || (parsing_ + 1 >= jobs_ && jobs_ > 1)) return false;
      *seq = next_parse_++;
      *work = false;
      ++parsing_;
    }
    return true;
  }

  void worker() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      std::size_t seq = 0;
      bool work = false;
      if (!stopping_ && !claim(&seq, &work)) {
        ++idle_workers_;
        work_cv_.wait(lock, [&] { return stopping_ || claim(&seq, &work); });
        --idle_workers_;
      }
      if (stopping_) return;
      const std::size_t k = seq % ring_.size();
      Slot& slot = ring_[k];
      if (!work) {  // parse ahead while the gate is closed
        state_[k] = State::kPreparing;
        lock.unlock();
        prepare(&slot);
        lock.lock();
        --parsing_;
        if (!gate_open_ || failed_) {
          state_[k] = State::kPrepared;
          continue;
        }
      }
      state_[k] = State::kWorking;
      lock.unlock();
      run_one(work_, &slot);
      lock.lock();
      state_[k] = State::kDone;
      while (ready_end_ < next_seq_ && state_[ready_end_ % ring_.size()] == State::kDone)
        ++ready_end_;
      if (emitter_waiting_ && ready_end_ >= wait_for_) done_cv_.notify_one();
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : workers_)
      if (t.joinable()) t.join();
  }

  const WorkFn& work_;
  Finish finish_;
  const int jobs_;
  const std::size_t window_;   // documents in flight once the gate is open
  std::vector<Slot> ring_;
  std::vector<State> state_;   // by ring position
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::size_t next_seq_ = 0;    // sequence number of the next pushed document
  std::size_t next_parse_ = 0;  // the next one to parse ahead (gate closed)
  std::size_t next_work_ = 0;   // the next one to work (gate open)
  std::size_t next_emit_ = 0;   // the next one handed to `finish`
  std::size_t ready_end_ = 0;   // the first one not done (all before it are done)
  std::size_t wait_for_ = 0;    // the emitter waits until ready_end_ reaches this
  std::size_t bytes_in_flight_ = 0;
  bool gate_open_;
  int parsing_ = 0;  // workers parsing ahead while the gate is closed
  bool failed_ = false;  // setup failed: nothing more is worked or emitted
  bool stopping_ = false;
  // Waking a thread costs a system call: only the ones that sleep are woken.
  int idle_workers_ = 0;          // workers waiting for a document
  bool emitter_waiting_ = false;  // the caller waits for the head of the ring
};

}  // namespace

int run_batch(const Options& opt, const LoadOptions& load, const SetupFn& setup,
              const WorkFn& work, const EmitFn& emit, std::ostream& err) {
  int failures = 0;
  auto finish = [&](Slot&& slot) {
    if (slot.error) {
      err << slot.error->str() << "\n";
      ++failures;
      return;
    }
    emit(BatchItem{std::move(*slot.document), std::move(slot.result)});
  };
  auto loaded = [](LoadItem&& item) {
    Slot slot;
    slot.document = std::move(item.document);
    slot.error = std::move(item.error);
    if (!slot.document && !slot.error) slot.error = Error{"", 0, 0, "loader produced nothing"};
    return slot;
  };

  if (opt.jobs <= 1) {
    if (setup && !setup()) return -1;
    for (const std::string& path : opt.inputs) {
      load_path(path, load, [&](LoadItem&& item) {
        Slot slot = loaded(std::move(item));
        run_one(work, &slot);
        finish(std::move(slot));
      });
    }
    return failures;
  }

  OrderedPool pool(opt.jobs, work, finish, !setup);
  std::exception_ptr setup_error;
  std::thread setup_thread;
  if (setup) {
    setup_thread = std::thread([&] {
      bool ok = false;
      try {
        ok = setup();
      } catch (...) {
        setup_error = std::current_exception();
      }
      pool.open(ok);
    });
  }
  // Joins the setup thread however the reading ends.
  struct Join {
    std::thread& t;
    ~Join() {
      if (t.joinable()) t.join();
    }
  } join{setup_thread};
  try {
    for (const std::string& path : opt.inputs)
      io::load_path_deferred(
          path, load, [&](LoadItem&& item) { pool.push(loaded(std::move(item))); },
          [&](io::Unparsed&& u) {
            Slot slot;
            slot.bytes = u.bytes.size();
            slot.unparsed = std::move(u);
            pool.push(std::move(slot));
          });
    pool.drain();
  } catch (const SetupFailed&) {
    setup_thread.join();
    if (setup_error) std::rethrow_exception(setup_error);
    return -1;
  }
  return failures;
}

int run_batch(const Options& opt, const LoadOptions& load, const WorkFn& work, const EmitFn& emit,
              std::ostream& err) {
  return run_batch(opt, load, SetupFn(), work, emit, err);
}

}  // namespace timeline::cli
