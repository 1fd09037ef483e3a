package org.oppmatch.schema;

/** Column names of the data contract and of the engine's own intermediate columns, in one place. */
public final class Cols {
  private Cols() {}

  // enterprises
  public static final String ENTERPRISE_ID = "enterprise_id";
  public static final String USCC = "uscc";
  public static final String NAME = "name";
  public static final String COUNTRY = "country";
  public static final String PROVINCE = "province";
  public static final String CITY = "city";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String INDUSTRY_CODES = "industry_codes";
  public static final String BUSINESS_SCOPE = "business_scope";
  public static final String PRODUCTS = "products";
  public static final String REGISTERED_CAPITAL = "registered_capital_cny";
  public static final String REVENUE = "revenue_cny";
  public static final String EMPLOYEES = "employees";
  public static final String FOUNDED_YEAR = "founded_year";
  public static final String PATENTS = "patents";
  public static final String RD_RATIO = "rd_ratio";
  public static final String REVENUE_GROWTH = "revenue_growth";
  public static final String TAGS = "tags";
  public static final String SIGNALS = "signals";
  public static final String LOCAL_PRESENCE = "local_presence";
  public static final String GROUP_ID = "group_id";
  public static final String UPDATED_AT = "updated_at";

  // version 3: registry exports
  public static final String INDUSTRY_NAMES = "industry_names";
  public static final String REGISTRATION_STATUS = "registration_status";
  public static final String LEGAL_REPRESENTATIVE = "legal_representative";
  public static final String PHONE = "phone";
  public static final String EMAIL = "email";
  public static final String WEBSITE = "website";
  public static final String ADDRESS = "address";

  // zones
  public static final String ZONE_ID = "zone_id";
  public static final String NAME_ZH = "name_zh";
  public static final String NAME_EN = "name_en";
  public static final String ECOSYSTEM = "ecosystem";
  public static final String DISTRICT = "district";
  public static final String LEAD_INDUSTRIES = "lead_industries";
  public static final String TRACKS = "tracks";
  public static final String LAND_HA = "land_ha_available";
  public static final String FACTORY_M2 = "factory_m2_available";
  public static final String OFFICE_M2 = "office_m2_available";

  // chain_nodes and zone_chain
  public static final String NODE_ID = "node_id";
  public static final String POSITION = "position";
  public static final String KEYWORDS = "keywords";
  public static final String STATUS = "status";
  public static final String PRIORITY = "priority";

  // opportunities
  public static final String OPPORTUNITY_ID = "opportunity_id";
  public static final String TITLE = "title";
  public static final String PUBLISHER = "publisher";
  public static final String DESCRIPTION = "description";
  public static final String COOPERATION_MODE = "cooperation_mode";
  public static final String BUDGET = "budget_cny";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String DEADLINE = "deadline";

  // outcomes
  public static final String STAGE = "stage";
  public static final String STAGE_DATE = "stage_date";
  public static final String INVESTMENT = "investment_cny";
  public static final String NOTE = "note";

  // outputs
  public static final String RUN_DATE = "run_date";
  public static final String RANK = "rank";
  public static final String SCORE_HISTORY = "score_history";
  public static final String RANK_HISTORY = "rank_history";
  public static final String LATEST_NOTE = "latest_note";
  public static final String LATEST_NOTE_DATE = "latest_note_date";
  public static final String LATEST_NOTE_ZONE_ID = "latest_note_zone_id";
  public static final String ENTERPRISE_NAME = "enterprise_name";
  public static final String SCORE = "score";
  public static final String TIER = "tier";
  public static final String ENGAGEMENT_STAGE = "engagement_stage";
  public static final String ENGAGEMENT_SINCE = "engagement_since";
  public static final String MODEL_SCORE = "model_score";
  public static final String MODEL_REASONS = "model_reasons";
  public static final String MEMBER_ENTERPRISE_IDS = "member_enterprise_ids";
  public static final String COMPANY_ID = "company_id";
  public static final String CHAIN_ROLE = "chain_role";
  public static final String MATCHED_NODE_IDS = "matched_node_ids";
  public static final String MATCHED_OPPORTUNITY_IDS = "matched_opportunity_ids";
  public static final String REASONS = "reasons";
  public static final String EXPLANATION = "explanation";
  public static final String SCORE_COMPONENTS = "score_components";
  public static final String COMPETING_ZONES = "competing_zones";
  public static final String IS_NEW = "is_new";
  public static final String PREVIOUS_RANK = "previous_rank";
  public static final String SIMILARITY = "similarity";
  public static final String MOVEMENT = "movement";
  public static final String REASON = "reason";
  public static final String NOW_ZONE_ID = "now_zone_id";

  // quarantine
  public static final String INPUT = "input";
  public static final String RULE = "rule";
  public static final String RULES = "rules";
  public static final String DETAIL = "detail";
  public static final String SOURCE_FILE = "source_file";
  public static final String ROW_NUMBER = "row_number";
  public static final String RECORD_KEY = "record_key";
  public static final String RAW_ROW = "raw_row";

  // intermediate columns of the raw reader (underscored so they never collide with input columns)
  public static final String RAW_FILE = "_file";
  public static final String RAW_LINE = "_line";
  public static final String RAW_TEXT = "_raw";
  public static final String RAW_MALFORMED = "_malformed";
  public static final String RAW_TYPE_ERRORS = "_type_errors";
  public static final String RAW_BAD_ENCODING = "_bad_encoding";
}
