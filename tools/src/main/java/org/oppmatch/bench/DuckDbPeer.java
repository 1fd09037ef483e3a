package org.oppmatch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's single-node peer: DuckDB (JDBC, in process) doing the structured part of the
 * scoring as one SQL statement over the same Parquet and CSV inputs, the way a DuckDB user would
 * write it: the industry-hierarchy join on 2/3/4-digit prefixes against zone lead codes and
 * chain-node codes, chain role from zone_chain.status and priority, strength from tags, revenue,
 * patents and R&D, momentum from signals and growth, geography, the best zone per enterprise and
 * the top N per zone, written as Parquet. It leaves out opportunity fit (free-text keyword
 * matching), groups, explanations, validation and the quarantine.
 *
 * <p>Reached only through java.sql, so the driver (org.duckdb:duckdb_jdbc) is needed at run time
 * only: the Maven profile {@code bench} puts it on the benchmark's classpath.
 *
 * <p>Usage: {@code DuckDbPeer --inputs DIR --output FILE.parquet --run-date YYYY-MM-DD [--threads
 * 2] [--top-n 200] [--min-score 25]}
 */
public final class DuckDbPeer {
  private DuckDbPeer() {}

  public static void main(String[] argv) throws SQLException {
    Map<String, String> a =
        BenchArgs.parse(
            argv, List.of("inputs", "output", "run-date", "threads", "top-n", "min-score"));
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(a.getOrDefault("threads", "2")));
      s.execute("SET preserve_insertion_order = false");
      String sql =
          sql(
              a.get("inputs"),
              LocalDate.parse(a.get("run-date")),
              Integer.parseInt(a.getOrDefault("top-n", "200")),
              Double.parseDouble(a.getOrDefault("min-score", "25")));
      String out = a.get("output").replace("'", "''");
      s.execute("COPY (" + sql + ") TO '" + out + "' (FORMAT parquet)");
      long rows;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
        r.next();
        rows = r.getLong(1);
      }
      System.out.printf(
          java.util.Locale.ROOT,
          "[duckdb] %d target rows in %.1f s%n",
          rows,
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * The whole scoring as one query; weights are the job's defaults, normalised without opportunity
   * fit's 15 points.
   */
  static String sql(String inputs, LocalDate runDate, int topN, double minScore) {
    String dir = inputs.replace("'", "''");
    return """
        WITH zones AS (
          SELECT zone_id, latitude AS zlat, longitude AS zlon,
                 string_split(lead_industries, ';') AS leads
          FROM read_csv('%1$s/zones.csv', header = true)
        ),
        node_targets AS (
          SELECT zc.zone_id, unnest(string_split(n.industry_codes, ';')) AS t_code,
                 CASE zc.status WHEN 'missing' THEN 1 WHEN 'weak' THEN 2 WHEN 'strong' THEN 3 END AS role_rank,
                 TRY_CAST(zc.priority AS INTEGER) AS priority
          FROM read_csv('%1$s/zone_chain.csv', header = true) zc
          JOIN read_csv('%1$s/chain_nodes.csv', header = true) n USING (node_id)
        ),
        targets AS (
          SELECT zone_id, unnest(leads) AS t_code, NULL::INTEGER AS role_rank, NULL::INTEGER AS priority
          FROM zones
          UNION ALL
          SELECT * FROM node_targets
        ),
        t_keys AS (
          SELECT zone_id, role_rank, priority, left(t_code, l) AS key, l = length(t_code) AS t_full
          FROM targets, range(2, 5) r(l)
          WHERE l <= length(t_code)
        ),
        ent AS (
          SELECT * FROM read_parquet('%1$s/enterprises/*.parquet')
        ),
        e_codes AS (
          SELECT enterprise_id, unnest(industry_codes) AS e_code,
                 unnest(range(1, len(industry_codes) + 1)) AS pos
          FROM ent
        ),
        e_keys AS (
          SELECT enterprise_id, pos = 1 AS is_primary, left(e_code, l) AS key,
                 l = length(e_code) AS e_full
          FROM e_codes, range(2, 5) r(l)
          WHERE l <= length(e_code)
        ),
        pairs AS (
          SELECT e.enterprise_id, t.zone_id,
                 max(CASE length(e.key) WHEN 4 THEN 1.0 WHEN 3 THEN 0.75 ELSE 0.5 END
                     * CASE WHEN e.is_primary THEN 1.0 ELSE 0.7 END) AS industry_v,
                 min(t.role_rank * 10 + coalesce(t.priority, 9)) AS best_node
          FROM e_keys e JOIN t_keys t ON e.key = t.key AND (e.e_full OR t.t_full)
          GROUP BY ALL
        ),
        features AS (
          SELECT enterprise_id, name, country, city, local_presence, latitude, longitude,
                 list_contains(tags, 'chain_leader') AS chain_leader,
                 list_transform(coalesce(tags, []), lambda t: CASE t
                     WHEN 'fortune_global_500' THEN 1.0 WHEN 'china_top_500' THEN 0.85
                     WHEN 'chain_leader' THEN 0.8 WHEN 'unicorn' THEN 0.75
                     WHEN 'sector_leader' THEN 0.7 WHEN 'listed' THEN 0.6
                     WHEN 'little_giant' THEN 0.55 WHEN 'specialized_sme' THEN 0.4
                     WHEN 'high_tech' THEN 0.3 ELSE -1.0 END) AS tag_values,
                 (percent_rank() OVER (PARTITION BY left(industry_codes[1], 2) ORDER BY revenue_cny)
                  + percent_rank() OVER (PARTITION BY left(industry_codes[1], 2) ORDER BY registered_capital_cny)
                  + percent_rank() OVER (PARTITION BY left(industry_codes[1], 2) ORDER BY employees)) / 3 AS size_v,
                 0.5 * CASE WHEN patents > 0 THEN least(1.0, log10(patents + 1) / 3) ELSE 0 END
                   + 0.5 * coalesce(least(1.0, greatest(0.0, rd_ratio / 0.1)), 0) AS rnd_v,
                 coalesce(list_sum(list_transform(coalesce(signals, []), lambda s:
                     CASE WHEN date_diff('day', TRY_CAST(split_part(s, ':', 2) AS DATE), DATE '%2$s') < 0 THEN 0
                          ELSE CASE split_part(s, ':', 1) WHEN 'expansion' THEN 0.6 WHEN 'relocation' THEN 0.6
                                 WHEN 'new_branch' THEN 0.5 WHEN 'financing' THEN 0.4 WHEN 'hiring' THEN 0.25 ELSE 0 END
                               * pow(0.5, date_diff('day', TRY_CAST(split_part(s, ':', 2) AS DATE), DATE '%2$s') / 90.0)
                     END)), 0) AS signal_sum,
                 coalesce(least(1.0, greatest(0.0, revenue_growth / 0.5)), 0) AS growth_v,
                 coalesce(local_presence, false) OR city SIMILAR TO '.*(成都|德阳|眉山|资阳).*' AS in_metro
          FROM ent
        ),
        valued AS (
          SELECT p.zone_id, p.enterprise_id, f.name, p.industry_v,
                 CASE p.best_node // 10 WHEN 1 THEN 'fill_gap' WHEN 2 THEN 'strengthen' WHEN 3 THEN 'extend' ELSE 'none' END AS chain_role,
                 CASE WHEN p.best_node IS NULL THEN 0 ELSE least(1.0,
                     CASE p.best_node // 10 WHEN 1 THEN 1.0 WHEN 2 THEN 0.7 ELSE 0.4 END
                     * CASE p.best_node %% 10 WHEN 1 THEN 1.0 WHEN 2 THEN 0.92 WHEN 3 THEN 0.84
                                            WHEN 4 THEN 0.76 WHEN 5 THEN 0.68 ELSE 0.8 END
                     + CASE WHEN f.chain_leader THEN 0.2 ELSE 0 END) END AS chain_v,
                 0.5 * CASE WHEN len(list_filter(f.tag_values, lambda v: v >= 0)) = 0 THEN 0
                            ELSE least(1.0, list_max(f.tag_values)
                                 + 0.05 * (len(list_filter(f.tag_values, lambda v: v >= 0)) - 1)) END
                   + 0.35 * f.size_v + 0.15 * f.rnd_v AS strength_v,
                 0.75 * least(1.0, f.signal_sum) + 0.25 * f.growth_v AS momentum_v,
                 CASE WHEN f.in_metro THEN 1.0
                      WHEN 2 * 6371.0088 * asin(least(1.0, sqrt(
                             pow(sin(radians(z.zlat - f.latitude) / 2), 2)
                             + cos(radians(f.latitude)) * cos(radians(z.zlat))
                               * pow(sin(radians(z.zlon - f.longitude) / 2), 2)))) <= 300 THEN 0.7
                      WHEN f.country IS NULL THEN 0.3
                      WHEN f.country = 'CN' THEN 0.4 ELSE 0.25 END AS geo_v
          FROM pairs p JOIN features f USING (enterprise_id) JOIN zones z USING (zone_id)
        ),
        scored AS (
          SELECT zone_id, enterprise_id, name, chain_role,
                 round(round(25 * industry_v, 2) + round(25 * chain_v, 2) + round(20 * strength_v, 2)
                       + round(10 * momentum_v, 2) + round(5 * geo_v, 2), 2) AS score
          FROM valued
        ),
        allocated AS (
          SELECT * FROM scored
          WHERE score >= %4$s
          QUALIFY row_number() OVER (PARTITION BY enterprise_id ORDER BY score DESC, zone_id) = 1
        )
        SELECT zone_id,
               row_number() OVER (PARTITION BY zone_id ORDER BY score DESC, enterprise_id) AS rank,
               enterprise_id, name AS enterprise_name, score, chain_role
        FROM allocated
        QUALIFY rank <= %3$d
        ORDER BY zone_id, rank
        """
        .formatted(dir, runDate, topN, minScore);
  }
}
