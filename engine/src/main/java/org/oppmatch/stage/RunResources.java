package org.oppmatch.stage;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The run's caches and broadcasts, released in one place when the run ends, whatever its outcome: a
 * session that runs the job again (a notebook, a test, a long-lived driver) starts with its memory
 * and its executors' memory free.
 */
public final class RunResources implements AutoCloseable {
  private final SparkSession spark;
  private final List<Dataset<?>> cached = new ArrayList<>();
  private final List<Broadcast<?>> broadcasts = new ArrayList<>();

  public RunResources(SparkSession spark) {
    this.spark = spark;
  }

  /** Marks a Dataset for caching in memory, spilling to local disk what does not fit. */
  public <T> Dataset<T> cache(Dataset<T> ds) {
    ds.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(ds);
    return ds;
  }

  /** Sends a read-only value to every executor once. */
  public <T> Broadcast<T> broadcast(T value) {
    Broadcast<T> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(value);
    broadcasts.add(b);
    return b;
  }

  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
    broadcasts.forEach(Broadcast::destroy);
    cached.clear();
    broadcasts.clear();
  }
}
