import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every accepted request, with what its effect must be, appended to journal.tsv as it is accepted (so a crash of the
 * load generator still leaves the record). Thread-safe.
 */
final class Ledger {

  /** What became of an accepted request. */
  enum State { PENDING, COMPLETED, FAILED, WRONG, LOST }

  /**
   * One accepted request: its kind (exec, proc-create, proc-call, proc-drop, index, wf-create, wf-run), its id, the
   * effect.
   */
  static final class Item {
    final String kind;
    final String id;
    final String expect;
    final long acceptedAt = System.currentTimeMillis();
    volatile State state = State.PENDING;
    volatile String detail = "";
    volatile long finishedAt;

    Item(String kind, String id, String expect) {
      this.kind = kind;
      this.id = id;
      this.expect = expect;
    }

    void finish(State state, String detail) {
      this.detail = detail;
      this.finishedAt = System.currentTimeMillis();
      this.state = state;
    }
  }

  private final Map<String, List<Item>> byKind = new ConcurrentHashMap<>();
  private final Map<String, java.util.Set<String>> tried = new ConcurrentHashMap<>();
  private final PrintWriter journal;

  Ledger(Path dir) {
    try {
      journal = new PrintWriter(Files.newBufferedWriter(dir.resolve("journal.tsv")), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    journal.println("kind\tid\taccepted_at_ms\texpect");
  }

  /** Records an accepted request; returns its item. */
  Item accept(String kind, String id, String expect) {
    Item item = new Item(kind, id, expect);
    List<Item> items = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
    synchronized (items) {
      items.add(item);
    }
    synchronized (journal) {
      journal.println(kind + "\t" + id + "\t" + item.acceptedAt + "\t" + expect);
    }
    return item;
  }

  /** Notes a request sent, before its answer is known (accepted or not). */
  void tried(String kind, String id) {
    tried.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(id);
  }

  /** Whether a request of this kind and id was sent (see {@link #tried(String, String)}). */
  boolean wasTried(String kind, String id) {
    return tried.getOrDefault(kind, java.util.Set.of()).contains(id);
  }

  /** A copy of the items of one kind, in acceptance order. */
  List<Item> items(String kind) {
    List<Item> items = byKind.getOrDefault(kind, List.of());
    synchronized (items) {
      return new ArrayList<>(items);
    }
  }

  List<Item> pending(String kind) {
    return items(kind).stream().filter(i -> i.state == State.PENDING).toList();
  }

  void close() {
    journal.close();
  }
}
