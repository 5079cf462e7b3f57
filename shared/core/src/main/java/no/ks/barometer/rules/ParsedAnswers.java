package no.ks.barometer.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers read from JSON, and what kept some of them from being read; an answer with a problem is left out of
 * {@code answers}.
 */
public record ParsedAnswers(Map<String, Answer> answers, List<Problem> problems) {
    public ParsedAnswers {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        problems = List.copyOf(problems);
    }
}
