package no.ks.barometer.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * A page of questions, saved as one unit.
 *
 * @param section heading shown above the page
 * @param info    text shown before the questions
 */
public record Page(String id, Optional<String> section, Optional<String> info, List<Question> questions) {
    public Page {
        questions = List.copyOf(questions);
    }
}
