package org.oppmatch.sample;

import java.util.List;

/** What the generator needs to know about an industrial chain node. */
public record ChainNodeRef(
    String nodeId,
    String ecosystem,
    String nameZh,
    String position,
    List<String> industryCodes,
    List<String> keywords) {
  public ChainNodeRef {
    industryCodes = List.copyOf(industryCodes);
    keywords = List.copyOf(keywords);
  }
}
