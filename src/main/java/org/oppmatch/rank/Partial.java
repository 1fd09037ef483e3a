package org.oppmatch.rank;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;

/**
 * A part of the run's result that partitions build and a shuffle merges by key: a zone's best
 * leads, an opportunity's best matches (both bounded: a partition keeps its own best N, so only
 * those cross the cluster), a group's members, or the previous run's leads still in the input.
 */
public abstract sealed class Partial implements Serializable
    permits Partial.Best, Partial.Members, Partial.Present {
  private static final long serialVersionUID = 1L;

  /** Merges another part of the same key into this one and returns it. */
  public abstract Partial merge(Partial other);

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
      Comparator<T> c = order.comparator();
      if (h.size() < limit) {
        h.add(item);
      } else if (c.compare(item, h.peek()) < 0) {
        h.poll();
        h.add(item);
      }
      return this;
    }

    private PriorityQueue<T> heap() {
      if (heap == null) {
        // the worst kept item at the head
        heap = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), order.<T>comparator().reversed());
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

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
      if (heap != null) {
        items.addAll(heap);
        heap = null;
      }
      out.defaultWriteObject();
    }
  }

  /** The leads of one group's members, each already cut to its own best zones. */
  public static final class Members extends Partial {
    private static final long serialVersionUID = 1L;

    public final ArrayList<Lead> leads = new ArrayList<>();

    @Override
    public Partial merge(Partial other) {
      leads.addAll(((Members) other).leads);
      return this;
    }
  }

  /** Ids of the previous run's leads that are in this run's accepted enterprises. */
  public static final class Present extends Partial {
    private static final long serialVersionUID = 1L;

    public final HashSet<String> ids = new HashSet<>();

    @Override
    public Partial merge(Partial other) {
      ids.addAll(((Present) other).ids);
      return this;
    }

    public Set<String> ids() {
      return ids;
    }
  }
}
