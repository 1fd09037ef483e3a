package org.oppmatch.export;

import static org.oppmatch.export.SafeText.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report: one static, self-contained HTML page (no server, no script, no external asset)
 * with every zone's lead counts, changes, chain coverage and top leads, the input and quarantine
 * counts and the stage timings. Every text from the data is escaped, and a Content-Security-Policy
 * forbids scripts outright, so a hostile enterprise name can neither inject markup nor run code.
 */
public final class RunReportPage {
  /** Leads shown per zone; the workbook has the whole list. */
  public static final int TOP_LEADS = 5;

  private RunReportPage() {}

  public static void write(RunSummary run, List<ZoneExport> zones, OutputStream out)
      throws IOException {
    out.write(render(run, zones).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public static String render(RunSummary run, List<ZoneExport> zones) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>招商线索运行报告 ")
        .append(html(run.runDate()))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    header(h, run);
    h.append("<main>\n");
    overview(h, run, zones);
    zoneTable(h, run, zones);
    zoneDetails(h, run, zones);
    inputs(h, run);
    stages(h, run);
    h.append("</main>\n<footer>opportunity-engine ")
        .append(html(run.engineVersion()))
        .append(" · Spark ")
        .append(html(run.sparkVersion()))
        .append(" · 配置 SHA-256 <code>")
        .append(html(run.configHash()))
        .append("</code></footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, RunSummary run) {
    h.append("<header class=\"top\"><div class=\"wrap\"><h1>招商线索运行报告</h1><p>运行日期 <b>")
        .append(html(run.runDate()))
        .append("</b>");
    if (!run.status().isEmpty()) {
      h.append(" · 状态 <b>").append(html(run.status())).append("</b>");
    }
    h.append(" · 总耗时 ")
        .append(seconds(run.totalMillis()))
        .append("</p><nav><a href=\"#zones\">各园区</a><a href=\"#details\">线索详情</a>")
        .append("<a href=\"#inputs\">输入与隔离</a><a href=\"#stages\">阶段耗时</a></nav>")
        .append("</div></header>\n");
  }

  private static void overview(StringBuilder h, RunSummary run, List<ZoneExport> zones) {
    long leads = zones.stream().mapToLong(z -> z.leads().size()).sum();
    boolean known = zones.stream().anyMatch(z -> z.changes().known());
    long nodes = zones.stream().mapToLong(z -> z.coverage().size()).sum();
    long gaps = zones.stream().mapToLong(z -> z.uncoveredNodes().size()).sum();
    h.append("<section class=\"cards\" aria-label=\"总览\">");
    card(h, "园区", Long.toString(zones.size()), "");
    card(h, "线索", Long.toString(leads), "");
    for (String t : List.of("A", "B", "C")) {
      card(h, t + " 级", Long.toString(sumTier(zones, t)), "t" + t);
    }
    card(h, "新增", known ? Long.toString(sumChanges(zones, ChangeRow.Kind.NEW)) : "—", "");
    boolean droppedKnown =
        known && zones.stream().allMatch(z -> z.changes().counted(ChangeRow.Kind.DROPPED));
    card(
        h, "移出", droppedKnown ? Long.toString(sumChanges(zones, ChangeRow.Kind.DROPPED)) : "—", "");
    card(h, "无候选环节", gaps + " / " + nodes, gaps > 0 ? "gap" : "");
    h.append("</section>\n");
    if (!known) {
      h.append("<p class=\"note\">没有上次运行的结果可以比较：新增与移出从下次运行起统计。</p>\n");
    } else if (!droppedKnown) {
      h.append("<p class=\"note\">本次运行未提供移出的线索，移出数未统计。</p>\n");
    }
  }

  private static void card(StringBuilder h, String label, String value, String cls) {
    h.append("<div class=\"card ")
        .append(cls)
        .append("\"><span>")
        .append(html(label))
        .append("</span><b>")
        .append(html(value))
        .append("</b></div>");
  }

  private static void zoneTable(StringBuilder h, RunSummary run, List<ZoneExport> zones) {
    h.append("<section id=\"zones\"><h2>各园区</h2>")
        .append("<p class=\"note\">柱图为得分分布（")
        .append(legend(run))
        .append("）；链条覆盖：绿色为有候选企业的环节，红色为没有候选企业的环节。</p>")
        .append("<div class=\"scroll\"><table class=\"zones\"><thead><tr>")
        .append("<th>园区</th><th class=\"opt\">产业生态圈</th><th class=\"n\">线索</th>")
        .append("<th class=\"n\">A</th><th class=\"n\">B</th><th class=\"n\">C</th>")
        .append("<th>链条覆盖</th><th class=\"n\">新增</th><th class=\"n\">移出</th>");
    boolean outcomes = zones.stream().anyMatch(z -> z.outcomes() != null);
    if (outcomes) {
      // 首报首谈: the leads the zone is working, and what its team won and lost
      h.append("<th class=\"n\">跟进中</th><th class=\"n\">已签约落地</th><th class=\"n\">已放弃</th>");
    }
    h.append("<th class=\"opt\">得分分布</th></tr></thead><tbody>\n");
    for (int i = 0; i < zones.size(); i++) {
      ZoneExport z = zones.get(i);
      int covered = z.coverage().size() - z.uncoveredNodes().size();
      h.append("<tr><td><a href=\"#z")
          .append(i)
          .append("\">")
          .append(html(z.zone().displayName()))
          .append("</a></td><td class=\"opt\">")
          .append(html(Labels.ecosystem(z.zone().ecosystem())))
          .append("</td>");
      num(h, z.leads().size());
      for (String t : List.of("A", "B", "C")) {
        num(h, z.countTier(t));
      }
      h.append("<td class=\"covcell\">")
          .append(Svg.coverageBar(covered, z.coverage().size()))
          .append(
              z.coverage().isEmpty()
                  ? "<small>无图谱</small>"
                  : "<small>" + covered + "/" + z.coverage().size() + "</small>")
          .append("</td>");
      changeCount(h, z, ChangeRow.Kind.NEW);
      changeCount(h, z, ChangeRow.Kind.DROPPED);
      if (outcomes) {
        num(h, z.engaged());
        num(h, z.outcomes() == null ? 0 : z.outcomes().won());
        num(h, z.outcomes() == null ? 0 : z.outcomes().lost());
      }
      h.append("<td class=\"opt\">")
          .append(
              Svg.histogram(histogram(z, run), run.tierA(), run.tierB(), false, "得分分布：" + name(z)))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table></div></section>\n");
  }

  private static void zoneDetails(StringBuilder h, RunSummary run, List<ZoneExport> zones) {
    h.append("<section id=\"details\"><h2>线索详情</h2>")
        .append("<p class=\"note\">每个园区的前 ")
        .append(TOP_LEADS)
        .append(" 条线索和产业链环节；完整清单见该园区的 Excel 文件。</p>\n");
    for (int i = 0; i < zones.size(); i++) {
      ZoneExport z = zones.get(i);
      h.append("<details class=\"zone\" id=\"z")
          .append(i)
          .append("\"><summary><span class=\"zn\">")
          .append(html(z.zone().displayName()))
          .append("</span><span class=\"zs\">")
          .append(z.leads().size())
          .append(" 条线索 · A ")
          .append(z.countTier("A"))
          .append(" · 无候选环节 ")
          .append(z.uncoveredNodes().size())
          .append("</span></summary><div class=\"zb\">");
      topLeads(h, z);
      coverage(h, z);
      h.append("<h4>得分分布</h4>")
          .append(
              Svg.histogram(histogram(z, run), run.tierA(), run.tierB(), true, "得分分布：" + name(z)))
          .append("</div></details>\n");
    }
    h.append("</section>\n");
  }

  private static void topLeads(StringBuilder h, ZoneExport z) {
    h.append("<h4>前 ").append(TOP_LEADS).append(" 条线索</h4>");
    if (z.leads().isEmpty()) {
      h.append("<p class=\"note\">本次没有达到分数线的线索。</p>");
      return;
    }
    h.append("<ol class=\"leads\">");
    for (LeadRow l : z.leads().subList(0, Math.min(TOP_LEADS, z.leads().size()))) {
      h.append("<li><div class=\"lh\"><span class=\"rk\">")
          .append(l.rank())
          .append("</span><span class=\"en\">")
          .append(html(l.enterpriseName()))
          .append("</span><span class=\"tier t")
          .append(html(l.tier()))
          .append("\">")
          .append(html(l.tier()))
          .append("</span><span class=\"sc\">")
          .append(Labels.points(l.score()))
          .append(" 分</span><span class=\"role\">")
          .append(html(Labels.chainRole(l.chainRole())))
          .append("</span>");
      if (l.isNew() && z.changes().known()) {
        h.append("<span class=\"new\">新</span>");
      }
      h.append("</div>");
      facts(h, l, z.names());
      h.append("<p>").append(html(l.explanation())).append("</p></li>");
    }
    h.append("</ol>");
  }

  /** The workbook's profile columns that have a value, as 所在城市 成都 · 企业规模 大型 · ... */
  private static void facts(StringBuilder h, LeadRow l, Names names) {
    StringBuilder line = new StringBuilder();
    for (LeadColumn c : PROFILE) {
      Object v = c.value(l, names);
      if (v != null && !v.toString().isBlank()) {
        if (!line.isEmpty()) {
          line.append(" · ");
        }
        line.append("<span>")
            .append(html(c.header()))
            .append(" ")
            .append(html(v.toString()))
            .append("</span>");
      }
    }
    if (!line.isEmpty()) {
      h.append("<p class=\"facts\">").append(line).append("</p>");
    }
  }

  /** What the report says of each lead's enterprise: the lead list's profile columns. */
  private static final List<LeadColumn> PROFILE =
      List.of(
          LeadColumn.PROVINCE,
          LeadColumn.CITY,
          LeadColumn.INDUSTRY_CODE,
          LeadColumn.INDUSTRY_NAME,
          LeadColumn.SIZE_BAND,
          LeadColumn.REVENUE_BAND,
          LeadColumn.EMPLOYEES,
          LeadColumn.TAGS,
          LeadColumn.LEGAL_REPRESENTATIVE,
          LeadColumn.PHONE,
          LeadColumn.EMAIL,
          LeadColumn.WEBSITE,
          LeadColumn.ADDRESS);

  private static void coverage(StringBuilder h, ZoneExport z) {
    h.append("<h4>产业链环节与候选企业</h4>");
    if (z.coverage().isEmpty()) {
      h.append("<p class=\"note\">本园区没有产业链图谱（两图一表）。</p>");
      return;
    }
    int max = z.coverage().stream().mapToInt(NodeCoverage::candidates).max().orElse(0);
    h.append("<div class=\"scroll\"><table class=\"nodes\"><thead><tr><th>环节</th>")
        .append("<th>现状</th><th class=\"n\">候选</th><th class=\"barcell\"></th>")
        .append("</tr></thead><tbody>");
    for (NodeCoverage n : z.coverage()) {
      h.append("<tr")
          .append(n.uncovered() ? " class=\"gaprow\"" : "")
          .append("><td>")
          .append(html(n.nameZh() == null ? n.nodeId() : n.nameZh()))
          .append("</td><td><span class=\"st st-")
          .append(html(n.status()))
          .append("\">")
          .append(html(Labels.nodeStatus(n.status())))
          .append("</span></td>");
      num(h, n.candidates());
      h.append("<td class=\"barcell\">")
          .append(
              n.uncovered()
                  ? "<span class=\"gapbadge\">" + html(n.gapReason()) + "</span>"
                  : Svg.bar(
                      n.candidates(),
                      max,
                      Svg.COVERED,
                      (n.nameZh() == null ? n.nodeId() : n.nameZh())
                          + "："
                          + n.candidates()
                          + " 家候选"))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div>");
  }

  private static void inputs(StringBuilder h, RunSummary run) {
    h.append("<section id=\"inputs\"><h2>输入与隔离</h2><div class=\"scroll\"><table><thead><tr>")
        .append("<th>输入</th><th class=\"opt\">格式</th><th class=\"n\">读取</th>")
        .append("<th class=\"n\">接受</th><th class=\"n\">隔离</th><th class=\"n\">占比</th>")
        .append("<th class=\"opt\">隔离原因</th></tr></thead><tbody>");
    for (RunSummary.InputStat i : run.inputs()) {
      h.append("<tr><td>")
          .append(html(i.name()))
          .append("</td><td class=\"opt\">")
          .append(html(i.format()))
          .append("</td>");
      num(h, i.rowsRead());
      num(h, i.accepted());
      num(h, i.quarantined());
      h.append("<td class=\"n\">")
          .append(String.format(Locale.ROOT, "%.2f%%", 100 * i.quarantineShare()))
          .append("</td><td class=\"opt\">")
          .append(rules(i.quarantinedByRule()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div>");
    Map<String, Long> byRule = run.quarantineByRule();
    if (!byRule.isEmpty()) {
      long max = byRule.values().stream().mapToLong(Long::longValue).max().orElse(1);
      h.append("<h3>按规则的隔离行数</h3><div class=\"scroll\"><table class=\"rules\"><tbody>");
      byRule.forEach(
          (rule, n) -> {
            h.append("<tr><td><code>").append(html(rule)).append("</code></td>");
            num(h, n);
            h.append("<td class=\"barcell\">")
                .append(Svg.bar(n, max, Svg.GAP, rule + "：" + n))
                .append("</td></tr>");
          });
      h.append("</tbody></table></div>");
    }
    if (!run.outputs().isEmpty()) {
      h.append("<h3>输出行数</h3><p>");
      run.outputs()
          .forEach(
              (k, v) ->
                  h.append("<span class=\"kv\">")
                      .append(html(k))
                      .append(" <b>")
                      .append(String.format(Locale.ROOT, "%,d", v))
                      .append("</b></span>"));
      h.append("</p>");
    }
    h.append("</section>\n");
  }

  private static void stages(StringBuilder h, RunSummary run) {
    h.append("<section id=\"stages\"><h2>阶段耗时</h2>");
    if (run.stages().isEmpty()) {
      h.append("<p class=\"note\">清单中没有阶段耗时。</p></section>\n");
      return;
    }
    long max = run.stages().stream().mapToLong(RunSummary.StageStat::millis).max().orElse(1);
    h.append("<div class=\"scroll\"><table class=\"stages\"><thead><tr><th>阶段</th>")
        .append("<th class=\"n\">秒</th><th class=\"n opt\">行数</th><th class=\"barcell\"></th>")
        .append("</tr></thead><tbody>");
    for (RunSummary.StageStat s : run.stages()) {
      h.append("<tr><td><code>")
          .append(html(s.name()))
          .append("</code></td><td class=\"n\">")
          .append(seconds(s.millis()))
          .append("</td><td class=\"n opt\">")
          .append(s.rows() < 0 ? "" : String.format(Locale.ROOT, "%,d", s.rows()))
          .append("</td><td class=\"barcell\">")
          .append(Svg.bar(s.millis(), max, "#1565c0", s.name() + "：" + seconds(s.millis())))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div></section>\n");
  }

  private static String rules(Map<String, Long> byRule) {
    StringBuilder b = new StringBuilder();
    byRule.forEach(
        (k, v) ->
            b.append("<span class=\"kv\"><code>")
                .append(html(k))
                .append("</code> ")
                .append(v)
                .append("</span>"));
    return b.toString();
  }

  private static void num(StringBuilder h, long n) {
    h.append("<td class=\"n\">").append(String.format(Locale.ROOT, "%,d", n)).append("</td>");
  }

  private static void changeCount(StringBuilder h, ZoneExport z, ChangeRow.Kind kind) {
    if (z.changes().counted(kind)) {
      num(h, z.changes().count(kind));
    } else {
      h.append("<td class=\"n muted\">—</td>");
    }
  }

  private static String legend(RunSummary run) {
    return String.format(
        Locale.ROOT,
        "<i class=\"sw tA\"></i>A ≥ %s <i class=\"sw tB\"></i>B ≥ %s <i class=\"sw tC\"></i>C",
        trim(run.tierA()),
        trim(run.tierB()));
  }

  private static Svg.Histogram histogram(ZoneExport z, RunSummary run) {
    return Svg.Histogram.of(z.leads().stream().map(LeadRow::score).toList(), run.minScore());
  }

  private static long sumTier(List<ZoneExport> zones, String tier) {
    return zones.stream().mapToLong(z -> z.countTier(tier)).sum();
  }

  private static long sumChanges(List<ZoneExport> zones, ChangeRow.Kind kind) {
    return zones.stream().mapToLong(z -> z.changes().count(kind)).sum();
  }

  private static String name(ZoneExport z) {
    return z.zone().displayName();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static final String CSS =
      """
      :root{--fg:#1f2933;--muted:#5f6b76;--line:#e1e6eb;--bg:#f5f7f9;--card:#fff;\
      --head:#0d3b66;--a:#2e7d32;--b:#e0a100;--c:#9aa0a6;--gap:#c62828}
      *{box-sizing:border-box}
      html{-webkit-text-size-adjust:100%}
      body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.6 system-ui,-apple-system,\
      "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",\
      "WenQuanYi Zen Hei",sans-serif}
      .wrap,main{max-width:1120px;margin:0 auto;padding:0 16px}
      header.top{background:var(--head);color:#fff;padding:18px 0 10px}
      header.top h1{margin:0;font-size:24px;letter-spacing:.02em}
      header.top p{margin:4px 0 8px;opacity:.9}
      nav a{color:#fff;margin-right:14px;text-decoration:none;border-bottom:1px solid #ffffff66;\
      display:inline-block;margin-bottom:4px}
      main{padding-top:16px;padding-bottom:24px}
      h2{font-size:20px;margin:28px 0 8px;border-left:4px solid var(--head);padding-left:8px}
      h3{font-size:16px;margin:18px 0 6px}
      h4{font-size:14px;margin:14px 0 6px;color:var(--muted)}
      a{color:#0b5cad}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
      .note,.muted{color:var(--muted)}
      .note{font-size:13px;margin:4px 0 10px}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(110px,1fr));gap:10px}
      .card{background:var(--card);border:1px solid var(--line);border-radius:8px;\
      padding:8px 12px}
      .card span{display:block;color:var(--muted);font-size:13px}
      .card b{display:block;font-size:22px;font-variant-numeric:tabular-nums;white-space:nowrap}
      .card.tA b{color:var(--a)} .card.tB b{color:#9c6b00} .card.tC b{color:#5f6368}
      .card.gap b{color:var(--gap)}
      .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
      table{border-collapse:collapse;width:100%;background:var(--card);font-size:14px}
      th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;\
      vertical-align:middle}
      th{background:#eef2f6;font-weight:600;white-space:nowrap}
      .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      svg.spark{width:150px;height:32px;display:block}
      svg.hist{width:100%;max-width:600px;height:auto;display:block}
      svg.cov{width:120px;height:12px;vertical-align:middle;margin-right:6px}
      svg.bar{width:100%;min-width:80px;height:10px;display:block}
      svg .lbl{font-size:11px;fill:#5f6b76}
      .covcell{white-space:nowrap}
      table.zones td:first-child{min-width:9em}
      .barcell{width:40%}
      i.sw{display:inline-block;width:10px;height:10px;margin:0 3px 0 8px;vertical-align:-1px}
      i.sw.tA{background:var(--a)} i.sw.tB{background:var(--b)} i.sw.tC{background:var(--c)}
      details.zone{background:var(--card);border:1px solid var(--line);border-radius:8px;\
      margin:8px 0}
      details.zone>summary{cursor:pointer;padding:10px 12px;display:flex;flex-wrap:wrap;\
      gap:4px 12px;align-items:baseline;list-style:none}
      details.zone>summary::-webkit-details-marker{display:none}
      details.zone>summary::before{content:"▸";color:var(--muted);width:1em}
      details.zone[open]>summary::before{content:"▾"}
      details.zone[open]>summary{border-bottom:1px solid var(--line)}
      .zn{font-weight:600}
      .zs{color:var(--muted);font-size:13px}
      .zb{padding:4px 12px 12px}
      ol.leads{list-style:none;margin:0;padding:0}
      ol.leads li{border-bottom:1px solid var(--line);padding:8px 0}
      ol.leads li:last-child{border-bottom:0}
      ol.leads p{margin:4px 0 0;font-size:14px}
      ol.leads p.facts{font-size:13px;color:var(--muted)}
      .lh{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
      .rk{font-weight:700;color:var(--head);min-width:1.5em}
      .en{font-weight:600;overflow-wrap:anywhere}
      .tier{border-radius:4px;padding:0 6px;font-weight:700;font-size:13px}
      .tier.tA{background:#c6efce;color:#006100} .tier.tB{background:#ffeb9c;color:#9c5700}
      .tier.tC{background:#e7e6e6;color:#404040}
      .sc{font-variant-numeric:tabular-nums}
      .role{font-size:13px;color:var(--muted)}
      .new{font-size:12px;background:#e3f2fd;color:#0d47a1;border-radius:4px;padding:0 5px}
      .st{font-size:13px;border-radius:4px;padding:0 6px}
      .st-missing{background:#ffebee;color:var(--gap)} .st-weak{background:#fff6dd;color:#8a5a00}
      .st-strong{background:#e8f5e9;color:#1b5e20}
      tr.gaprow td:first-child{color:var(--gap);font-weight:600}
      .gapbadge{color:var(--gap);font-size:13px;font-weight:600}
      .kv{display:inline-block;margin:0 12px 2px 0;white-space:nowrap}
      footer{color:var(--muted);font-size:12px;text-align:center;padding:16px;\
      overflow-wrap:anywhere}
      @media (max-width:640px){
      body{font-size:14px}
      .opt{display:none}
      header.top h1{font-size:20px}
      th,td{padding:5px 6px}
      svg.cov{width:56px}
      table.zones td:first-child{min-width:7.5em}
      .barcell{width:30%}
      }
      """;
}
