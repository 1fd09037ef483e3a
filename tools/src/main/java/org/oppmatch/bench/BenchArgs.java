package org.oppmatch.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --flag value} command lines of the benchmark's mains. */
final class BenchArgs {
  private BenchArgs() {}

  /** The flags (without dashes) and values; an unknown flag or a missing value is an error. */
  static Map<String, String> parse(String[] argv, List<String> known) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String flag = argv[i];
      if (!flag.startsWith("--") || !known.contains(flag.substring(2))) {
        throw new IllegalArgumentException("unknown argument " + flag + "; known: " + known);
      }
      if (i + 1 >= argv.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      m.put(flag.substring(2), argv[++i]);
    }
    return m;
  }
}
