package org.oppmatch.io;

import java.util.Locale;
import java.util.Optional;

/** The file formats an input table may arrive in. */
public enum InputFormat {
  CSV(".csv"),
  JSONL(".jsonl"),
  PARQUET(".parquet");

  private final String extension;

  InputFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format a file name's extension declares (.json and .ndjson count as JSON Lines). */
  public static Optional<InputFormat> fromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    if (n.endsWith(".parquet")) {
      return Optional.of(PARQUET);
    }
    return Optional.empty();
  }

  public static InputFormat parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "json", "ndjson" -> JSONL;
      case "parquet" -> PARQUET;
      default -> throw new IllegalArgumentException("unknown input format '" + name + "'");
    };
  }
}
