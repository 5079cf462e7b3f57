package no.ks.barometer.local.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.Set;

/**
 * Reads a template's YAML into a JSON tree in which every short-form intrinsic ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, {@code !If}, ...) stands in its long form ({@code Ref:}, {@code Fn::Sub:}, ...), the only form
 * the rest of the reader and the SAM schema know. A plain YAML tree reader would drop the tags and keep their
 * arguments as if they were literals. The YAML parser reports a node's tag as its type id, without the {@code !}.
 */
final class TemplateYaml {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** YAML's own tags ({@code !!str}) keep their YAML meaning. */
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    /** The intrinsic functions CloudFormation has a short form for; {@code !Name} is {@code Fn::Name:}. */
    private static final Set<String> FUNCTIONS = Set.of(
            "And", "Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "If", "ImportValue", "Join",
            "Length", "Not", "Or", "Select", "Split", "Sub", "ToJsonString", "Transform");

    private TemplateYaml() {
    }

    static JsonNode read(String yaml, String source) {
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NODES.missingNode();
            }
            return node(parser, source);
        } catch (IOException e) {
            throw new TemplateException(source + " is not valid YAML", e);
        }
    }

    /** The node at the parser's current token, with the nodes inside it. */
    private static JsonNode node(JsonParser parser, String source) throws IOException {
        String tag = parser.getTypeId() instanceof String id && !id.startsWith(STANDARD_TAG_PREFIX) ? id : null;
        int line = parser.currentLocation().getLineNr();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, node(parser, source));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(parser, source));
                }
                yield array;
            }
            case VALUE_NULL -> NODES.nullNode();
            default -> YAML.readTree(parser);
        };
        return tag == null ? node : longForm(tag, node, source + " line " + line);
    }

    private static JsonNode longForm(String tag, JsonNode argument, String where) {
        return switch (tag) {
            case "Ref", "Condition" -> NODES.objectNode().set(tag, argument);
            // !GetAtt Resource.Attribute splits at the first dot; the attribute may have dots of its own.
            case "GetAtt" -> NODES.objectNode().set("Fn::GetAtt", argument.isTextual()
                    ? getAttArguments(argument.asText(), where) : argument);
            default -> {
                if (!FUNCTIONS.contains(tag)) {
                    throw new TemplateException(where + " has the tag !" + tag
                            + ", which is not a CloudFormation intrinsic function");
                }
                yield NODES.objectNode().set("Fn::" + tag, argument);
            }
        };
    }

    private static ArrayNode getAttArguments(String text, String where) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new TemplateException(where + ": !GetAtt " + text + " is not of the form Resource.Attribute");
        }
        return NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
    }
}
