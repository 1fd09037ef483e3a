package org.oppmatch.sample;

/**
 * A row planted to break one rule, as listed in planted-bad-rows.csv.
 *
 * @param line 1-based line number in the enterprises file (the header is line 1)
 * @param enterpriseId the id on that line (for a duplicate, the id it shares with the original)
 * @param rule the quarantine rule the row should be reported under
 * @param column the column it breaks, empty for a malformed line
 * @param value the offending value as written, empty for a malformed line
 */
public record PlantedBadRow(
    int line, String enterpriseId, String rule, String column, String value) {}
