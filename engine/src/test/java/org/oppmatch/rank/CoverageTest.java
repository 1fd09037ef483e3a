package org.oppmatch.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oppmatch.export.ExportStage;
import org.oppmatch.model.ZoneModel;
import org.oppmatch.score.Lead;

/** The chain coverage counts add up: fit = listed here + listed elsewhere + below the lists. */
class CoverageTest {
  static ZoneModel model() {
    return ZoneModel.build(
        List.of(zone("Z1"), zone("Z2")),
        List.of(new ZoneModel.Node("N1", "航空发动机", "midstream", new String[] {"3741"})),
        List.of(
            new ZoneModel.ZoneNode("Z1", "N1", "missing", 1),
            new ZoneModel.ZoneNode("Z2", "N1", "weak", 2)));
  }

  static ZoneModel.Zone zone(String id) {
    return new ZoneModel.Zone(id, id, "aerospace", null, null, null, null, null, new String[0]);
  }

  static Lead lead(String enterprise, String zone, int... fits) {
    Lead l = AllocationTest.lead(enterprise, zone, 50);
    l.fits = fits;
    return l;
  }

  @Test
  void eachNodeCountsWhereTheFirmsThatFitItWent() {
    ZoneModel zones = model();
    int z1 = Lead.fit(zones.indexOf("Z1"), 0);
    int z2 = Lead.fit(zones.indexOf("Z2"), 0);
    // three firms fit N1 in Z1, two in Z2; E1 is listed by Z1, E2 by Z2, both fit N1 in both
    List<Coverage.Node> nodes =
        Coverage.of(
            zones,
            List.of(
                new ExportStage.ChainEntry("Z1", "N1", "航空发动机", "missing"),
                new ExportStage.ChainEntry("Z2", "N1", "航空发动机", "weak"),
                new ExportStage.ChainEntry("Z2", "N9", "无人环节", "weak")),
            Map.of(z1, 3L, z2, 2L),
            Map.of(
                "Z1", List.of(lead("E1", "Z1", z1, z2)), "Z2", List.of(lead("E2", "Z2", z1, z2))));
    assertEquals(
        List.of(
            new Coverage.Node("Z1", "N1", 3, 1, 1, 1),
            new Coverage.Node("Z2", "N1", 2, 1, 1, 0),
            new Coverage.Node("Z2", "N9", 0, 0, 0, 0)),
        nodes);
  }

  @Test
  void aNodeWithoutLeadsSaysWhetherNoFirmFitsOrWhereTheyWent() {
    assertEquals(
        "池中无适配企业",
        new org.oppmatch.export.NodeCoverage("N1", "环节", "weak", 0, 0L, 0L, 0L).gapReason());
    assertEquals(
        "适配3家：2家已列入其他园区，1家未入选",
        new org.oppmatch.export.NodeCoverage("N1", "环节", "weak", 0, 3L, 2L, 1L).gapReason());
  }
}
