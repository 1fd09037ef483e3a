package org.oppmatch.model;

import java.io.Serializable;

/**
 * An accepted scenario opportunity open on the run date: what the opportunity match and the lead
 * lists read of it.
 */
public record OpenOpportunity(
    String id,
    String title,
    String zoneId,
    String ecosystem,
    String[] industryCodes,
    String description,
    String[] keywords,
    Double budget)
    implements Serializable {}
