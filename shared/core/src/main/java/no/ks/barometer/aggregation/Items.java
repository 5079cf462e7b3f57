package no.ks.barometer.aggregation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ks.barometer.questionnaire.Condition;
import no.ks.barometer.questionnaire.GridColumn;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.QuestionType;
import no.ks.barometer.questionnaire.Questionnaire;

/**
 * The tables of a questionnaire, in order: participation, then every single and multiple question and every grid
 * row. Open text is never counted. An option that ends the survey is left out: a completed response never has it,
 * and the organisations that chose it are the participation table's declined and wrong-recipient counts.
 */
final class Items {
    static final List<Category> STATUSES = List.of(
            new Category("completed", "Fullført", false, EnumSet.allOf(OrgType.class)),
            new Category("declined", "Takket nei", false, EnumSet.allOf(OrgType.class)),
            new Category("wrong-recipient", "Feil mottaker", false, EnumSet.allOf(OrgType.class)));

    private Items() {
    }

    static List<Item> of(Questionnaire questionnaire) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(Item.PARTICIPATION, null, null, "Deltakelse", false, EnumSet.allOf(OrgType.class),
                STATUSES));
        Map<String, Set<OrgType>> possible = new HashMap<>();
        for (Question question : questionnaire.questions()) {
            Set<OrgType> types = EnumSet.noneOf(OrgType.class);
            for (OrgType type : OrgType.values()) {
                if (question.visibleWhen().map(c -> evaluate(c, type, possible, questionnaire)).orElse(true)
                        != Boolean.FALSE) {
                    types.add(type);
                }
            }
            possible.put(question.id(), types);
            if (question.type().hasOptions()) {
                List<Category> categories = new ArrayList<>();
                for (Option option : question.options()) {
                    if (option.endsSurvey().isEmpty()) {
                        categories.add(Category.of(String.valueOf(option.code()), option.text(),
                                intersection(option.orgTypes(), types)));
                    }
                }
                items.add(new Item(question.id(), question.id(), null, question.text(),
                        question.type() == QuestionType.MULTIPLE, types, categories));
            } else if (question.type() == QuestionType.GRID) {
                for (GridRow row : question.rows()) {
                    Set<OrgType> rowTypes = intersection(row.orgTypes(), types);
                    List<Category> columns = new ArrayList<>();
                    for (GridColumn column : question.columns()) {
                        columns.add(Category.of(column.code(), column.text(), rowTypes));
                    }
                    items.add(new Item(question.id() + "#" + row.code(), question.id(), row.code(), row.text(),
                            false, rowTypes, columns));
                }
            }
        }
        return items;
    }

    private static Set<OrgType> intersection(Set<OrgType> a, Set<OrgType> b) {
        Set<OrgType> both = EnumSet.noneOf(OrgType.class);
        for (OrgType type : a) {
            if (b.contains(type)) {
                both.add(type);
            }
        }
        return both;
    }

    /**
     * Whether a condition holds for every respondent of this type (true), for none (false) or depends on answers
     * (null). A question that can never be shown to a type counts zero for it by definition, which a reader of the
     * questionnaire knows too: disclosure control must reckon with it.
     */
    private static Boolean evaluate(Condition condition, OrgType type, Map<String, Set<OrgType>> possible,
                                    Questionnaire questionnaire) {
        return switch (condition) {
            case Condition.OrgTypeIs is -> is.orgType() == type;
            case Condition.QuestionAnyOf anyOf -> {
                if (!possible.getOrDefault(anyOf.question(), Set.of()).contains(type)) {
                    yield false;
                }
                Question source = questionnaire.question(anyOf.question()).orElseThrow();
                boolean offered = anyOf.anyOf().stream()
                        .anyMatch(code -> source.option(code).map(o -> o.offeredTo(type)).orElse(false));
                yield offered ? null : false;
            }
            case Condition.All all -> {
                Boolean result = true;
                for (Condition part : all.conditions()) {
                    Boolean value = evaluate(part, type, possible, questionnaire);
                    if (value == Boolean.FALSE) {
                        yield false;
                    }
                    result = value == null ? null : result;
                }
                yield result;
            }
            case Condition.AnyOf any -> {
                Boolean result = false;
                for (Condition part : any.conditions()) {
                    Boolean value = evaluate(part, type, possible, questionnaire);
                    if (value == Boolean.TRUE) {
                        yield true;
                    }
                    result = value == null ? null : result;
                }
                yield result;
            }
            case Condition.Not not -> {
                Boolean value = evaluate(not.condition(), type, possible, questionnaire);
                yield value == null ? null : !value;
            }
        };
    }
}
