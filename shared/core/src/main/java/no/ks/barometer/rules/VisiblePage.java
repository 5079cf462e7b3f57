package no.ks.barometer.rules;

import java.util.List;
import no.ks.barometer.questionnaire.Page;

public record VisiblePage(Page page, List<VisibleQuestion> questions) {
    public VisiblePage {
        questions = List.copyOf(questions);
    }
}
