package org.oppmatch.match;

/** Names of the engine's intermediate columns, shared by the matching and scoring stages. */
public final class Features {
  private Features() {}

  // per enterprise
  public static final String TEXT = "_text";
  public static final String E_TERMS = "_e_terms";
  public static final String TAG_VALUE = "_tag_value";
  public static final String SIZE_VALUE = "_size_value";
  public static final String RND_VALUE = "_rnd_value";
  public static final String SIGNAL_SUM = "_signal_sum";
  public static final String BEST_SIGNAL = "_best_signal";
  public static final String IN_METRO = "_in_metro";
  public static final String MANUFACTURING = "_manufacturing";

  // per industry-code key
  public static final String KEY = "_key";
  public static final String E_FULL = "_e_full";
  public static final String T_FULL = "_t_full";
  public static final String E_CODE = "_e_code";
  public static final String PRIMARY = "_primary";

  // per target (zone lead code, zone chain node code, or zone opportunity code)
  public static final String KIND = "_kind";
  public static final String T_CODE = "_t_code";
  public static final String NODE_NAME = "_node_name";
  public static final String NODE_POSITION = "_node_position";
  public static final String ROLE = "_role";
  public static final String INHERITED = "_inherited";
  public static final String ONLY_ZONE = "_only_zone";
  public static final String OPP_KEYWORDS = "_opp_keywords";
  public static final String OPP_TERMS = "_opp_terms";
  public static final String OPP_NORM = "_opp_norm";
  public static final String OPP_BUDGET = "_opp_budget";

  public static final String KIND_LEAD = "lead";
  public static final String KIND_NODE = "node";

  // per match row and per pair
  public static final String DEPTH = "_depth";
  public static final String INDUSTRY_VALUE = "_industry_value";
  public static final String TEXT_HITS = "_text_hits";
  public static final String OPP_SIMILARITY = "_opp_similarity";
  public static final String TEXT_COSINE = "_text_cosine";
  public static final String BUDGET_FIT = "_budget_fit";
  public static final String BEST_CODE = "_best_code";
  public static final String NODES = "_nodes";
  public static final String OPPS = "_opps";

  /** The title of a lead's best matched opportunity (Explanations). */
  public static final String BEST_OPP_TITLE = "_best_opp_title";

  public static final String PRIORITY_BEST = "_priority_best";
  public static final String NODE_PRIMARY = "_node_primary";
  public static final String DISTANCE_KM = "_distance_km";
  public static final String ZONE_NAME = "_zone_name";
  public static final String ZONE_ECOSYSTEM = "_zone_ecosystem";
  public static final String SUPPLIER = "_supplier";
  public static final String ZONE_FACTORY_M2 = "_zone_factory_m2";
  public static final String ZONE_OFFICE_M2 = "_zone_office_m2";
  public static final String ZONE_LAND_HA = "_zone_land_ha";
  public static final String FACTOR_PREFIX = "_f_";
}
