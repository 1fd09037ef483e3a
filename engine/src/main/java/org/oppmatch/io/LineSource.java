package org.oppmatch.io;

import java.io.BufferedReader;
import java.io.IOException;

/** Lines of text, and whether the last one read held bytes its encoding does not decode. */
interface LineSource {
  /** The next line without its line end, or null at the end. */
  String readLine() throws IOException;

  /** What was wrong with the last line's bytes, or null when it decoded cleanly. */
  String badBytes();

  /** The lines of a reader that has decoded them already (every line clean). */
  static LineSource of(BufferedReader reader) {
    return new LineSource() {
      @Override
      public String readLine() throws IOException {
        return reader.readLine();
      }

      @Override
      public String badBytes() {
        return null;
      }
    };
  }
}
