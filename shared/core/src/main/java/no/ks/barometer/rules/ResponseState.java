package no.ks.barometer.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine decides on: the answers by question id and the ids of the pages the respondent has saved. Both
 * keep the order they were given in; the engine produces them in questionnaire order.
 */
public record ResponseState(Map<String, Answer> answers, List<String> savedPages) {
    private static final ResponseState EMPTY = new ResponseState(Map.of(), List.of());

    public ResponseState {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        savedPages = List.copyOf(savedPages);
    }

    public static ResponseState empty() {
        return EMPTY;
    }
}
