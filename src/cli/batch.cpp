// The batch driver: documents flow from the loader through a pool of `jobs` threads and back
// out in input order.
//
// Shape: the calling thread reads the inputs (io::load_path_deferred streams them in file order)
// and places each record or file, still unparsed, in a ring of slots tagged with its sequence
// number. `jobs` - 1 worker threads take slots, parse them (JSON Lines records, HTML, TimeML,
// text: the reading thread only splits lines), run `work` outside the lock, and mark them done.
// The calling thread is the last of the `jobs`: it hands finished slots to `emit` strictly in
// sequence order, and when the window is full it takes a queued slot and works it itself rather
// than sleeping (so --jobs 2 is two busy threads on two cores, not three, and the threads rarely
// sleep and wake each other: each such wake-up is a system call, and in a virtual machine an
// interrupt to the other core). It sleeps only when no slot is left to take and the head of the
// ring is not done; a worker sleeps only when no slot is queued, and each is woken only if it
// sleeps; the pool's lock is tried a little while before a thread sleeps on it. At most `window`
// documents (and, past a small window, kWindowBytes) are in flight, so memory stays flat however
// long the input is; a slow document at the head of the ring holds back emission (never the
// order), and the other threads keep going until the window is full.
//
// Memory: glibc gives each thread a malloc arena, and freeing memory that another thread's arena
// holds takes that arena's lock (sleeping on it when the owner allocates meanwhile). So what a
// worker made for a document (its parsed text, its result) goes back to that worker to be freed
// once emitted, and the bytes the calling thread read are freed by it.
//
// Start-up: with a `setup` step (the tagger's rules compiled, say), setup runs on the first
// worker, which has nothing else to do before it returns (no thread of its own is made for it, nor
// a malloc arena), while the documents are read, and the calling thread parses them as it reads
// (never more than a window ahead of the parsing); with --jobs 3 and more, the other workers parse
// too (setup and the calling thread keep a core each). The parsed documents wait, up to a larger
// start-up window (kStartupDocuments, kWindowBytes); no document reaches `work` before setup
// returns. So the start-up no longer leaves the other cores idle.
//
// Failures: a document that fails to load, or whose `work` returns false or throws, becomes one
// "file:line: message" line on `err` in its place in the order, and the batch goes on. If `emit`
// or the loader throws, the workers are stopped and joined before the exception leaves. If
// `setup` returns false (or throws), reading stops, nothing is worked or emitted, and run_batch
// returns -1 (or rethrows).
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
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

// The window: documents in flight (read, not yet emitted), this many per job, at most
// kStartupDocuments. A document that takes long holds back the emission of those after it, and
// the other threads go on only while the window has room: with 16 documents in flight, one long
// article at the head often left the other thread idle (asleep, then woken), several hundred
// times in a run of te3-silver; with 128 a few dozen times.
constexpr std::size_t kWindowPerJob = 64;
// Past the smallest window (kMinWindowPerJob per job, at least kMinWindow), no more than this
// many bytes of documents are held in flight, so memory stays flat with long documents too.
constexpr std::size_t kMinWindowPerJob = 4;
constexpr std::size_t kMinWindow = 16;
constexpr std::size_t kWindowBytes = std::size_t{8} << 20;
// The start-up window: documents read ahead and parsed while `setup` runs, at most this many
// (and kWindowBytes of them). Parsing te3-silver's first 2,048 articles takes about as long as
// making the English tagger; the memory is the price of the overlap.
constexpr std::size_t kStartupDocuments = 2048;

struct Slot {
  std::optional<io::Unparsed> unparsed;  // as read (kept once parsed, freed by the reader)
  std::optional<Document> document;
  std::optional<Error> error;
  std::string result;
  std::size_t bytes = 0;  // what it holds, for the start-up window
  int worked_by = -1;     // the worker that worked it (its memory), or -1: the calling thread
};

// Parses the slot's bytes, if it has them and is not parsed yet, into its document or error.
void prepare(Slot* slot) {
  if (!slot->unparsed || slot->document || slot->error) return;
  LoadItem item = io::parse_unparsed(std::move(*slot->unparsed));
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

// Takes the pool's lock, trying a little while before sleeping on it: it is held for well under
// a microsecond at a time, and a sleep and a wake-up cost far more (two system calls, and in a
// virtual machine an interrupt to the other core).
void acquire(std::unique_lock<std::mutex>& lock) {
  for (int i = 0; i < 64; ++i) {
    if (lock.try_lock()) return;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  lock.lock();
}

// Thrown by push() when setup failed: it ends the reading.
struct SetupFailed {};

// The ordered worker pool: `jobs` - 1 worker threads, and the caller of run_batch as the last
// of the `jobs`. push() and drain() are called from that one thread only; when the window is
// full, it works (or, while setup runs, parses) a queued slot itself instead of sleeping, and
// sleeps only when no slot is left to take and the head of the ring is not done yet. A slot's
// contents are touched only by the thread that claimed it (between claiming and releasing it to
// kPrepared or kDone) and by the caller before pushing and after it is done, so they need no
// lock.
class OrderedPool {
 public:
  // Emits a finished slot; what the slot holds afterwards is freed by the thread that made it.
  using Finish = std::function<void(Slot&)>;

  // `setup`: run by the first worker before it takes documents (the gate stays closed until it
  // returns), or empty.
  OrderedPool(int jobs, const WorkFn& work, Finish finish, const SetupFn& setup)
      : work_(work), finish_(std::move(finish)), setup_(setup), jobs_(jobs),
        window_(std::min(kWindowPerJob * static_cast<std::size_t>(jobs), kStartupDocuments)),
        min_window_(std::max(kMinWindow, kMinWindowPerJob * static_cast<std::size_t>(jobs))),
        ring_(setup ? kStartupDocuments : window_), state_(ring_.size(), State::kEmpty),
        garbage_(static_cast<std::size_t>(jobs - 1)), gate_open_(!setup) {
    spare_.reserve(ring_.size());
    for (std::vector<Slot>& g : garbage_) g.reserve(window_);
    workers_.reserve(static_cast<std::size_t>(jobs - 1));
    try {
      for (int i = 0; i + 1 < jobs; ++i) workers_.emplace_back([this, i] { worker(i); });
    } catch (...) {
      stop();
      throw;
    }
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;
  ~OrderedPool() { stop(); }

  // What setup threw, if it did; read by the caller once push() or drain() threw SetupFailed.
  std::exception_ptr setup_error() const { return setup_error_; }

 private:
  // Runs setup (on the first worker) and opens the gate: `ok` lets the work begin, else the batch
  // is abandoned.
  void run_setup() {
    bool ok = false;
    try {
      ok = setup_();
    } catch (...) {
      setup_error_ = std::current_exception();  // published by open()'s lock
    }
    open(ok);
  }

  void open(bool ok) {
    bool wake_caller;
    {
      std::lock_guard<std::mutex> lock(mu_);
      gate_open_ = true;
      failed_ = !ok;
      wake_caller = caller_waiting_;
    }
    work_cv_.notify_all();
    if (wake_caller) done_cv_.notify_one();
  }

 public:
  // Queues one item; first emits what is ready, and makes room by working slots. Throws
  // SetupFailed once setup has failed.
  void push(Slot&& slot) {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    acquire(lock);
    serve(lock, /*drain=*/false);
    const std::size_t k = next_seq_ % ring_.size();
    bytes_in_flight_ += slot.bytes;
    if (!ring_[k]) {
      if (!spare_.empty()) {
        ring_[k] = std::move(spare_.back());
        spare_.pop_back();
      } else {
        lock.unlock();
        auto fresh = std::make_unique<Slot>();
        acquire(lock);
        ring_[k] = std::move(fresh);
      }
    }
    *ring_[k] = std::move(slot);
    state_[k] = State::kQueued;
    ++next_seq_;
    const bool wake = idle_workers_ > 0 && can_claim(false);
    lock.unlock();
    if (wake) work_cv_.notify_one();  // a busy worker takes it when it is done
  }

  // Emits everything, working what is left alongside the workers.
  void drain() {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    acquire(lock);
    serve(lock, /*drain=*/true);
  }

 private:
  // kQueued: pushed; kPreparing: a thread parses it while the gate is closed (and keeps it when
  // the gate opens meanwhile); kPrepared: parsed, waiting for the gate; kWorking, kDone.
  enum class State { kEmpty, kQueued, kPreparing, kPrepared, kWorking, kDone };

  std::size_t in_flight() const { return next_seq_ - next_emit_; }

  // No room for one more document (the ring keeps one slot spare). While the gate is closed,
  // the documents read ahead are parsed as they come: the caller reads no further than the
  // smallest window past the ones taken to be parsed (it parses one itself then).
  bool full() const {
    const std::size_t next = in_flight() + 1;
    if (next >= ring_.size()) return true;
    if (next < min_window_) return false;
    if (bytes_in_flight_ >= kWindowBytes) return true;
    if (gate_open_) return next >= window_;
    return next_seq_ - next_parse_ + 1 >= min_window_;
  }

  // The caller's loop: emits finished slots in order until there is room for one more document
  // (or, with `drain`, until none is left), working or parsing slots itself while there is not,
  // and sleeping only when there is nothing it can take. Throws SetupFailed once setup failed.
  void serve(std::unique_lock<std::mutex>& lock, bool drain) {
    for (;;) {
      while (next_emit_ < ready_end_) {
        const std::size_t k = next_emit_ % ring_.size();
        Slot out = std::move(*ring_[k]);
        *ring_[k] = Slot{};
        spare_.push_back(std::move(ring_[k]));
        state_[k] = State::kEmpty;
        bytes_in_flight_ -= out.bytes;
        ++next_emit_;
        lock.unlock();
        finish_(out);
        // A worker's memory goes back to it: freeing it here would take that worker's malloc
        // arena lock while the worker allocates (and sleep on it). The reader's bytes, and a
        // slot this thread worked, are freed here, outside the pool's lock.
        const int owner = out.worked_by;
        out.unparsed.reset();
        if (owner < 0) out = Slot{};
        acquire(lock);
        if (owner >= 0) garbage_[static_cast<std::size_t>(owner)].push_back(std::move(out));
      }
      if (failed_) throw SetupFailed{};
      if (drain ? in_flight() == 0 : !full()) return;
      std::size_t seq = 0;
      bool work = false;
      if (claim(/*caller=*/true, &seq, &work)) {
        process(lock, -1, seq, work, nullptr);
        continue;
      }
      caller_waiting_ = true;
      done_cv_.wait(lock, [&] { return caller_can_go_on(); });
      caller_waiting_ = false;
    }
  }

  // Under the lock: whether the caller, waiting, has something to do.
  bool caller_can_go_on() { return failed_ || next_emit_ < ready_end_ || can_claim(true); }

  // Under the lock: whether the caller (`caller`) or a worker has a slot to take now. While the
  // gate is closed, one core is left to the setup step and one to the caller, which reads and
  // parses: the workers have jobs - 2 parsing turns (none with --jobs 2). Once the gate is open,
  // skips the slots before next_work_ that are not to be taken: a slot still being parsed
  // belongs to the thread parsing it, which works it next (and may have begun to); only queued
  // and parsed ones are taken.
  bool can_claim(bool caller) {
    if (failed_) return false;
    if (!gate_open_) return next_parse_ < next_seq_ && (caller || parsing_ + 2 < jobs_);
    while (next_work_ < next_seq_) {
      const State st = state_[next_work_ % ring_.size()];
      if (st == State::kQueued || st == State::kPrepared) return true;
      ++next_work_;
    }
    return false;
  }

  // Under the lock: the next slot for the caller or a worker, and whether it is to be worked
  // (else only parsed, while the gate is closed); false when there is none now.
  bool claim(bool caller, std::size_t* seq, bool* work) {
    if (!can_claim(caller)) return false;
    if (gate_open_) {
      *seq = next_work_++;
      *work = true;
    } else {
      *seq = next_parse_++;
      *work = false;
      if (!caller) ++parsing_;
    }
    return true;
  }

  // Parses and/or works the claimed slot `seq` outside the lock; returns with the lock held.
  // `worker`: the worker's index, or -1 for the caller; `trash`: what to free once unlocked.
  void process(std::unique_lock<std::mutex>& lock, int worker, std::size_t seq, bool work,
               std::vector<Slot>* trash) {
    const bool caller = worker < 0;
    const std::size_t k = seq % ring_.size();
    Slot& slot = *ring_[k];
    if (!work) {  // parse ahead while the gate is closed
      state_[k] = State::kPreparing;
      lock.unlock();
      if (trash) trash->clear();
      prepare(&slot);
      acquire(lock);
      if (!caller) --parsing_;
      if (!gate_open_ || failed_) {
        state_[k] = State::kPrepared;
        return;  // this thread takes its parsing turn again (no other is woken for it)
      }
    }
    state_[k] = State::kWorking;
    slot.worked_by = worker;
    lock.unlock();
    if (trash) trash->clear();
    run_one(work_, &slot);
    acquire(lock);
    state_[k] = State::kDone;
    const std::size_t was = ready_end_;
    while (ready_end_ < next_seq_ && state_[ready_end_ % ring_.size()] == State::kDone)
      ++ready_end_;
    if (caller_waiting_ && ready_end_ != was) done_cv_.notify_one();
  }

  void worker(int index) {
    if (index == 0 && setup_) run_setup();
    std::vector<Slot> trash;  // slots this worker worked, emitted since: freed here
    trash.reserve(window_);
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    acquire(lock);
    for (;;) {
      std::size_t seq = 0;
      bool work = false;
      if (!stopping_ && !claim(false, &seq, &work)) {
        ++idle_workers_;
        work_cv_.wait(lock, [&] { return stopping_ || claim(false, &seq, &work); });
        --idle_workers_;
      }
      if (stopping_) return;
      trash.swap(garbage_[static_cast<std::size_t>(index)]);
      process(lock, index, seq, work, &trash);
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
  const SetupFn& setup_;
  std::exception_ptr setup_error_;
  const int jobs_;
  const std::size_t window_;      // documents in flight once the gate is open
  const std::size_t min_window_;  // documents in flight however many bytes they hold
  // The ring holds a Slot object only where a document is in flight: the start-up window's
  // kStartupDocuments slots (half a kilobyte each) are made as documents arrive, not all at once
  // before the threads start. An emitted slot's object waits in spare_ for the next document.
  std::vector<std::unique_ptr<Slot>> ring_;
  std::vector<std::unique_ptr<Slot>> spare_;
  std::vector<State> state_;   // by ring position
  std::vector<std::thread> workers_;
  std::vector<std::vector<Slot>> garbage_;  // by worker: its slots, emitted, to be freed by it
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::size_t next_seq_ = 0;    // sequence number of the next pushed document
  std::size_t next_parse_ = 0;  // the next one to parse ahead (gate closed)
  std::size_t next_work_ = 0;   // the next one to work (gate open)
  std::size_t next_emit_ = 0;   // the next one handed to `finish`
  std::size_t ready_end_ = 0;   // the first one not done (all before it are done)
  std::size_t bytes_in_flight_ = 0;
  bool gate_open_;
  int parsing_ = 0;  // workers parsing ahead while the gate is closed
  bool failed_ = false;  // setup failed: nothing more is worked or emitted
  bool stopping_ = false;
  // Waking a thread costs a system call: only the ones that sleep are woken.
  int idle_workers_ = 0;          // workers waiting for a document
  bool caller_waiting_ = false;   // the caller waits for the head of the ring or a slot to take
};

}  // namespace

int run_batch(const Options& opt, const LoadOptions& load, const SetupFn& setup,
              const WorkFn& work, const EmitFn& emit, std::ostream& err) {
  int failures = 0;
  auto finish = [&](Slot& slot) {
    if (slot.error) {
      err << slot.error->str() << "\n";
      ++failures;
      return;
    }
    BatchItem item{std::move(*slot.document), std::move(slot.result)};
    emit(std::move(item));
    // What `emit` left of the item goes back to the slot, to be freed where it was made.
    *slot.document = std::move(item.document);
    slot.result = std::move(item.result);
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
        finish(slot);
      });
    }
    return failures;
  }

  OrderedPool pool(opt.jobs, work, finish, setup);
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
    if (pool.setup_error()) std::rethrow_exception(pool.setup_error());
    return -1;
  }
  return failures;
}

int run_batch(const Options& opt, const LoadOptions& load, const WorkFn& work, const EmitFn& emit,
              std::ostream& err) {
  return run_batch(opt, load, SetupFn(), work, emit, err);
}

}  // namespace timeline::cli
