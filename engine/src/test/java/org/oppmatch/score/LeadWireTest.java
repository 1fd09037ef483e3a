package org.oppmatch.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LeadWireTest {

  private static Lead lead() {
    Lead l = new Lead();
    l.enterpriseId = "E1";
    l.enterpriseName = "成都涡轮动力股份有限公司";
    l.zoneId = "Z_AERO";
    l.components = new double[] {1, 2};
    l.chainRole = ChainRole.NONE;
    l.nodes = new NodeMatch[0];
    l.opportunityIds = new String[0];
    l.opportunitySimilarities = new double[0];
    l.tags = new String[] {"listed"};
    l.city = "成都";
    return l;
  }

  private static Lead roundTrip(Lead l) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    l.write(new DataOutputStream(bytes));
    return Lead.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  void theProfileTheListsShowCrossesTheShuffle() throws IOException {
    Lead l = lead();
    l.province = "四川省";
    l.primaryIndustryCode = "3741";
    l.revenue = 3.5e7;
    l.employees = 350;
    Lead back = roundTrip(l);
    assertEquals("四川省", back.province);
    assertEquals("成都", back.city);
    assertEquals("3741", back.primaryIndustryCode);
    assertEquals(3.5e7, back.revenue);
    assertEquals(350, back.employees);
    assertArrayEquals(new String[] {"listed"}, back.tags);
  }

  @Test
  void unknownProfileValuesStayUnknown() throws IOException {
    Lead back = roundTrip(lead());
    assertNull(back.province);
    assertNull(back.primaryIndustryCode);
    assertNull(back.revenue);
    assertNull(back.employees);
  }
}
