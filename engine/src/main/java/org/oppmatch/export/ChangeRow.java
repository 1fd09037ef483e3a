package org.oppmatch.export;

/**
 * One change of a zone's list since the last run.
 *
 * @param rank this run's rank; null for a dropped lead
 * @param previousRank the last run's rank; null for a new lead
 * @param reason why, in words a promotion officer reads (for a dropped lead: as the job gives it)
 */
public record ChangeRow(
    Kind kind,
    String enterpriseId,
    String name,
    Integer rank,
    Integer previousRank,
    String reason) {

  /** What happened to the lead, in the order the changes sheet lists them. */
  public enum Kind {
    NEW("新增"),
    UP("上升"),
    DOWN("下降"),
    DROPPED("移出");

    private final String zh;

    Kind(String zh) {
      this.zh = zh;
    }

    public String zh() {
      return zh;
    }
  }
}
