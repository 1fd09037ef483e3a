package org.oppmatch.io;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encoding of a CSV or JSON Lines input (data-contract.md, version 3, "files, encodings and
 * bytes"): UTF-8, with or without a byte-order mark; GB18030 (which covers GBK and GB2312, what
 * Chinese Excel writes for "CSV"), for a file that is not valid UTF-8 but decodes cleanly as
 * GB18030; UTF-16 of either byte order when a byte-order mark says so. The configuration key {@code
 * inputs.encoding} forces one ({@code auto}, {@code utf-8}, {@code gb18030}, {@code utf-16}).
 */
public enum TextEncoding {
  UTF_8("utf-8", StandardCharsets.UTF_8, 1),
  GB18030("gb18030", Charset.forName("GB18030"), 1),
  UTF_16LE("utf-16le", StandardCharsets.UTF_16LE, 2),
  UTF_16BE("utf-16be", StandardCharsets.UTF_16BE, 2);

  /** How much of a file auto-detection reads. */
  static final int SAMPLE_BYTES = 1 << 20;

  /** The values of {@code inputs.encoding}. */
  public static final java.util.List<String> SETTINGS =
      java.util.List.of("auto", "utf-8", "gb18030", "utf-16");

  private final String key;
  private final Charset charset;
  private final int unit;

  TextEncoding(String key, Charset charset, int unit) {
    this.key = key;
    this.charset = charset;
    this.unit = unit;
  }

  /** The name the manifest records. */
  public String key() {
    return key;
  }

  public Charset charset() {
    return charset;
  }

  /** Bytes per code unit: a line ends at a unit that is '\n'. */
  int unit() {
    return unit;
  }

  /** A decoder that reports bad bytes instead of replacing them. */
  CharsetDecoder strictDecoder() {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** A file's encoding and how many bytes of byte-order mark it starts with. */
  public record Detected(TextEncoding encoding, int bom) implements java.io.Serializable {}

  /**
   * The encoding of a file from its first bytes: a byte-order mark decides; else, under {@code
   * auto}, UTF-8 when the sample is valid UTF-8, GB18030 when it is not but decodes cleanly as
   * GB18030, else UTF-8 (its bad bytes are quarantined row by row as {@code bad_encoding}).
   *
   * @param setting the value of {@code inputs.encoding}
   * @param head the file's first bytes (up to {@link #SAMPLE_BYTES})
   * @param length how many of them there are
   * @param whole whether they are the whole file (else a sequence cut at the end is no error)
   */
  public static Detected detect(String setting, byte[] head, int length, boolean whole) {
    String s = setting == null ? "auto" : setting.toLowerCase(Locale.ROOT);
    boolean utf8Bom =
        length >= 3
            && (head[0] & 0xff) == 0xef
            && (head[1] & 0xff) == 0xbb
            && (head[2] & 0xff) == 0xbf;
    boolean le = length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe;
    boolean be = length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff;
    switch (s) {
      case "utf-8":
        return new Detected(UTF_8, utf8Bom ? 3 : 0);
      case "gb18030":
        return new Detected(GB18030, 0);
      case "utf-16":
        if (le || be) {
          return new Detected(le ? UTF_16LE : UTF_16BE, 2);
        }
        return new Detected(zerosAtEvenPositions(head, length) ? UTF_16BE : UTF_16LE, 0);
      default:
        break;
    }
    if (utf8Bom) {
      return new Detected(UTF_8, 3);
    }
    if (le || be) {
      return new Detected(le ? UTF_16LE : UTF_16BE, 2);
    }
    if (decodesCleanly(UTF_8, head, length, whole)) {
      return new Detected(UTF_8, 0);
    }
    if (decodesCleanly(GB18030, head, length, whole)) {
      return new Detected(GB18030, 0);
    }
    return new Detected(UTF_8, 0);
  }

  /** Whether UTF-16 text's zero bytes come first in each unit (big-endian Latin and CJK text). */
  private static boolean zerosAtEvenPositions(byte[] head, int length) {
    int even = 0;
    int odd = 0;
    for (int i = 0; i < length; i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    return even > odd;
  }

  /**
   * Whether the bytes decode without an error; a sequence cut off at the end of a sample (not the
   * whole file) is no error.
   */
  static boolean decodesCleanly(TextEncoding e, byte[] bytes, int length, boolean whole) {
    CharsetDecoder d = e.strictDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = d.decode(in, out, whole);
      if (r.isError()) {
        return false;
      }
      if (r.isOverflow()) {
        out.clear();
        continue;
      }
      return !whole || !d.flush(out).isError();
    }
  }
}
