package no.ks.barometer.rules;

import java.util.List;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.Question;

/**
 * A visible question with what it offers this respondent.
 *
 * @param options the options offered (organisation type and carry-forward applied), in definition order
 * @param rows    the grid rows shown to the organisation type, in definition order
 */
public record VisibleQuestion(Question question, List<Option> options, List<GridRow> rows) {
    public VisibleQuestion {
        options = List.copyOf(options);
        rows = List.copyOf(rows);
    }
}
