package no.ks.barometer.questionnaire;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a questionnaire definition (docs/questionnaire-format.md).
 *
 * @param source      the source document, relative to the definition's folder
 * @param decisions   where every reading of an ambiguous source is recorded, relative to the definition's folder
 * @param endings     the text shown when a response ends early, per reason
 */
public record Questionnaire(String id, int version, String language, String title, Optional<String> subtitle,
                            String source, String decisions, Optional<String> everyPageNote,
                            List<IntroBlock> introduction, String closing, Map<EndReason, String> endings,
                            Limits limits, List<Page> pages) {
    public Questionnaire {
        introduction = List.copyOf(introduction);
        endings = Collections.unmodifiableMap(
                endings.isEmpty() ? new EnumMap<>(EndReason.class) : new EnumMap<>(endings));
        pages = List.copyOf(pages);
    }

    public Optional<Page> page(String id) {
        for (Page page : pages) {
            if (page.id().equals(id)) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }

    public Optional<Question> question(String id) {
        for (Page page : pages) {
            for (Question question : page.questions()) {
                if (question.id().equals(id)) {
                    return Optional.of(question);
                }
            }
        }
        return Optional.empty();
    }

    /** The page a question is on. */
    public Optional<Page> pageOf(String questionId) {
        for (Page page : pages) {
            for (Question question : page.questions()) {
                if (question.id().equals(questionId)) {
                    return Optional.of(page);
                }
            }
        }
        return Optional.empty();
    }

    /** Every question, in the order asked. */
    public List<Question> questions() {
        return pages.stream().flatMap(page -> page.questions().stream()).toList();
    }
}
