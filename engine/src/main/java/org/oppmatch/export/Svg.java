package org.oppmatch.export;

import static org.oppmatch.export.SafeText.html;

import java.util.List;
import java.util.Locale;

/** The report's small inline SVG charts; every label goes through HTML escaping. */
final class Svg {
  private Svg() {}

  static final String TIER_A = "#2e7d32";
  static final String TIER_B = "#e0a100";
  static final String TIER_C = "#9aa0a6";
  static final String COVERED = "#2e7d32";
  static final String GAP = "#c62828";

  /** Score bins of 5 points from just below the list threshold up to 100. */
  record Histogram(double start, double width, int[] counts) {
    static Histogram of(List<Double> scores, double minScore) {
      double width = 5;
      double start = Math.max(0, Math.min(95, Math.floor(minScore / width) * width));
      int bins = (int) Math.round((100 - start) / width);
      int[] counts = new int[bins];
      for (double s : scores) {
        int i = (int) Math.floor((s - start) / width);
        counts[Math.max(0, Math.min(bins - 1, i))]++;
      }
      return new Histogram(start, width, counts);
    }

    int max() {
      int m = 0;
      for (int c : counts) {
        m = Math.max(m, c);
      }
      return m;
    }

    double low(int bin) {
      return start + bin * width;
    }
  }

  static String tierColour(double low, double tierA, double tierB) {
    return low >= tierA ? TIER_A : low >= tierB ? TIER_B : TIER_C;
  }

  /** A histogram; {@code large} adds counts and an axis. */
  static String histogram(
      Histogram h, double tierA, double tierB, boolean large, String accessibleName) {
    int n = h.counts().length;
    int w = large ? 600 : 150;
    int top = large ? 16 : 2;
    int axis = large ? 20 : 0;
    int barArea = large ? 130 : 28;
    int height = top + barArea + axis;
    double slot = (double) w / n;
    int max = Math.max(1, h.max());
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
                + "<title>%s</title>",
            large ? "hist" : "spark",
            w,
            height,
            html(accessibleName),
            html(accessibleName)));
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c8ced4\"/>",
            top + barArea,
            w,
            top + barArea));
    for (int i = 0; i < n; i++) {
      int c = h.counts()[i];
      double bh = c == 0 ? 0 : Math.max(1.5, (double) c / max * barArea);
      double x = i * slot + 0.5;
      String range = fmt(h.low(i)) + "–" + fmt(h.low(i) + h.width());
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
              x,
              top + barArea - bh,
              Math.max(0.5, slot - 1),
              bh,
              tierColour(h.low(i), tierA, tierB)));
      // a tooltip per bar only on the large chart: 51 sparklines of them would double the page
      b.append(large ? "<title>" + range + " 分：" + c + " 家</title></rect>" : "</rect>");
      if (large && c > 0) {
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" class=\"lbl\" text-anchor=\"middle\">%d</text>",
                x + slot / 2,
                top + barArea - bh - 3,
                c));
      }
      if (large && i % 2 == 0) {
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" class=\"lbl\">%s</text>",
                x,
                top + barArea + 14,
                fmt(h.low(i))));
      }
    }
    return b.append("</svg>").toString();
  }

  /** A bar split into the nodes with candidates (green) and without (red). */
  static String coverageBar(int covered, int total) {
    int w = 120;
    double cw = total == 0 ? 0 : (double) covered / total * w;
    String label = total == 0 ? "无产业链图谱" : covered + " / " + total + " 个环节有候选企业";
    return String.format(
        Locale.ROOT,
        "<svg class=\"cov\" viewBox=\"0 0 %d 12\" role=\"img\" aria-label=\"%s\"><title>%s</title>"
            + "<rect width=\"%d\" height=\"12\" rx=\"2\" fill=\"%s\"/>"
            + "<rect width=\"%.1f\" height=\"12\" rx=\"2\" fill=\"%s\"/></svg>",
        w,
        html(label),
        html(label),
        w,
        total == 0 ? "#e1e6eb" : GAP,
        cw,
        COVERED);
  }

  /** A horizontal bar of {@code value} against {@code max}, for a table cell. */
  static String bar(double value, double max, String colour, String accessibleName) {
    double pct = max <= 0 ? 0 : Math.max(0, Math.min(100, value / max * 100));
    return String.format(
        Locale.ROOT,
        "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\""
            + " aria-label=\"%s\"><title>%s</title>"
            + "<rect width=\"100\" height=\"10\" fill=\"#eef1f4\"/>"
            + "<rect width=\"%.2f\" height=\"10\" fill=\"%s\"/></svg>",
        html(accessibleName),
        html(accessibleName),
        pct,
        colour);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }
}
