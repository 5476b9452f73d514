package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.npskit.policy.SurveyPolicy;

/** The IDE metadata covers every key, with a description, and its defaults are the real ones. */
class ConfigurationMetadataTest {

  private static final Set<String> STARTER_KEYS = Set.of("npskit.store.type",
      "npskit.store.jdbc.table-prefix", "npskit.store.jdbc.initialize-schema",
      "npskit.store.memory.retention");

  private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*}");
  private static final Pattern FIELD =
      Pattern.compile("\"(name|description|defaultValue)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+)");

  /** The properties of the generated metadata: name to its name, description and default. */
  private static Map<String, Map<String, Object>> properties() throws IOException {
    try (InputStream in = ConfigurationMetadataTest.class
        .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int from = json.indexOf("\"properties\"");
      String section = json.substring(from, json.indexOf("\"hints\"", from));
      Map<String, Map<String, Object>> byName = new HashMap<>();
      Matcher entry = ENTRY.matcher(section);
      while (entry.find()) {
        Map<String, Object> property = new HashMap<>();
        Matcher field = FIELD.matcher(entry.group());
        while (field.find()) {
          property.put(field.group(1), field.group(3) != null ? field.group(3) : field.group(2));
        }
        byName.put((String) property.get("name"), property);
      }
      return byName;
    }
  }

  @Test
  void everyKeyHasAnEntryWithADescription() throws IOException {
    Map<String, Map<String, Object>> properties = properties();
    Set<String> expected = new LinkedHashSet<>(STARTER_KEYS);
    PolicySettings.KEYS.forEach(k -> expected.add(PolicySettings.PREFIX + k));
    expected.add(PolicySettings.PREFIX + PolicySettings.CATEGORY_COOLDOWN);
    assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    properties.forEach((name, p) ->
        assertThat((String) p.get("description")).as(name).isNotBlank());
  }

  @Test
  void theStatedPolicyDefaultsAreTheLibrarysDefaults() throws IOException {
    Map<String, Object> settings = new HashMap<>();
    properties().forEach((name, p) -> {
      if (name.startsWith(PolicySettings.PREFIX) && p.containsKey("defaultValue")) {
        settings.put(name, p.get("defaultValue"));
      }
    });
    assertThat(settings).hasSize(10);
    assertThat(SurveyPolicy.fromProperties(settings).toString())
        .isEqualTo(SurveyPolicy.defaults().toString());
  }

  @Test
  void theStarterDefaultsAreStated() throws IOException {
    Map<String, Map<String, Object>> properties = properties();
    assertThat(properties.get("npskit.store.type")).containsEntry("defaultValue", "auto");
    assertThat(properties.get("npskit.store.jdbc.table-prefix"))
        .containsEntry("defaultValue", new NpskitProperties().getStore().getJdbc().getTablePrefix());
    assertThat(properties.get("npskit.store.jdbc.initialize-schema"))
        .containsEntry("defaultValue", "embedded");
  }

  @Test
  void theStartersKeyListIsThePolicyContractsTable() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "policy.md"));
    String table = doc.substring(doc.indexOf("| key | default | meaning |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Set<String> documented = new LinkedHashSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)`(?: / `([^`]+)`)?").matcher(table);
    while (row.find()) {
      documented.add(row.group(1));
      if (row.group(2) != null) {
        documented.add(row.group(2));
      }
    }
    Set<String> ours = PolicySettings.KEYS.stream().collect(Collectors.toSet());
    ours.add(PolicySettings.CATEGORY_COOLDOWN + ".<path>");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ours);
  }
}
