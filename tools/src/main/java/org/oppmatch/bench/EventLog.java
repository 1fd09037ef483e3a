package org.oppmatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Counts what a run cost Spark from its event log: jobs started and stages completed. */
final class EventLog {
  private EventLog() {}

  record Counts(long jobs, long stages) {}

  /** The counts over every event file under {@code dir} (uncompressed event logs). */
  static Counts count(Path dir) throws IOException {
    long jobs = 0;
    long stages = 0;
    if (!Files.exists(dir)) {
      return new Counts(-1, -1);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      if (!f.getFileName().toString().startsWith("events")) {
        continue;
      }
      try (BufferedReader r = Files.newBufferedReader(f)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("{\"Event\":\"SparkListenerJobStart\"")) {
            jobs++;
          } else if (line.startsWith("{\"Event\":\"SparkListenerStageCompleted\"")) {
            stages++;
          }
        }
      }
    }
    return new Counts(jobs, stages);
  }
}
