package no.ks.barometer.questionnaire;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A question. Options belong to single and multiple questions, rows and columns to grids; the lists a type does not
 * use are empty.
 */
public record Question(String id, QuestionType type, String text, boolean required, Optional<Condition> visibleWhen,
                       OptionalInt maxChoices, Optional<CarryForward> carryForward, List<Option> options,
                       List<GridRow> rows, List<GridColumn> columns) {
    public Question {
        options = List.copyOf(options);
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    public Optional<Option> option(int code) {
        for (Option option : options) {
            if (option.code() == code) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }
}
