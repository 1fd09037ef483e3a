package org.oppmatch.validate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money as registries write it (data-contract.md, version 3): a number with a unit 元, 万元 or 亿元 (万
 * and 亿 alone too) and a currency, before or after it (人民币 when none is named; 美元, 欧元, 港元 or 港币, 日元
 * and 英镑 converted at {@code inputs.fx_to_cny}): "5000万元人民币", "1.2亿元", "300万美元", "人民币 80 万元".
 * Thousands separators are allowed. Anything else is no amount.
 */
public final class Money {
  private Money() {}

  private static final String CURRENCY = "(人民币|美元|欧元|港元|港币|日元|英镑)?";

  private static final Pattern AMOUNT =
      Pattern.compile(
          "^"
              + CURRENCY
              + "\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(元|万元|万|亿元|亿)?\\s*"
              + CURRENCY
              + "$");

  /** The currencies by their Chinese names, as {@code inputs.fx_to_cny} names them. */
  private static final Map<String, String> ISO =
      Map.of("美元", "USD", "欧元", "EUR", "港元", "HKD", "港币", "HKD", "日元", "JPY", "英镑", "GBP");

  /**
   * The amount in yuan, or null when the text is no amount in a unit and currency the contract
   * names (two currencies, another unit, a word).
   *
   * @param fxToCny yuan per unit of each currency, by ISO code
   */
  public static Double toCny(String text, Map<String, Double> fxToCny) {
    if (text == null) {
      return null;
    }
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches() || (m.group(1) != null && m.group(4) != null)) {
      return null;
    }
    double amount;
    try {
      amount = Double.parseDouble(m.group(2).replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
    String unit = m.group(3) == null ? "元" : m.group(3);
    double scale =
        switch (unit) {
          case "万元", "万" -> 1e4;
          case "亿元", "亿" -> 1e8;
          default -> 1;
        };
    String currency = m.group(1) != null ? m.group(1) : m.group(4);
    double rate = 1;
    if (currency != null && !currency.equals("人民币")) {
      Double r = fxToCny.get(ISO.get(currency));
      if (r == null) {
        return null;
      }
      rate = r;
    }
    double cny = amount * scale * rate;
    return Double.isFinite(cny) ? cny : null;
  }
}
