package org.oppmatch.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The value types of the data contract, and the Spark type each becomes once validated. */
public enum ColumnType {
  STRING(DataTypes.StringType, "string"),
  DOUBLE(DataTypes.DoubleType, "double"),
  INT(DataTypes.IntegerType, "int"),
  BOOLEAN(DataTypes.BooleanType, "boolean"),
  DATE(DataTypes.DateType, "date"),
  STRING_ARRAY(DataTypes.createArrayType(DataTypes.StringType, true), "array<string>");

  private final DataType sparkType;
  private final String contractName;

  ColumnType(DataType sparkType, String contractName) {
    this.sparkType = sparkType;
    this.contractName = contractName;
  }

  public DataType sparkType() {
    return sparkType;
  }

  /** The type as data-contract.md spells it, for error messages. */
  public String contractName() {
    return contractName;
  }

  public boolean isArray() {
    return this == STRING_ARRAY;
  }

  /** The type a column has before validation: text, or an array of text. */
  public DataType rawType() {
    return isArray() ? STRING_ARRAY.sparkType : DataTypes.StringType;
  }
}
