package org.oppmatch.export;

import java.util.Arrays;
import java.util.List;
import org.oppmatch.model.EngagementStage;

/**
 * The columns of a zone's lead sheet that its promotion team fills in (本次反馈) and sends back: {@code
 * jobs/import-feedback} turns each filled row into a row of the outcomes input (data-contract.md).
 * They sit to the right of the lead columns, in their own colour; the column 跟进阶段 among the lead
 * columns is the stage the engine already knows, and is not read back.
 */
public enum FeedbackColumn {
  /** One of {@link #stageLabels()}: a drop-down in the workbook. */
  STAGE("本次反馈：跟进阶段", 16),
  /** The day the stage was reached; a date cell. */
  DATE("本次反馈：日期", 14),
  /**
   * The investment agreed, in 万元 (ten thousand yuan), the unit teams count in; the import writes
   * yuan, the contract's unit.
   */
  AMOUNT("本次反馈：投资额（万元）", 16),
  /**
   * Free text: imported with the row's stage and date into the outcomes' {@code note} (version 3),
   * and shown on the lead's row in the next lists (最近备注).
   */
  NOTE("本次反馈：备注", 30);

  /** The earliest date a feedback row may carry: anything before is a typing slip. */
  public static final java.time.LocalDate EARLIEST_DATE = java.time.LocalDate.of(2000, 1, 1);

  /** Yuan per unit of {@link #AMOUNT}. */
  public static final long YUAN_PER_AMOUNT_UNIT = 10_000L;

  private final String header;
  private final int width;

  FeedbackColumn(String header, int width) {
    this.header = header;
    this.width = width;
  }

  public String header() {
    return header;
  }

  /** Width in characters of a Latin font. */
  int width() {
    return width;
  }

  /** The stages in the drop-down, in lifecycle order: 已接触 .. 暂缓 .. 已放弃. */
  public static List<String> stageLabels() {
    return Arrays.stream(EngagementStage.values()).map(EngagementStage::zh).toList();
  }
}
