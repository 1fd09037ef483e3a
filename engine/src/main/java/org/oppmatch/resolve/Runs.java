package org.oppmatch.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lazy iterators over a partition's rows, so that a pass over millions of rows holds one row, or
 * one run of rows of one key, at a time (a partition collected into a list first ran the 10M pool
 * out of heap).
 */
final class Runs {
  private Runs() {}

  /** Each row mapped; a null result drops it. */
  static <T, R> Iterator<R> mapped(Iterator<T> rows, Function<T, R> f) {
    return new Iterator<>() {
      private R next = advance();

      private R advance() {
        while (rows.hasNext()) {
          R r = f.apply(rows.next());
          if (r != null) {
            return r;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public R next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        R r = next;
        next = advance();
        return r;
      }
    };
  }

  /**
   * The runs of consecutive rows of one key (the rows sorted by it), each turned into its results
   * when it is complete.
   */
  static <T, K, R> Iterator<R> byRuns(
      Iterator<T> sorted, Function<T, K> key, Function<List<T>, List<R>> f) {
    return new Iterator<>() {
      private T pending = sorted.hasNext() ? sorted.next() : null;
      private Iterator<R> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pending != null) {
          List<T> run = new ArrayList<>();
          K k = key.apply(pending);
          run.add(pending);
          pending = null;
          while (sorted.hasNext()) {
            T t = sorted.next();
            if (!Objects.equals(key.apply(t), k)) {
              pending = t;
              break;
            }
            run.add(t);
          }
          current = f.apply(run).iterator();
        }
        return current.hasNext();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
