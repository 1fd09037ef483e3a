package org.oppmatch.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.publish.Manifest;
import org.oppmatch.schema.InputTable;

/**
 * A succeeded run as its manifest records it: the whole configuration it ran with and where it read
 * each input, which is what re-creating its scores needs.
 */
final class RunRecord {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String output;
  private final LocalDate runDate;
  private final String manifestPath;
  private final JsonNode manifest;
  private final JobConfig config;

  private RunRecord(
      String output, LocalDate runDate, String manifestPath, JsonNode manifest, JobConfig config) {
    this.output = output;
    this.runDate = runDate;
    this.manifestPath = manifestPath;
    this.manifest = manifest;
    this.config = config;
  }

  /** The run of that date under the output, when its manifest says it succeeded. */
  static RunRecord read(Configuration hadoop, String output, LocalDate runDate) {
    Path p = new Path(new Path(output, "manifests"), "run_date=" + runDate + ".json");
    JsonNode m;
    try {
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        throw LookupFailure.notFound(
            "no run for run_date=" + runDate + " in " + output + " (" + p + " does not exist)");
      }
      try (InputStream in = fs.open(p)) {
        m = JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
    String status = m.path("status").asText("");
    if (!Manifest.SUCCEEDED.equals(status)) {
      throw LookupFailure.notFound(
          p + " has status '" + status + "', not succeeded: its outputs are not to be trusted");
    }
    if (!m.path("config").isObject()) {
      throw LookupFailure.notFound(p + " holds no configuration: the run cannot be re-created");
    }
    JobConfig config = ConfigLoader.parse(m.get("config").toString(), p + " (config)");
    return new RunRecord(output, runDate, p.toString(), m, config);
  }

  String output() {
    return output;
  }

  LocalDate runDate() {
    return runDate;
  }

  String manifestPath() {
    return manifestPath;
  }

  JobConfig config() {
    return config;
  }

  String configHash() {
    return manifest.path("config_hash").asText(null);
  }

  String engineVersion() {
    return manifest.path("engine").path("version").asText(null);
  }

  /** The latest succeeded run before this one that it was compared with, if any. */
  Optional<String> previousRun() {
    return Optional.ofNullable(manifest.path("previous_run").asText(null));
  }

  /**
   * Where the run read its inputs: the folder of the enterprises' location (every table sits in one
   * folder), or the folder given instead. A relative location is relative to the folder the run was
   * started in, as the job read it.
   */
  String inputsDir(Optional<String> override, Configuration hadoop) {
    String dir;
    if (override.isPresent()) {
      dir = override.get();
    } else {
      String location =
          manifest
              .path("inputs")
              .path(InputTable.ENTERPRISES.tableName())
              .path("location")
              .asText(null);
      if (location == null) {
        throw LookupFailure.notFound(manifestPath + " names no location of the enterprises");
      }
      dir = new Path(location).getParent().toString();
    }
    try {
      Path p = new Path(dir);
      if (!p.getFileSystem(hadoop).exists(p)) {
        throw LookupFailure.notFound(
            "the run's inputs are no longer at "
                + dir
                + (override.isPresent()
                    ? ""
                    : " (a relative location is read from the folder the run was started in;"
                        + " give --inputs DIR)"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + dir, e);
    }
    return dir;
  }

  /**
   * Where the re-read inputs differ from what the run recorded (rows read, accepted), one line
   * each: a difference means the inputs changed after the run, and the scores may differ too.
   */
  List<String> inputDifferences(Map<String, Manifest.InputCounts> reread) {
    List<String> out = new ArrayList<>();
    JsonNode recorded = manifest.path("inputs");
    for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
      String table = it.next();
      JsonNode r = recorded.get(table);
      Manifest.InputCounts now = reread.get(table);
      if (now == null) {
        out.add(table + ": read by the run, absent now");
      } else if (now.rowsRead() != r.path("rows_read").asLong()
          || now.accepted() != r.path("accepted").asLong()) {
        out.add(
            String.format(
                "%s: the run read %d rows (%d accepted), now %d (%d accepted)",
                table,
                r.path("rows_read").asLong(),
                r.path("accepted").asLong(),
                now.rowsRead(),
                now.accepted()));
      }
    }
    reread.keySet().stream()
        .filter(t -> !recorded.has(t))
        .forEach(t -> out.add(t + ": present now, not read by the run"));
    return out;
  }
}
