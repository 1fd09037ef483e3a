package org.oppmatch.io;

import java.util.List;
import java.util.Map;
import org.oppmatch.schema.InputTable;

/**
 * Where one input table was found: its format, the location named in messages, the data files to
 * read, and (text formats, once detected: {@link RawReader#checkColumns}) each file's encoding.
 */
public record InputSource(
    InputTable table,
    InputFormat format,
    String location,
    List<String> files,
    Map<String, TextEncoding.Detected> encodings) {

  public InputSource(InputTable table, InputFormat format, String location, List<String> files) {
    this(table, format, location, files, Map.of());
  }

  /** The same files, with their encodings. */
  public InputSource withEncodings(Map<String, TextEncoding.Detected> detected) {
    return new InputSource(table, format, location, files, Map.copyOf(detected));
  }

  /** Each file's encoding by its path, as the manifest records it (empty for binary formats). */
  public Map<String, String> encodingNames() {
    Map<String, String> out = new java.util.TreeMap<>();
    encodings.forEach((f, d) -> out.put(f, d.encoding().key()));
    return out;
  }
}
