package org.oppmatch.rank;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;

/**
 * A part of the run's result that partitions build and a shuffle merges by key: a zone's best
 * candidates, an opportunity's best matches (both bounded: a partition keeps its own best N, so
 * only those cross the cluster), an owner zone's engaged leads, or the companies of the previous
 * run's leads still in the input.
 *
 * <p>A part crosses the shuffle as bytes of its own compact encoding ({@link #toBytes}): Spark's
 * map-side buffers estimate the size of what they hold by walking its objects, which for lists of
 * thousands of leads cost more than the scoring itself, and Java serialization of records is slow;
 * an array of bytes is measured at once and written as it is.
 */
public abstract sealed class Partial implements Serializable
    permits Partial.Best, Partial.Present, Partial.Tally {
  private static final long serialVersionUID = 1L;

  /** Merges another part of the same key into this one and returns it. */
  public abstract Partial merge(Partial other);

  abstract void write(DataOutputStream out) throws IOException;

  private static final byte BEST_LEADS = 1;
  private static final byte BEST_MATCHES = 2;
  private static final byte PRESENT = 4;
  private static final byte TALLY = 5;

  /** The part in its compact encoding. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Partial fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte kind = in.readByte();
      switch (kind) {
        case BEST_LEADS, BEST_MATCHES -> {
          Order order = kind == BEST_LEADS ? Order.LEADS : Order.MATCHES;
          Best<Serializable> b = new Best<>(order, in.readInt());
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            b.items.add(kind == BEST_LEADS ? Lead.read(in) : OpportunityLead.read(in));
          }
          return b;
        }
        case TALLY -> {
          Tally t = new Tally();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            t.counts.put(in.readInt(), in.readLong());
          }
          return t;
        }
        case PRESENT -> {
          Present p = new Present();
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            p.companyOf.put(in.readUTF(), in.readUTF());
          }
          int m = in.readInt();
          for (int i = 0; i < m; i++) {
            p.inactive.add(in.readUTF());
          }
          p.inactiveRows = in.readLong();
          return p;
        }
        default -> throw new IllegalStateException("not a part: " + kind);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two parts of one key, as bytes, merged. */
  public static byte[] merge(byte[] a, byte[] b) {
    return fromBytes(a).merge(fromBytes(b)).toBytes();
  }

  /** What a bounded list orders by. */
  public enum Order {
    LEADS,
    MATCHES;

    @SuppressWarnings("unchecked")
    <T> Comparator<T> comparator() {
      return (Comparator<T>) (this == LEADS ? Lead.BEST_FIRST : OpportunityLead.BEST_FIRST);
    }
  }

  /** The best {@code limit} items of a key, in the order's sense. */
  public static final class Best<T extends Serializable> extends Partial {
    private static final long serialVersionUID = 1L;

    private final Order order;
    private final int limit;
    private final ArrayList<T> items = new ArrayList<>();
    private transient PriorityQueue<T> heap;

    public Best(Order order, int limit) {
      this.order = order;
      this.limit = limit;
    }

    /** Keeps the item if it is among the best so far. */
    public Best<T> offer(T item) {
      PriorityQueue<T> h = heap();
      if (h.size() < limit) {
        h.add(item);
      } else if (order.<T>comparator().compare(item, h.peek()) < 0) {
        h.poll();
        h.add(item);
      }
      return this;
    }

    private PriorityQueue<T> heap() {
      if (heap == null) {
        // the worst kept item at the head
        heap =
            new PriorityQueue<>(
                Math.max(1, Math.min(limit, 1024)), order.<T>comparator().reversed());
        heap.addAll(items);
        items.clear();
      }
      return heap;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Partial merge(Partial other) {
      for (T item : ((Best<T>) other).sorted()) {
        offer(item);
      }
      return this;
    }

    /** The kept items, best first. */
    public List<T> sorted() {
      List<T> out = new ArrayList<>(heap == null ? items : heap);
      out.sort(order.comparator());
      return out;
    }

    @Override
    void write(DataOutputStream out) throws IOException {
      out.writeByte(order == Order.LEADS ? BEST_LEADS : BEST_MATCHES);
      out.writeInt(limit);
      List<T> all = heap == null ? items : new ArrayList<>(heap);
      out.writeInt(all.size());
      for (T item : all) {
        if (item instanceof Lead l) {
          l.write(out);
        } else {
          ((OpportunityLead) item).write(out);
        }
      }
    }
  }

  /** Counts by an int key: enterprises per (zone, chain node) they fit. */
  public static final class Tally extends Partial {
    private static final long serialVersionUID = 1L;

    public final HashMap<Integer, Long> counts = new HashMap<>();

    public void add(int key) {
      counts.merge(key, 1L, Long::sum);
    }

    @Override
    public Partial merge(Partial other) {
      ((Tally) other).counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
      return this;
    }

    @Override
    void write(DataOutputStream out) throws IOException {
      out.writeByte(TALLY);
      out.writeInt(counts.size());
      for (Map.Entry<Integer, Long> e : counts.entrySet()) {
        out.writeInt(e.getKey());
        out.writeLong(e.getValue());
      }
    }
  }

  /**
   * The ids of the previous run's leads' companies (every member id) that are rows of this run's
   * companies, each with the id its company is listed under now.
   */
  public static final class Present extends Partial {
    private static final long serialVersionUID = 1L;

    public final HashMap<String, String> companyOf = new HashMap<>();

    /** Those companies that are inactive now (deregistered, revoked: version 3). */
    public final java.util.HashSet<String> inactive = new java.util.HashSet<>();

    /** Rows of inactive firms among the pass's input (companies, each counted once). */
    public long inactiveRows;

    @Override
    public Partial merge(Partial other) {
      Present o = (Present) other;
      companyOf.putAll(o.companyOf);
      inactive.addAll(o.inactive);
      inactiveRows += o.inactiveRows;
      return this;
    }

    public Map<String, String> companyOf() {
      return companyOf;
    }

    @Override
    void write(DataOutputStream out) throws IOException {
      out.writeByte(PRESENT);
      out.writeInt(companyOf.size());
      for (Map.Entry<String, String> e : companyOf.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeInt(inactive.size());
      for (String id : inactive) {
        out.writeUTF(id);
      }
      out.writeLong(inactiveRows);
    }
  }
}
