package org.oppmatch.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oppmatch.model.IndustryNames;
import org.oppmatch.model.Tag;

/**
 * The registry-style example (data/registry-sample/): the bundled sample's firms as a market
 * regulator's or a commercial database's export gives them, and its zones and opportunities as the
 * workbooks staff keep. The enterprises workbook has Chinese headers and no enterprise_id; its
 * industry is the class's name, its money 万元 and 亿元 (a few firms in 万美元), its dates date cells;
 * some firms are deregistered (注销) or revoked (吊销); each has the contacts a team calls.
 * Deterministic: the same sample gives the same cells. Usage: {@code RegistrySample SAMPLE_DIR
 * OUT_DIR}.
 */
public final class RegistrySample {
  /** Every this many clean sample rows with a USCC, one registry row. */
  static final int EVERY = 5;

  static final long SEED = 20261120L;

  /** The enterprises workbook's columns, as a registry export names them. */
  public static final List<String> COLUMNS =
      List.of(
          "统一社会信用代码",
          "企业名称",
          "登记状态",
          "法定代表人",
          "注册资本",
          "成立日期",
          "所属行业",
          "经营范围",
          "主营产品",
          "参保人数",
          "营业收入",
          "所属省份",
          "所属城市",
          "企业标签",
          "电话",
          "邮箱",
          "网址",
          "企业地址",
          "更新日期");

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "勇", "军", "杰", "涛"
  };
  private static final String[] ROADS = {"天府大道", "科园南路", "蜀锦路", "创新路", "双楠路", "盛邦街"};

  private RegistrySample() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RegistrySample SAMPLE_DIR OUT_DIR");
      System.exit(2);
    }
    System.out.println(write(Path.of(args[0]), Path.of(args[1])));
  }

  /** Writes the example from the sample and says what it wrote. */
  public static String write(Path sample, Path out) throws IOException {
    Files.createDirectories(out);
    List<Map<String, String>> firms = firms(sample);
    workbook(out.resolve("enterprises.xlsx"), "企业登记信息", COLUMNS, firms);
    List<Map<String, String>> zones = Csv.readRows(sample.resolve("zones.csv"));
    workbook(out.resolve("zones.xlsx"), "产业功能区", header(zones), zones);
    List<Map<String, String>> opps = opportunities(sample.resolve("opportunities.jsonl"));
    workbook(out.resolve("opportunities.xlsx"), "场景机会清单", header(opps), opps);
    for (String chain : List.of("chain_nodes.csv", "zone_chain.csv")) {
      Files.copy(sample.resolve(chain), out.resolve(chain), StandardCopyOption.REPLACE_EXISTING);
    }
    long inactive =
        firms.stream()
            .filter(f -> !f.get("登记状态").startsWith("存续") && !f.get("登记状态").equals("在业"))
            .count();
    return String.format(
        Locale.ROOT,
        "wrote %s: %d firms (%d deregistered or revoked), %d zones, %d opportunities",
        out,
        firms.size(),
        inactive,
        zones.size(),
        opps.size());
  }

  /** The registry rows: every EVERY-th clean sample firm with a USCC, as a registry gives it. */
  static List<Map<String, String>> firms(Path sample) throws IOException {
    Set<String> planted = new HashSet<>();
    for (Map<String, String> p : Csv.readRows(sample.resolve("planted-bad-rows.csv"))) {
      planted.add(p.get("enterprise_id"));
    }
    Map<String, String> classes = IndustryNames.shipped();
    List<Map<String, String>> out = new ArrayList<>();
    int clean = 0;
    for (Map<String, String> e : readEnterprises(sample.resolve("enterprises.csv"))) {
      String uscc = e.getOrDefault("uscc", "");
      if (planted.contains(e.get("enterprise_id")) || uscc.isEmpty() || clean++ % EVERY != 0) {
        continue;
      }
      Random r = new Random(SEED + e.get("enterprise_id").hashCode());
      String code = e.get("industry_codes").split("[;；]")[0].trim();
      Map<String, String> f = new LinkedHashMap<>();
      f.put("统一社会信用代码", uscc);
      f.put("企业名称", e.get("name"));
      f.put("登记状态", status(r));
      f.put("法定代表人", SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]);
      f.put("注册资本", capital(e.get("registered_capital_cny"), r));
      String year = e.getOrDefault("founded_year", "");
      f.put(
          "成立日期",
          year.isEmpty()
              ? ""
              : LocalDate.of(Integer.parseInt(year), 1 + r.nextInt(12), 1 + r.nextInt(28))
                  .toString());
      f.put("所属行业", classes.getOrDefault(code, ""));
      f.put("经营范围", e.getOrDefault("business_scope", ""));
      f.put("主营产品", e.getOrDefault("products", ""));
      f.put("参保人数", e.getOrDefault("employees", ""));
      f.put("营业收入", wan(e.get("revenue_cny")));
      f.put("所属省份", e.getOrDefault("province", ""));
      f.put("所属城市", e.getOrDefault("city", ""));
      f.put("企业标签", tags(e.getOrDefault("tags", "")));
      f.put("电话", String.format(Locale.ROOT, "028-%08d", r.nextInt(100_000_000)));
      f.put("邮箱", "contact@" + e.get("enterprise_id").toLowerCase(Locale.ROOT) + ".cn");
      f.put(
          "网址",
          r.nextInt(3) == 0
              ? ""
              : "www." + e.get("enterprise_id").toLowerCase(Locale.ROOT) + ".cn");
      f.put(
          "企业地址",
          e.getOrDefault("province", "")
              + e.getOrDefault("city", "")
              + ROADS[r.nextInt(ROADS.length)]
              + (1 + r.nextInt(999))
              + "号");
      f.put("更新日期", e.getOrDefault("updated_at", ""));
      out.add(f);
    }
    return out;
  }

  /** The sample's well-formed enterprise rows (its planted malformed lines left out). */
  private static List<Map<String, String>> readEnterprises(Path csv) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (java.io.BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      org.oppmatch.io.CsvRecordReader records = new org.oppmatch.io.CsvRecordReader(in, -1);
      List<String> header = records.readHeader();
      while (records.hasNext()) {
        List<String> fields = records.next().fields();
        if (fields == null) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), fields.get(i) == null ? "" : fields.get(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** 存续 most, 在业 and a bracketed note some, 注销 3%, 吊销 2%. */
  private static String status(Random r) {
    int x = r.nextInt(100);
    if (x < 3) {
      return "注销";
    }
    if (x < 5) {
      return "吊销，未注销";
    }
    if (x < 20) {
      return "存续（在营、开业、在册）";
    }
    return x < 35 ? "在业" : "存续";
  }

  /** Capital as registries write it: 万元 or 亿元 of 人民币, a few firms' in 万美元. */
  private static String capital(String cny, Random r) {
    if (cny == null || cny.isEmpty()) {
      return "";
    }
    double v = Double.parseDouble(cny);
    if (r.nextInt(50) == 0) {
      return String.format(Locale.ROOT, "%.0f万美元", v / 7.10 / 1e4);
    }
    return v >= 1e8
        ? String.format(Locale.ROOT, "%.2f亿元人民币", v / 1e8)
        : String.format(Locale.ROOT, "%.0f万元人民币", v / 1e4);
  }

  private static String wan(String cny) {
    return cny == null || cny.isEmpty()
        ? "未公开"
        : String.format(Locale.ROOT, "%.0f万元", Double.parseDouble(cny) / 1e4);
  }

  /** The tags by their Chinese names, separated by 、 as registries list them. */
  private static String tags(String keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys.split("[;；]")) {
      Tag t = Tag.of(k.trim());
      if (t != null) {
        out.add(t.zh());
      }
    }
    return String.join("、", out);
  }

  /** The opportunities with their arrays as staff type them in a cell: joined by ；. */
  static List<Map<String, String>> opportunities(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      JsonNode n = json.readTree(line);
      n.fieldNames()
          .forEachRemaining(
              k -> {
                JsonNode v = n.get(k);
                if (v.isArray()) {
                  List<String> items = new ArrayList<>();
                  v.forEach(x -> items.add(x.asText()));
                  row.put(k, String.join("；", items));
                } else {
                  row.put(k, v.isNull() ? "" : v.asText());
                }
              });
      out.add(row);
    }
    return out;
  }

  private static List<String> header(List<Map<String, String>> rows) {
    List<String> h = new ArrayList<>();
    rows.forEach(
        r ->
            r.keySet()
                .forEach(
                    k -> {
                      if (!h.contains(k)) {
                        h.add(k);
                      }
                    }));
    return h;
  }

  /** The columns whose values are numbers in a person's spreadsheet (codes stay text: 0111). */
  static final Set<String> NUMBERS =
      Set.of(
          "参保人数",
          "latitude",
          "longitude",
          "land_ha_available",
          "factory_m2_available",
          "office_m2_available",
          "budget_cny");

  /**
   * A workbook of one sheet: the header, then the rows; a value of a number column is a number cell
   * and one that reads as a date a date cell (as a person's spreadsheet holds them), the rest text.
   */
  static void workbook(
      Path file, String sheetName, List<String> header, List<Map<String, String>> rows)
      throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet(sheetName);
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int i = 0; i < header.size(); i++) {
          String v = rows.get(r).getOrDefault(header.get(i), "");
          if (v.isEmpty()) {
            continue;
          }
          Cell c = row.createCell(i);
          if (NUMBERS.contains(header.get(i)) && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
            c.setCellValue(Double.parseDouble(v));
          } else if (v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            c.setCellValue(LocalDate.parse(v));
            c.setCellStyle(date);
          } else {
            c.setCellValue(v);
          }
        }
      }
      // the same cells, the same file: no clock in its properties
      wb.getProperties()
          .getCoreProperties()
          .setCreated(java.util.Optional.of(java.util.Date.from(java.time.Instant.EPOCH)));
      try (OutputStream o = Files.newOutputStream(file)) {
        wb.write(o);
      }
    }
  }
}
