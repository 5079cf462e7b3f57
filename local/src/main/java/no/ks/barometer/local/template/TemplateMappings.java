package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The template's {@code Mappings}: map name, top-level key, second-level key, text. A value that is a list (which
 * {@code Fn::Select} could pick from) is left out; {@code Fn::FindInMap} on it finds nothing.
 */
public record TemplateMappings(Map<String, Map<String, Map<String, String>>> maps) {

    public TemplateMappings {
        Map<String, Map<String, Map<String, String>>> copy = new LinkedHashMap<>();
        maps.forEach((name, top) -> {
            Map<String, Map<String, String>> topCopy = new LinkedHashMap<>();
            top.forEach((key, second) -> topCopy.put(key, Map.copyOf(second)));
            copy.put(name, Map.copyOf(topCopy));
        });
        maps = Map.copyOf(copy);
    }

    static TemplateMappings read(JsonNode node) {
        Map<String, Map<String, Map<String, String>>> maps = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> map : node.properties()) {
            Map<String, Map<String, String>> top = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> topLevel : map.getValue().properties()) {
                Map<String, String> second = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> value : topLevel.getValue().properties()) {
                    if (value.getValue().isValueNode() && !value.getValue().isNull()) {
                        second.put(value.getKey(), value.getValue().asText());
                    }
                }
                top.put(topLevel.getKey(), second);
            }
            maps.put(map.getKey(), top);
        }
        return new TemplateMappings(maps);
    }

    public Optional<String> find(String map, String topLevelKey, String secondLevelKey) {
        return Optional.ofNullable(maps.get(map))
                .map(top -> top.get(topLevelKey))
                .map(second -> second.get(secondLevelKey));
    }
}
