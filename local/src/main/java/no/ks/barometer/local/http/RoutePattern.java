package no.ks.barometer.local.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path as API Gateway reads it: literal segments, {@code {param}} segments that match one segment, and a
 * final greedy {@code {param+}} that matches the rest (at least one segment).
 */
public record RoutePattern(String path, List<Segment> segments) {

    public sealed interface Segment {
    }

    public record Literal(String text) implements Segment {
    }

    public record Parameter(String name) implements Segment {
    }

    public record Greedy(String name) implements Segment {
    }

    public RoutePattern {
        segments = List.copyOf(segments);
    }

    static RoutePattern parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Route path must start with /: " + path);
        }
        List<Segment> segments = new ArrayList<>();
        List<String> parts = split(path);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (name.endsWith("+")) {
                    if (i != parts.size() - 1) {
                        throw new IllegalArgumentException("A greedy parameter must be the last segment: " + path);
                    }
                    segments.add(new Greedy(name.substring(0, name.length() - 1)));
                } else {
                    segments.add(new Parameter(name));
                }
            } else {
                segments.add(new Literal(part));
            }
        }
        return new RoutePattern(path, segments);
    }

    /** The path parameters when {@code path} (decoded) matches. */
    Optional<Map<String, String>> match(String path) {
        List<String> parts = split(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Greedy greedy) {
                if (i >= parts.size()) {
                    return Optional.empty();
                }
                parameters.put(greedy.name(), String.join("/", parts.subList(i, parts.size())));
                return Optional.of(parameters);
            }
            if (i >= parts.size()) {
                return Optional.empty();
            }
            String part = parts.get(i);
            switch (segment) {
                case Literal literal -> {
                    if (!literal.text().equals(part)) {
                        return Optional.empty();
                    }
                }
                case Parameter parameter -> {
                    if (part.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(parameter.name(), part);
                }
                case Greedy ignored -> throw new IllegalStateException("handled above");
            }
        }
        return parts.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * Orders patterns as API Gateway prefers them when several match: at the first segment where they differ, a
     * literal beats a parameter, which beats a greedy parameter.
     */
    static int bySpecificity(RoutePattern a, RoutePattern b) {
        int common = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < common; i++) {
            int difference = Integer.compare(rank(a.segments.get(i)), rank(b.segments.get(i)));
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }

    private static int rank(Segment segment) {
        return switch (segment) {
            case Literal ignored -> 0;
            case Parameter ignored -> 1;
            case Greedy ignored -> 2;
        };
    }

    /** The first segment, when it is literal: the prefix under which the API lives. */
    Optional<String> firstLiteral() {
        return !segments.isEmpty() && segments.getFirst() instanceof Literal literal
                ? Optional.of(literal.text()) : Optional.empty();
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }
}
