package org.oppmatch.export;

/**
 * Defences for text that comes from outside (enterprise names, opportunity titles, free text) on
 * its way into a spreadsheet or a web page.
 */
public final class SafeText {
  private SafeText() {}

  /** The most characters an Excel cell holds; POI refuses longer strings. */
  public static final int MAX_CELL_CHARS = 32_767;

  /**
   * Whether a spreadsheet would read the text as a formula (OWASP CSV injection): it begins with =
   * + - @, a tab or a carriage return.
   */
  public static boolean looksLikeFormula(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** The text with a leading single quote when a spreadsheet would otherwise evaluate it. */
  public static String neutraliseFormula(String s) {
    return looksLikeFormula(s) ? "'" + s : s;
  }

  /** Cut to what one spreadsheet cell holds, so a huge free-text field cannot fail an export. */
  public static String fitCell(String s) {
    if (s == null || s.length() <= MAX_CELL_CHARS) {
      return s;
    }
    int end = MAX_CELL_CHARS - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  /** HTML-escaped text for element content and quoted attribute values. */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab and line ends are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * A file name for an id that comes from the input: letters, digits, '_', '-' and '.' are kept,
   * anything else (slashes, '..', colons, spaces, Chinese) becomes '_' and a short hash of the id
   * is added so two ids never share a file. Never empty, never starting with '.'.
   */
  public static String fileName(String id) {
    String s = id == null ? "" : id;
    boolean clean = !s.isEmpty() && s.length() <= 100 && s.charAt(0) != '.';
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 100; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      clean &= ok;
      b.append(ok ? c : '_');
    }
    if (clean) {
      return s;
    }
    String base = b.toString().replaceFirst("^\\.+", "_");
    return (base.isEmpty() ? "zone" : base) + "_" + String.format("%08x", s.hashCode());
  }
}
