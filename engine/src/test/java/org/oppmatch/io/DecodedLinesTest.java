package org.oppmatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a file's bytes become lines: its encoding detected, every bad byte shown, never replaced. */
class DecodedLinesTest {
  static final Charset GB18030 = Charset.forName("GB18030");
  static final String TEXT = "enterprise_id,name\r\nE1,成都涡轮动力股份有限公司\r\nE2,芯谷科技\r\n";

  static TextEncoding.Detected detect(String setting, byte[] bytes) {
    return TextEncoding.detect(setting, bytes, bytes.length, true);
  }

  static List<String> lines(byte[] bytes, TextEncoding.Detected d, List<String> bad)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (DecodedLines r =
        new DecodedLines(new ByteArrayInputStream(bytes), d.encoding(), d.bom())) {
      String l;
      while ((l = r.readLine()) != null) {
        out.add(l);
        bad.add(r.badBytes());
      }
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  @Test
  void eachEncodingIsKnownByItsBytes() {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertEquals(new TextEncoding.Detected(TextEncoding.UTF_8, 0), detect("auto", utf8));
    byte[] bom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8);
    assertEquals(new TextEncoding.Detected(TextEncoding.UTF_8, 3), detect("auto", bom));
    // what Chinese Excel saves as "CSV": GBK, a part of GB18030
    byte[] gbk = TEXT.getBytes(GB18030);
    assertEquals(new TextEncoding.Detected(TextEncoding.GB18030, 0), detect("auto", gbk));
    byte[] le =
        concat(new byte[] {(byte) 0xff, (byte) 0xfe}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(new TextEncoding.Detected(TextEncoding.UTF_16LE, 2), detect("auto", le));
    byte[] be =
        concat(new byte[] {(byte) 0xfe, (byte) 0xff}, TEXT.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(new TextEncoding.Detected(TextEncoding.UTF_16BE, 2), detect("auto", be));
    // forced: inputs.encoding
    assertEquals(TextEncoding.GB18030, detect("gb18030", utf8).encoding());
    assertEquals(TextEncoding.UTF_8, detect("utf-8", gbk).encoding());
    assertEquals(
        TextEncoding.UTF_16LE,
        detect("utf-16", TEXT.getBytes(StandardCharsets.UTF_16LE)).encoding(),
        "no mark: the zero bytes say the order");
  }

  @Test
  void aSampleCutInsideACharacterIsStillUtf8() {
    byte[] utf8 = "成都成都".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        TextEncoding.UTF_8, TextEncoding.detect("auto", utf8, utf8.length - 1, false).encoding());
  }

  @Test
  void linesDecodeInTheirEncodingWithoutTheirLineEnds() throws IOException {
    for (String setting : List.of("utf-8", "gb18030")) {
      byte[] bytes = TEXT.getBytes(detect(setting, new byte[0]).encoding().charset());
      List<String> bad = new ArrayList<>();
      assertEquals(
          List.of("enterprise_id,name", "E1,成都涡轮动力股份有限公司", "E2,芯谷科技"),
          lines(bytes, detect(setting, bytes), bad),
          setting);
      assertEquals(List.of(), bad.stream().filter(b -> b != null).toList());
    }
    byte[] le =
        concat(new byte[] {(byte) 0xff, (byte) 0xfe}, TEXT.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(
        List.of("enterprise_id,name", "E1,成都涡轮动力股份有限公司", "E2,芯谷科技"),
        lines(le, detect("auto", le), new ArrayList<>()));
  }

  @Test
  void badBytesAreShownAsHexAndNamedNeverReplaced() throws IOException {
    byte[] bytes =
        concat(
            "E1,Bad".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xff, (byte) 0xfe},
            "Name\nE2,好\n".getBytes(StandardCharsets.UTF_8));
    List<String> bad = new ArrayList<>();
    List<String> lines = lines(bytes, new TextEncoding.Detected(TextEncoding.UTF_8, 0), bad);
    assertEquals(List.of("E1,Bad\\xFF\\xFEName", "E2,好"), lines);
    assertEquals("bytes FF FE are not utf-8", bad.get(0));
    assertNull(bad.get(1), "the next line is clean");
    assertTrue(lines.stream().noneMatch(l -> l.indexOf('\uFFFD') >= 0));
  }
}
