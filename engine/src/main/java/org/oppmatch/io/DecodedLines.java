package org.oppmatch.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text file in its encoding, decoded strictly, one line at a time: a line is split
 * off at the byte level (a '\n' unit, with a '\r' before it dropped), then decoded. Bytes that do
 * not decode are never replaced by U+FFFD: the line shows each as {@code \xNN}, and {@link
 * #badBytes()} says so, so that the record they belong to goes to the quarantine as {@code
 * bad_encoding} and its neighbours are read as usual.
 */
final class DecodedLines implements LineSource, Closeable {
  private final InputStream in;
  private final TextEncoding encoding;
  private final CharsetDecoder decoder;
  private final int unit;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean eof;
  private byte[] line = new byte[256];
  private CharBuffer chars = CharBuffer.allocate(256);
  private String badBytes;

  /**
   * @param skip bytes of byte-order mark at the start of the stream
   */
  DecodedLines(InputStream in, TextEncoding encoding, int skip) throws IOException {
    this.in = in;
    this.encoding = encoding;
    this.decoder = encoding.strictDecoder();
    this.unit = encoding.unit();
    long skipped = 0;
    while (skipped < skip) {
      long n = in.skip(skip - skipped);
      if (n <= 0) {
        break;
      }
      skipped += n;
    }
  }

  /** The next line without its line end, or null at the end of the file. */
  @Override
  public String readLine() throws IOException {
    badBytes = null;
    int n = 0;
    while (true) {
      if (position + unit > limit && !fill()) {
        if (n == 0) {
          return null;
        }
        break;
      }
      if (position + unit > limit) {
        // an odd byte at the end of a UTF-16 file: part of the line, undecodable
        line = grow(line, n + 1);
        line[n++] = buffer[position++];
        continue;
      }
      boolean newline =
          unit == 1
              ? buffer[position] == '\n'
              : isUnit(buffer[position], buffer[position + 1], '\n');
      if (newline) {
        position += unit;
        break;
      }
      line = grow(line, n + unit);
      for (int k = 0; k < unit; k++) {
        line[n++] = buffer[position++];
      }
    }
    if (n >= unit
        && (unit == 1 ? line[n - 1] == '\r' : isUnit(line[n - unit], line[n - unit + 1], '\r'))) {
      n -= unit;
    }
    return decode(n);
  }

  /** Why the last line read is not clean text (its bad bytes), or null when it is. */
  @Override
  public String badBytes() {
    return badBytes;
  }

  private boolean isUnit(byte a, byte b, char c) {
    return encoding == TextEncoding.UTF_16LE ? a == c && b == 0 : a == 0 && b == c;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (position < limit) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
    }
    limit -= position;
    position = 0;
    int r = in.read(buffer, limit, buffer.length - limit);
    if (r < 0) {
      eof = true;
      return limit > 0;
    }
    limit += r;
    return true;
  }

  private String decode(int n) {
    if (unit == 1) {
      boolean ascii = true;
      for (int i = 0; i < n && ascii; i++) {
        ascii = line[i] >= 0;
      }
      if (ascii) {
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
      }
    }
    decoder.reset();
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, n);
    if (chars.capacity() < n + 16) {
      chars = CharBuffer.allocate(n + 16);
    }
    chars.clear();
    StringBuilder bad = null;
    while (true) {
      CoderResult r = decoder.decode(bytes, chars, true);
      if (r.isOverflow()) {
        chars = grow(chars);
        continue;
      }
      if (r.isError()) {
        if (bad == null) {
          bad = new StringBuilder();
        }
        for (int k = 0; k < r.length(); k++) {
          String hex = String.format("\\x%02X", bytes.get() & 0xff);
          bad.append(hex.substring(2)).append(' ');
          while (chars.remaining() < 4) {
            chars = grow(chars);
          }
          chars.put(hex);
        }
        continue;
      }
      break;
    }
    while (decoder.flush(chars).isOverflow()) {
      chars = grow(chars);
    }
    chars.flip();
    if (bad != null) {
      badBytes = "bytes " + bad.toString().trim() + " are not " + encoding.key();
    }
    return chars.toString();
  }

  private static byte[] grow(byte[] a, int needed) {
    return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
  }

  private static CharBuffer grow(CharBuffer c) {
    CharBuffer bigger = CharBuffer.allocate(c.capacity() * 2 + 16);
    c.flip();
    bigger.put(c);
    return bigger;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
