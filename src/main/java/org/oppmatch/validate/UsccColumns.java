package org.oppmatch.validate;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;

import org.apache.spark.sql.Column;

/** The GB 32100-2015 check of {@link Uscc} as a built-in Column expression (no UDF). */
public final class UsccColumns {
  private UsccColumns() {}

  /** True when {@code code} is 18 characters of the alphabet with a right check character. */
  public static Column isValid(Column code) {
    Column allInAlphabet = code.rlike("^[" + Uscc.ALPHABET + "]{18}$");
    Column sum = lit(0);
    for (int i = 0; i < Uscc.LENGTH - 1; i++) {
      // instr is 1-based and 0 when absent; the regex above already ruled absence out
      Column value = call_function("instr", lit(Uscc.ALPHABET), substring(code, i + 1, 1)).minus(1);
      sum = sum.plus(value.multiply(Uscc.WEIGHTS[i]));
    }
    Column check = pmod(lit(31).minus(pmod(sum, lit(31))), lit(31));
    Column expected = lit(Uscc.ALPHABET).substr(check.plus(1), lit(1));
    return length(code)
        .equalTo(Uscc.LENGTH)
        .and(allInAlphabet)
        .and(substring(code, Uscc.LENGTH, 1).equalTo(expected));
  }
}
