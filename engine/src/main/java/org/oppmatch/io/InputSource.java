package org.oppmatch.io;

import java.util.List;
import org.oppmatch.schema.InputTable;

/**
 * Where one input table was found: its format, the location named in messages, and the data files
 * to read.
 */
public record InputSource(
    InputTable table, InputFormat format, String location, List<String> files) {}
