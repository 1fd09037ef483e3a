package org.oppmatch.sample;

/**
 * One row of a zone's chain map (zone_chain): what the zone has of a chain node.
 *
 * @param status strong, weak or missing
 * @param priority 1 (highest) .. 5, or null when the row gives none
 */
public record ZoneChainRef(String zoneId, String nodeId, String status, Integer priority) {}
