package org.oppmatch.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the zones, chain-node and zone-chain CSV files (data-contract columns) the generator draws
 * from.
 */
public final class SampleInputs {
  private SampleInputs() {}

  public static List<ZoneRef> readZones(Path file) throws IOException {
    List<ZoneRef> zones = new ArrayList<>();
    for (Map<String, String> row : Csv.readRows(file)) {
      zones.add(
          new ZoneRef(
              required(row, "zone_id", file),
              row.getOrDefault("name_zh", ""),
              required(row, "ecosystem", file),
              splitArray(required(row, "lead_industries", file)),
              parseDouble(row.get("latitude")),
              parseDouble(row.get("longitude"))));
    }
    return zones;
  }

  public static List<ChainNodeRef> readChainNodes(Path file) throws IOException {
    List<ChainNodeRef> nodes = new ArrayList<>();
    for (Map<String, String> row : Csv.readRows(file)) {
      nodes.add(
          new ChainNodeRef(
              required(row, "node_id", file),
              required(row, "ecosystem", file),
              required(row, "name_zh", file),
              required(row, "position", file),
              splitArray(required(row, "industry_codes", file)),
              splitArray(row.getOrDefault("keywords", ""))));
    }
    return nodes;
  }

  /** The zone chain maps; status is kept in lower case, as the contract compares it. */
  public static List<ZoneChainRef> readZoneChain(Path file) throws IOException {
    List<ZoneChainRef> rows = new ArrayList<>();
    for (Map<String, String> row : Csv.readRows(file)) {
      String priority = row.get("priority");
      rows.add(
          new ZoneChainRef(
              required(row, "zone_id", file),
              required(row, "node_id", file),
              required(row, "status", file).toLowerCase(java.util.Locale.ROOT),
              priority == null || priority.isBlank() ? null : Integer.valueOf(priority.trim())));
    }
    return rows;
  }

  /** Splits a `;`-separated array cell, trimming items and dropping empty ones. */
  public static List<String> splitArray(String cell) {
    if (cell == null || cell.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String required(Map<String, String> row, String column, Path file) {
    String v = row.get(column);
    if (v == null) {
      throw new IllegalArgumentException(file + ": missing column " + column);
    }
    if (v.isBlank()) {
      throw new IllegalArgumentException(file + ": blank " + column + " in row " + row);
    }
    return v.trim();
  }

  private static Double parseDouble(String v) {
    return v == null || v.isBlank() ? null : Double.valueOf(v.trim());
  }
}
