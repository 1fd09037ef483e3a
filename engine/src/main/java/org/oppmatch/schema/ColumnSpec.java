package org.oppmatch.schema;

/** One column of an input table as the data contract declares it. */
public record ColumnSpec(String name, ColumnType type, boolean required) {

  public static ColumnSpec required(String name, ColumnType type) {
    return new ColumnSpec(name, type, true);
  }

  public static ColumnSpec optional(String name, ColumnType type) {
    return new ColumnSpec(name, type, false);
  }
}
