package no.ks.barometer.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading and writing item attributes by hand: the hot path builds AttributeValue maps directly instead of
 * letting a reflection-built bean schema do it.
 */
final class Attributes {

    /**
     * Every instant is stored with exactly three fraction digits, so that stored instants sort as text and a
     * condition such as {@code tokenExpiresAt > :now} compares them correctly.
     */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(INSTANT.format(value.truncatedTo(ChronoUnit.MILLIS)));
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, instant(value));
        }
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static String requiredString(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        if (value == null) {
            throw new CorruptItemException("attribute " + name + " is missing");
        }
        return value;
    }

    static long number(Map<String, AttributeValue> item, String name, long absent) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? absent : Long.parseLong(value.n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : Instant.parse(text);
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::s).toList();
    }

    static Optional<Map<String, AttributeValue>> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && value.hasM() ? Optional.of(value.m()) : Optional.empty();
    }

    /** A JSON object as a DynamoDB map, keeping every JSON type (numbers as N, so they stay numbers). */
    static AttributeValue fromJson(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), fromJson(e.getValue())));
                yield AttributeValue.fromM(map);
            }
            case ARRAY -> {
                List<AttributeValue> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(fromJson(element)));
                yield AttributeValue.fromL(list);
            }
            case STRING -> AttributeValue.fromS(node.textValue());
            case NUMBER -> AttributeValue.fromN(node.decimalValue().toPlainString());
            case BOOLEAN -> AttributeValue.fromBool(node.booleanValue());
            case NULL -> AttributeValue.fromNul(true);
            default -> throw new IllegalArgumentException("No DynamoDB form for JSON " + node.getNodeType());
        };
    }

    static ObjectNode objectFromMap(Map<String, AttributeValue> map) {
        ObjectNode object = NODES.objectNode();
        map.forEach((key, value) -> object.set(key, toJson(value)));
        return object;
    }

    static JsonNode toJson(AttributeValue value) {
        return switch (value.type()) {
            case M -> objectFromMap(value.m());
            case L -> {
                ArrayNode array = NODES.arrayNode(value.l().size());
                value.l().forEach(element -> array.add(toJson(element)));
                yield array;
            }
            case S -> NODES.textNode(value.s());
            case N -> number(value.n());
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
            default -> throw new CorruptItemException("attribute of type " + value.type() + " where JSON was stored");
        };
    }

    private static JsonNode number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        if (decimal.scale() <= 0) {
            try {
                return NODES.numberNode(decimal.longValueExact());
            } catch (ArithmeticException tooLarge) {
                return NODES.numberNode(decimal.toBigIntegerExact());
            }
        }
        return NODES.numberNode(decimal);
    }
}
