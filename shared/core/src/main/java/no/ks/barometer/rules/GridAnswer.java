package no.ks.barometer.rules;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The answer to a grid: the chosen column code per row code, ordered by row code. */
public record GridAnswer(Map<Integer, String> rows) implements Answer {
    public GridAnswer {
        rows = Collections.unmodifiableMap(new TreeMap<>(rows));
    }
}
