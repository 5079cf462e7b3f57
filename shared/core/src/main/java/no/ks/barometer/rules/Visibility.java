package no.ks.barometer.rules;

import java.util.List;
import java.util.Optional;
import no.ks.barometer.questionnaire.EndReason;

/**
 * What the respondent is shown with the answers so far: the visible pages in order, each with its visible
 * questions, their offered options and shown rows.
 *
 * @param ended set when an answer ended the survey; nothing after that question is visible
 */
public record Visibility(List<VisiblePage> pages, Optional<EndReason> ended) {
    public Visibility {
        pages = List.copyOf(pages);
    }

    /** The ids of the visible questions, in order. */
    public List<String> questionIds() {
        return pages.stream().flatMap(page -> page.questions().stream()).map(q -> q.question().id()).toList();
    }

    public Optional<VisibleQuestion> question(String id) {
        for (VisiblePage page : pages) {
            for (VisibleQuestion question : page.questions()) {
                if (question.question().id().equals(id)) {
                    return Optional.of(question);
                }
            }
        }
        return Optional.empty();
    }

    public boolean isVisible(String questionId) {
        return question(questionId).isPresent();
    }
}
