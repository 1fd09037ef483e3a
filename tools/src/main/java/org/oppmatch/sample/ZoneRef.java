package org.oppmatch.sample;

import java.util.List;

/** What the generator needs to know about an industrial functional zone. */
public record ZoneRef(
    String zoneId,
    String nameZh,
    String ecosystem,
    List<String> leadIndustries,
    Double latitude,
    Double longitude) {
  public ZoneRef {
    leadIndustries = List.copyOf(leadIndustries);
  }
}
