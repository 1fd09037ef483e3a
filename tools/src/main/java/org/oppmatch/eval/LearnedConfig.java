package org.oppmatch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A job configuration with {@code ranking.mode: learned}: the given file's keys (or none) with that
 * one set, printed (jobs/backtest runs the job with it).
 *
 * <p>Usage: {@code LearnedConfig [FILE]}.
 */
public final class LearnedConfig {
  private LearnedConfig() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode config =
        args.length > 0 && !args[0].isEmpty()
            ? (ObjectNode) json.readTree(Path.of(args[0]).toFile())
            : json.createObjectNode();
    config.withObject("/ranking").put("mode", "learned");
    System.out.println(json.writeValueAsString(config));
  }
}
