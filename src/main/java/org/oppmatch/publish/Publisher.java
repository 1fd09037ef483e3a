package org.oppmatch.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output layout of job-contract.md and how a run's outputs become visible: every output is
 * written under a staging directory of its attempt, moved into place only when the whole run
 * succeeded, and the manifest, the completion marker, is written last.
 */
public final class Publisher {
  public static final String STAGING = "_staging";
  public static final String TRASH = "_trash";
  public static final String MANIFESTS = "manifests";

  /** Staging left by a killed run is removed by the next run once it is this old. */
  static final long STALE_STAGING_MILLIS = 6L * 3600 * 1000;

  private final FileSystem fs;
  private final Path root;
  private final LocalDate runDate;
  private final String attempt;

  public Publisher(Configuration conf, String outputDir, LocalDate runDate, String attempt)
      throws IOException {
    this.root = new Path(outputDir);
    this.fs = root.getFileSystem(conf);
    this.runDate = runDate;
    this.attempt = attempt;
  }

  public String partitionName() {
    return "run_date=" + runDate;
  }

  /** Where the published partition of an output lives. */
  public Path published(String output) {
    return new Path(new Path(root, output), partitionName());
  }

  /** Where this attempt writes an output before it is published. */
  public Path staged(String output) {
    return new Path(new Path(new Path(root, STAGING), partitionName() + "." + attempt), output);
  }

  public Path manifest() {
    return new Path(new Path(root, MANIFESTS), partitionName() + ".json");
  }

  public Path failedManifest() {
    return new Path(
        new Path(new Path(root, MANIFESTS), "failed"), partitionName() + "." + attempt + ".json");
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public Path root() {
    return root;
  }

  /** Removes staging and trash that killed runs left behind: this date's, and any old enough. */
  public void cleanStale() throws IOException {
    for (String dir : List.of(STAGING, TRASH)) {
      Path p = new Path(root, dir);
      if (!fs.exists(p)) {
        continue;
      }
      long now = System.currentTimeMillis();
      for (FileStatus st : fs.listStatus(p)) {
        boolean sameDate = st.getPath().getName().startsWith(partitionName() + ".");
        if (sameDate || now - st.getModificationTime() > STALE_STAGING_MILLIS) {
          fs.delete(st.getPath(), true);
        }
      }
    }
  }

  /**
   * Moves the staged outputs into place, replacing this date's earlier publication (moved aside
   * first, removed after), then removes the attempt's staging directory.
   */
  public void publish(List<String> outputs) throws IOException {
    Path trash = new Path(new Path(root, TRASH), partitionName() + "." + attempt);
    for (String output : outputs) {
      Path target = published(output);
      fs.mkdirs(target.getParent());
      if (fs.exists(target)) {
        Path aside = new Path(trash, output);
        fs.mkdirs(trash);
        rename(target, aside);
      }
      rename(staged(output), target);
    }
    fs.delete(trash, true);
    fs.delete(staged(outputs.get(0)).getParent(), true);
  }

  /** Writes a small JSON document so that readers never see half of it. */
  public void writeAtomically(Path target, String json) throws IOException {
    fs.mkdirs(target.getParent());
    Path tmp = new Path(target.getParent(), "." + target.getName() + "." + attempt + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    if (fs.exists(target)) {
      fs.delete(target, false);
    }
    rename(tmp, target);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  /** The latest run date before this one whose manifest says it succeeded, if any. */
  public java.util.Optional<LocalDate> previousSucceededRun(
      java.util.function.Predicate<Path> succeeded) throws IOException {
    Path dir = new Path(root, MANIFESTS);
    if (!fs.exists(dir)) {
      return java.util.Optional.empty();
    }
    LocalDate best = null;
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (!st.isFile() || !n.startsWith("run_date=") || !n.endsWith(".json")) {
        continue;
      }
      LocalDate d;
      try {
        d = LocalDate.parse(n.substring("run_date=".length(), n.length() - ".json".length()));
      } catch (java.time.format.DateTimeParseException e) {
        continue;
      }
      if (d.isBefore(runDate)
          && (best == null || d.isAfter(best))
          && succeeded.test(st.getPath())) {
        best = d;
      }
    }
    return java.util.Optional.ofNullable(best);
  }
}
