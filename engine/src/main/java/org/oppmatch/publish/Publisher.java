package org.oppmatch.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
  public static final String JOURNAL = "_publishing";
  static final String STAGED_MANIFEST = "_manifest.json";

  /** Staging left by a killed run is removed by the next run once it is this old. */
  static final long STALE_STAGING_MILLIS = 6L * 3600 * 1000;

  private final FileSystem fs;
  private final Path root;
  private final LocalDate runDate;
  private final String attempt;

  public Publisher(Configuration conf, String outputDir, LocalDate runDate, String attempt)
      throws IOException {
    this(new Path(outputDir).getFileSystem(conf), new Path(outputDir), runDate, attempt);
  }

  private Publisher(FileSystem fs, Path root, LocalDate runDate, String attempt) {
    this.fs = fs;
    this.root = root;
    this.runDate = runDate;
    this.attempt = attempt;
  }

  public LocalDate runDate() {
    return runDate;
  }

  public String partitionName() {
    return "run_date=" + runDate;
  }

  /** Where the published partition of an output lives. */
  public Path published(String output) {
    return new Path(new Path(root, output), partitionName());
  }

  /** Where an output of another run date was published. */
  public Path publishedFor(String output, LocalDate date) {
    return new Path(new Path(root, output), "run_date=" + date);
  }

  /** Where this attempt writes an output before it is published. */
  public Path staged(String output) {
    return new Path(stagingRoot(), output);
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

  /**
   * Removes staging and trash that killed runs left behind: this date's, and any old enough. Call
   * {@link #recover} first: it needs the staging of interrupted publications.
   */
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

  /** The attempt's staging directory: every output, and the manifest, wait here. */
  public Path stagingRoot() {
    return new Path(new Path(root, STAGING), partitionName() + "." + attempt);
  }

  private Path journal() {
    return new Path(new Path(root, JOURNAL), partitionName() + ".json");
  }

  /**
   * Publishes the staged outputs and then the manifest. Up to the journal write nothing visible
   * changes, so a run killed earlier leaves every publication as it was. The journal names the
   * attempt; from then on the publication is completed forward, by this run or, if it is killed, by
   * the next run's {@link #recover}: the date's old manifest is moved aside first (readers treat a
   * date without manifest as not published), each output partition is replaced by one directory
   * rename, and the new manifest comes last.
   */
  public void publish(List<String> outputs, String manifestJson) throws IOException {
    writeAtomically(new Path(stagingRoot(), STAGED_MANIFEST), manifestJson);
    writeAtomically(journal(), attempt + "\n" + String.join(",", outputs) + "\n");
    complete(outputs);
  }

  private void complete(List<String> outputs) throws IOException {
    Path trash = new Path(new Path(root, TRASH), partitionName() + "." + attempt);
    Path staging = stagingRoot();
    Path stagedManifest = new Path(staging, STAGED_MANIFEST);
    if (fs.exists(stagedManifest) && fs.exists(manifest())) {
      fs.mkdirs(trash);
      rename(manifest(), new Path(trash, "manifest.json"));
    }
    for (String output : outputs) {
      Path staged = new Path(staging, output);
      if (!fs.exists(staged)) {
        continue; // moved before an interruption
      }
      Path target = published(output);
      fs.mkdirs(target.getParent());
      if (fs.exists(target)) {
        fs.mkdirs(trash);
        rename(target, new Path(trash, output));
      }
      rename(staged, target);
      FaultInjection.at("publish_swap");
    }
    if (fs.exists(stagedManifest)) {
      fs.mkdirs(manifest().getParent());
      rename(stagedManifest, manifest());
    }
    fs.delete(journal(), false);
    fs.delete(trash, true);
    fs.delete(staging, true);
  }

  /**
   * Completes every publication that a killed run left half done (its journal is still there), so
   * that the next run starts from a consistent output. Returns the dates completed.
   */
  public static List<String> recover(FileSystem fs, Path root) throws IOException {
    Path dir = new Path(root, JOURNAL);
    List<String> done = new java.util.ArrayList<>();
    if (!fs.exists(dir)) {
      return done;
    }
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (!name.startsWith("run_date=") || !name.endsWith(".json")) {
        continue;
      }
      LocalDate date = LocalDate.parse(name.substring(9, name.length() - 5));
      String[] lines;
      try (var in = fs.open(st.getPath())) {
        lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      }
      Publisher p = new Publisher(fs, root, date, lines[0].trim());
      p.complete(List.of(lines[1].trim().split(",")));
      done.add(date.toString());
    }
    return done;
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

  /**
   * The latest {@code n} run dates before this one whose manifests say they succeeded, newest first
   * (fewer when there are fewer).
   */
  public List<LocalDate> previousSucceededRuns(int n, java.util.function.Predicate<Path> succeeded)
      throws IOException {
    Path dir = new Path(root, MANIFESTS);
    if (!fs.exists(dir)) {
      return List.of();
    }
    java.util.TreeMap<LocalDate, Path> before = new java.util.TreeMap<>();
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (!st.isFile() || !name.startsWith("run_date=") || !name.endsWith(".json")) {
        continue;
      }
      try {
        LocalDate d =
            LocalDate.parse(name.substring("run_date=".length(), name.length() - ".json".length()));
        if (d.isBefore(runDate)) {
          before.put(d, st.getPath());
        }
      } catch (java.time.format.DateTimeParseException e) {
        // not a manifest of ours
      }
    }
    List<LocalDate> out = new java.util.ArrayList<>();
    for (Map.Entry<LocalDate, Path> e : before.descendingMap().entrySet()) {
      if (out.size() == n) {
        break;
      }
      if (succeeded.test(e.getValue())) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
