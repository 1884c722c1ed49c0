package org.touming.content.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Validated trees as bytes and back, for the build cache: a tree read back equals the one the
 * schema produced, node for node — every number a decimal with its published digits and scale (1.50
 * stays 1.50, 1E+5 stays 1E+5), every mapping in file order in the compact map the loader uses.
 */
public final class Trees {
  private static final JsonNodeFactory FACTORY = new Factory();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .nodeFactory(FACTORY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonParser.Feature.USE_FAST_BIG_NUMBER_PARSER)
          .build();

  private Trees() {}

  public static byte[] write(JsonNode tree) throws IOException {
    return JSON.writeValueAsBytes(tree);
  }

  public static JsonNode read(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  /** Numbers as the schema makes them (decimals), mappings as the loader holds them. */
  private static final class Factory extends JsonNodeFactory {
    Factory() {
      super(true);
    }

    @Override
    public ObjectNode objectNode() {
      return new ObjectNode(this, new FieldMap(4));
    }

    @Override
    public NumericNode numberNode(int v) {
      return DecimalNode.valueOf(BigDecimal.valueOf(v));
    }

    @Override
    public NumericNode numberNode(long v) {
      return DecimalNode.valueOf(BigDecimal.valueOf(v));
    }

    @Override
    public ValueNode numberNode(BigInteger v) {
      return v == null ? nullNode() : DecimalNode.valueOf(new BigDecimal(v));
    }

    @Override
    public ValueNode numberNode(BigDecimal v) {
      return v == null ? nullNode() : DecimalNode.valueOf(v);
    }
  }
}
