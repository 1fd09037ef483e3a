package org.oppmatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void formulaStartsAreTheOwaspSet() {
    for (String s : new String[] {"=1", "+1", "-1", "@a", "\tx", "\rx"}) {
      assertTrue(SafeText.looksLikeFormula(s), s);
      assertEquals("'" + s, SafeText.neutraliseFormula(s));
    }
    for (String s : new String[] {"", "a=1", " =1", "中航", "'=1"}) {
      assertFalse(SafeText.looksLikeFormula(s), s);
      assertEquals(s, SafeText.neutraliseFormula(s));
    }
  }

  @Test
  void htmlEscapesMarkupAndQuotes() {
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt;", SafeText.html("<script>alert(1)</script>"));
    assertEquals("a&amp;b &quot;c&quot; &#39;d&#39;", SafeText.html("a&b \"c\" 'd'"));
    assertEquals("x\uFFFDy", SafeText.html("x\u0000y"));
    assertEquals("", SafeText.html(null));
  }

  @Test
  void fileNamesNeverLeaveTheDirectory() {
    assertEquals("cd_kongtian", SafeText.fileName("cd_kongtian"));
    String up = SafeText.fileName("../../etc/passwd");
    assertFalse(up.contains("/"), up);
    assertFalse(up.startsWith("."), up);
    String chinese = SafeText.fileName("空天");
    assertTrue(chinese.matches("[A-Za-z0-9_.-]+"), chinese);
    assertNotEquals(SafeText.fileName("a/b"), SafeText.fileName("a:b"), "distinct ids, files");
    assertFalse(SafeText.fileName("").isEmpty());
    assertEquals(SafeText.fileName("a/b"), SafeText.fileName("a/b"), "stable across runs");
  }
}
