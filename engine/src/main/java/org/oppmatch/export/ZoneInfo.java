package org.oppmatch.export;

/** A zone as the exports name it. */
public record ZoneInfo(String zoneId, String nameZh, String ecosystem) {

  /** The Chinese name, or the id when the zone has no name. */
  public String displayName() {
    return nameZh == null || nameZh.isBlank() ? zoneId : nameZh;
  }
}
