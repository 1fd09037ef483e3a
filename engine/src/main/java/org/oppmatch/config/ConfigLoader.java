package org.oppmatch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.oppmatch.JobFailure;

/** Reads, checks and fingerprints the JSON job configuration. */
public final class ConfigLoader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // 10.7 leads per zone is a mistake to report, not a number to cut to 10
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ConfigLoader() {}

  /** The configuration in {@code json} (null or blank: the defaults), validated. */
  public static JobConfig parse(String json, String source) {
    JobConfig config;
    if (json == null || json.isBlank()) {
      config = new JobConfig();
    } else {
      try {
        config = MAPPER.readValue(json, JobConfig.class);
      } catch (UnrecognizedPropertyException e) {
        throw JobFailure.badArguments(
            source
                + ": unknown configuration key '"
                + path(e)
                + "'; known keys: "
                + e.getKnownPropertyIds());
      } catch (JsonMappingException e) {
        throw JobFailure.badArguments(
            source
                + ": bad value for configuration key '"
                + path(e)
                + "': "
                + e.getOriginalMessage());
      } catch (JsonProcessingException e) {
        throw JobFailure.badArguments(source + ": not valid JSON: " + e.getOriginalMessage());
      }
      if (config == null) {
        throw JobFailure.badArguments(source + ": the configuration must be a JSON object");
      }
    }
    List<String> errors = config.validate();
    if (!errors.isEmpty()) {
      throw JobFailure.badArguments(source + ": " + String.join("; ", errors));
    }
    return config;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** The effective configuration as canonical JSON (keys sorted), as the manifest records it. */
  public static String toJson(JobConfig config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of the canonical JSON: two runs with the same hash used the same configuration. */
  public static String hash(JobConfig config) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(toJson(config).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
