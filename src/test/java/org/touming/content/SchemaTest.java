package org.touming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.touming.content.yaml.Schema;

class SchemaTest {
  @Test
  void shippedSchemasUseOnlySupportedKeywords() {
    for (String name : new String[] {"site-config", "regions", "department", "disclosure"}) {
      assertEquals(name, Schema.load(name).name());
    }
  }

  @Test
  void theEditorsSchemaIsTheLoadersSchema() throws Exception {
    for (String name : new String[] {"site-config", "regions", "department", "disclosure"}) {
      byte[] onDisk = Files.readAllBytes(Path.of("schemas", name + ".schema.json"));
      byte[] onClasspath =
          Schema.class
              .getResourceAsStream("/org/touming/schemas/" + name + ".schema.json")
              .readAllBytes();
      assertEquals(new String(onDisk), new String(onClasspath), name);
    }
  }

  @Test
  void titlesNameTheChineseField() {
    Schema s = Schema.load("disclosure");
    assertEquals("公务用车购置及运维费", s.titleAt("/three-public/vehicles"));
    assertEquals("人员经费", s.titleAt("/expenditure/personnel"));
    assertEquals("年度预算数", s.titleAt("/performance/responsibilities/3/activities/0/budget"));
    assertEquals("基金预算拨款", s.titleAt("/procurement/rows/2/government-fund"));
  }

  @Test
  void everyFieldOfTheDisclosureSchemaHasATitle() throws Exception {
    String json = Files.readString(Path.of("schemas/disclosure.schema.json"));
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    java.util.List<String> missing = new java.util.ArrayList<>();
    walk(tree, "", missing);
    assertEquals(java.util.List.of(), missing);
  }

  private static void walk(
      com.fasterxml.jackson.databind.JsonNode node, String path, java.util.List<String> missing) {
    node.path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().has("title")) {
                missing.add(path + "/" + e.getKey());
              }
              walk(e.getValue(), path + "/" + e.getKey(), missing);
              walk(e.getValue().path("items"), path + "/" + e.getKey() + "[]", missing);
            });
    node.path("$defs")
        .fields()
        .forEachRemaining(e -> walk(e.getValue(), "#" + e.getKey(), missing));
  }

  @Test
  void unsupportedKeywordIsRejectedNotIgnored() throws Exception {
    var ctor =
        Schema.class.getDeclaredConstructor(
            String.class, com.fasterxml.jackson.databind.JsonNode.class);
    ctor.setAccessible(true);
    var node =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree("{\"type\":\"object\",\"oneOf\":[]}");
    var e =
        assertThrows(
            java.lang.reflect.InvocationTargetException.class, () -> ctor.newInstance("x", node));
    assertTrue(e.getCause().getMessage().contains("oneOf"));
  }
}
