package org.oppmatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static CsvRecordReader reader(String text) {
    return new CsvRecordReader(new BufferedReader(new StringReader(text)), -1);
  }

  /** Reads the header, then every remaining record. */
  private static List<CsvRecordReader.Record> recordsAfterHeader(String text) {
    CsvRecordReader r = reader(text);
    assertNotNull(r.readHeader(), "header");
    List<CsvRecordReader.Record> out = new ArrayList<>();
    while (r.hasNext()) {
      out.add(r.next());
    }
    return out;
  }

  private static void assertRecord(CsvRecordReader.Record r, long line, String... fields) {
    assertNull(r.malformed(), () -> "line " + r.line() + " should be well-formed: " + r);
    assertEquals(line, r.line(), () -> "line number of " + r);
    assertEquals(Arrays.asList(fields), r.fields());
  }

  private static void assertMalformed(CsvRecordReader.Record r, long line, String text) {
    assertNotNull(r.malformed(), () -> "line " + r.line() + " should be malformed: " + r);
    assertNull(r.fields());
    assertEquals(line, r.line());
    assertEquals(text, r.text());
  }

  @Test
  void headerDropsUtf8BomAndCrlfLineEnds() {
    CsvRecordReader r = reader("\uFEFFid,name\r\n1,成都\r\n2,德阳\r\n");
    assertEquals(List.of("id", "name"), r.readHeader());
    assertRecord(r.next(), 2, "1", "成都");
    assertRecord(r.next(), 3, "2", "德阳");
    assertFalse(r.hasNext());
  }

  @Test
  void headerNamesAreTrimmed() {
    assertEquals(List.of("id", "name"), reader(" id , name \n").readHeader());
  }

  @Test
  void headerOfEmptyInputIsNull() {
    assertNull(reader("").readHeader());
    assertNull(reader("\n  \n").readHeader());
  }

  @Test
  void headerSetsTheExpectedFieldCount() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("a,b\n1,2\n1,2,3\n");
    assertRecord(recs.get(0), 2, "1", "2");
    assertMalformed(recs.get(1), 3, "1,2,3");
  }

  @Test
  void withoutHeaderAnyFieldCountIsAccepted() {
    CsvRecordReader r = reader("1\n1,2\n1,2,3\n");
    assertRecord(r.next(), 1, "1");
    assertRecord(r.next(), 2, "1", "2");
    assertRecord(r.next(), 3, "1", "2", "3");
    assertFalse(r.hasNext());
  }

  @Test
  void quotedFieldsKeepCommasAndUndoubleQuotes() {
    List<CsvRecordReader.Record> recs =
        recordsAfterHeader(
            "id,city,quote\n1,\"Chengdu, Sichuan\",\"He said \"\"hi\"\"\"\n2,\"\"\"\",plain\n");
    assertRecord(recs.get(0), 2, "1", "Chengdu, Sichuan", "He said \"hi\"");
    assertRecord(recs.get(1), 3, "2", "\"", "plain");
    assertEquals(2, recs.size());
  }

  @Test
  void quoteInsideAnUnquotedFieldIsKeptAsText() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("a,b\n5\" pipe,x\n");
    assertRecord(recs.get(0), 2, "5\" pipe", "x");
  }

  @Test
  void quotedFieldMaySpanLines() {
    List<CsvRecordReader.Record> recs =
        recordsAfterHeader("id,note\n1,\"first line\nsecond line\"\n2,next\n");
    assertEquals(2, recs.size());
    CsvRecordReader.Record spanning = recs.get(0);
    assertRecord(spanning, 2, "1", "first line\nsecond line");
    assertEquals("1,\"first line\nsecond line\"", spanning.text());
    assertRecord(recs.get(1), 4, "2", "next");
  }

  @Test
  void quotedFieldMaySpanSeveralLinesIncludingBlankOnes() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("id,note\n1,\"a\n\nb\nc\"\n2,x\n");
    assertRecord(recs.get(0), 2, "1", "a\n\nb\nc");
    assertRecord(recs.get(1), 6, "2", "x");
  }

  @Test
  void recordMaySpanUpToTheLineLimit() {
    StringBuilder text = new StringBuilder("id,note\n1,\"start");
    for (int i = 2; i < CsvRecordReader.MAX_RECORD_LINES; i++) {
      text.append("\nx");
    }
    text.append("\nend\"\n2,after\n");
    List<CsvRecordReader.Record> recs = recordsAfterHeader(text.toString());
    assertEquals(2, recs.size());
    assertNull(recs.get(0).malformed());
    assertEquals(2, recs.get(0).line());
    assertTrue(recs.get(0).fields().get(1).endsWith("\nend"));
    assertRecord(recs.get(1), 2 + CsvRecordReader.MAX_RECORD_LINES, "2", "after");
  }

  @Test
  void recordLongerThanTheLineLimitIsMalformedAndLaterLinesAreStillRead() {
    StringBuilder text = new StringBuilder("id,note\n1,\"start");
    for (int i = 1; i < CsvRecordReader.MAX_RECORD_LINES; i++) {
      text.append("\nx,y");
    }
    text.append("\nend\"\n2,after\n");
    List<CsvRecordReader.Record> recs = recordsAfterHeader(text.toString());
    assertMalformed(recs.get(0), 2, "1,\"start");
    assertEquals("unterminated quoted field", recs.get(0).malformed());
    // the lines it swallowed come back as records of their own
    for (int i = 1; i < CsvRecordReader.MAX_RECORD_LINES; i++) {
      assertRecord(recs.get(i), 2 + i, "x", "y");
    }
    CsvRecordReader.Record last = recs.get(recs.size() - 1);
    assertRecord(last, 3 + CsvRecordReader.MAX_RECORD_LINES, "2", "after");
  }

  @Test
  void blankLinesAreSkippedButCounted() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("id,v\n\n1,a\n   \n\t\n2,b\n\n");
    assertEquals(2, recs.size());
    assertRecord(recs.get(0), 3, "1", "a");
    assertRecord(recs.get(1), 6, "2", "b");
  }

  @Test
  void blankLinesBeforeTheHeaderAreCounted() {
    CsvRecordReader r = reader("\n\nid,v\n1,a\n");
    assertEquals(List.of("id", "v"), r.readHeader());
    assertRecord(r.next(), 4, "1", "a");
  }

  @Test
  void wrongFieldCountIsMalformedAndNeighboursAreRead() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("a,b,c\n1,2,3\n1,2\n1,2,3,4\n4,5,6\n");
    assertEquals(4, recs.size());
    assertRecord(recs.get(0), 2, "1", "2", "3");
    assertMalformed(recs.get(1), 3, "1,2");
    assertEquals("expected 3 fields, found 2", recs.get(1).malformed());
    assertMalformed(recs.get(2), 4, "1,2,3,4");
    assertEquals("expected 3 fields, found 4", recs.get(2).malformed());
    assertRecord(recs.get(3), 5, "4", "5", "6");
  }

  @Test
  void unterminatedQuoteMakesOnlyThatLineMalformed() {
    List<CsvRecordReader.Record> recs =
        recordsAfterHeader("id,name\n1,ok\n2,\"broken\n3,fine\n4,also fine\n");
    assertEquals(4, recs.size());
    assertRecord(recs.get(0), 2, "1", "ok");
    assertMalformed(recs.get(1), 3, "2,\"broken");
    assertEquals("unterminated quoted field", recs.get(1).malformed());
    assertRecord(recs.get(2), 4, "3", "fine");
    assertRecord(recs.get(3), 5, "4", "also fine");
  }

  @Test
  void unterminatedQuoteDoesNotSwallowALaterQuotedLine() {
    // the later line's opening quote would close the broken field, leaving text after it
    List<CsvRecordReader.Record> recs =
        recordsAfterHeader("id,name\n1,\"broken\n2,fine\n3,\"quoted, ok\"\n4,last\n");
    assertEquals(4, recs.size());
    assertMalformed(recs.get(0), 2, "1,\"broken");
    assertRecord(recs.get(1), 3, "2", "fine");
    assertRecord(recs.get(2), 4, "3", "quoted, ok");
    assertRecord(recs.get(3), 5, "4", "last");
  }

  @Test
  void unterminatedQuoteOnTheLastLineIsMalformed() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("id,name\n1,ok\n2,\"broken");
    assertEquals(2, recs.size());
    assertRecord(recs.get(0), 2, "1", "ok");
    assertMalformed(recs.get(1), 3, "2,\"broken");
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    List<CsvRecordReader.Record> recs =
        recordsAfterHeader("id,name\n1,\"abc\"def\n2,\"ok\"  \n3,\"x\" ,y\n");
    assertEquals(3, recs.size());
    assertMalformed(recs.get(0), 2, "1,\"abc\"def");
    assertTrue(recs.get(0).malformed().contains("after a closing quote"), recs.get(0).malformed());
    assertRecord(recs.get(1), 3, "2", "ok"); // spaces after the closing quote are allowed
    assertMalformed(recs.get(2), 4, "3,\"x\" ,y"); // 3 fields
  }

  @Test
  void emptyUnquotedFieldIsNullButQuotedEmptyIsEmptyString() {
    List<CsvRecordReader.Record> recs = recordsAfterHeader("a,b,c\nx,,\"\"\n,\"\",\n");
    assertEquals(Arrays.asList("x", null, ""), recs.get(0).fields());
    assertEquals(Arrays.asList(null, "", null), recs.get(1).fields());
  }

  @Test
  void nextAfterTheEndThrows() {
    CsvRecordReader r = reader("id\n1\n");
    r.readHeader();
    assertRecord(r.next(), 2, "1");
    assertFalse(r.hasNext());
    assertThrows(NoSuchElementException.class, r::next);
  }
}
