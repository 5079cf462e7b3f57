package no.ks.barometer.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every lint rule, each with a definition that breaks it; the starting point is the clean engine-test definition. */
class QuestionnaireLinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Set<LintRule> rulesBroken(Consumer<ObjectNode> change) {
        ObjectNode definition = TestDefinitions.engineTestJson();
        change.accept(definition);
        List<LintProblem> problems = QuestionnaireLinter.lint(QuestionnaireReader.read("broken", definition));
        return problems.stream().map(LintProblem::rule).collect(Collectors.toSet());
    }

    private static void assertBreaks(LintRule rule, Consumer<ObjectNode> change) {
        assertEquals(Set.of(rule), rulesBroken(change));
    }

    private static ObjectNode page(ObjectNode definition, String id) {
        for (JsonNode page : definition.get("pages")) {
            if (page.get("id").asText().equals(id)) {
                return (ObjectNode) page;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static ObjectNode question(ObjectNode definition, String id) {
        for (JsonNode page : definition.get("pages")) {
            for (JsonNode question : page.get("questions")) {
                if (question.get("id").asText().equals(id)) {
                    return (ObjectNode) question;
                }
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static ObjectNode option(ObjectNode definition, String questionId, int index) {
        return (ObjectNode) question(definition, questionId).get("options").get(index);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void testDefinitionAndTheInnovationBarometerAreClean() {
        assertEquals(List.of(), QuestionnaireLinter.lint(TestDefinitions.engineTest()));
        assertEquals(List.of(), QuestionnaireLinter.lint(TestDefinitions.barometer()));
    }

    @Test
    void pageIdUsedTwice() {
        assertBreaks(LintRule.DUPLICATE_PAGE_ID, d -> page(d, "pb").put("id", "pa"));
    }

    @Test
    void questionIdUsedTwice() {
        assertBreaks(LintRule.DUPLICATE_QUESTION_ID, d -> question(d, "QZ").put("id", "QE"));
    }

    @Test
    void optionRowAndColumnCodesUsedTwice() {
        assertBreaks(LintRule.DUPLICATE_CODE, d -> option(d, "Q0", 1).put("code", 1));
        assertBreaks(LintRule.DUPLICATE_CODE, d -> ((ObjectNode) question(d, "QD").get("rows").get(1)).put("code", 1));
        assertBreaks(LintRule.DUPLICATE_CODE,
                d -> ((ObjectNode) question(d, "QD").get("columns").get(1)).put("code", "a"));
    }

    @Test
    void pageWithoutQuestions() {
        assertBreaks(LintRule.EMPTY_PAGE, d -> page(d, "pz").putArray("questions"));
    }

    @Test
    void limitBelowOne() {
        assertBreaks(LintRule.LIMITS, d -> ((ObjectNode) d.get("limits")).put("otherMaxLength", 0));
    }

    @Test
    void choiceQuestionWithoutOptionsOrTextQuestionWithOptions() {
        assertBreaks(LintRule.OPTIONS_SHAPE, d -> question(d, "QZ").set("options",
                json("[{\"code\": 1, \"text\": \"Ja\"}]")));
        assertBreaks(LintRule.OPTIONS_SHAPE, d -> question(d, "Q0").putArray("options"));
    }

    @Test
    void gridWithoutRowsOrColumnsOrRowsOutsideAGrid() {
        assertBreaks(LintRule.GRID_SHAPE, d -> question(d, "QD").remove("columns"));
        assertBreaks(LintRule.GRID_SHAPE, d -> question(d, "QD").putArray("rows"));
        assertBreaks(LintRule.GRID_SHAPE, d -> question(d, "QA").set("columns",
                json("[{\"code\": \"a\", \"text\": \"Ja\"}]")));
    }

    @Test
    void twoOtherOptionsInOneQuestion() {
        assertBreaks(LintRule.OTHER_OPTION, d -> option(d, "QA", 1).put("other", true));
    }

    @Test
    void exclusiveOptionOutsideAMultipleQuestion() {
        assertBreaks(LintRule.EXCLUSIVE_OPTION, d -> option(d, "QA", 1).put("exclusive", true));
    }

    @Test
    void multipleQuestionWhoseEveryOptionIsExclusive() {
        assertBreaks(LintRule.EXCLUSIVE_OPTION, d -> {
            for (JsonNode option : question(d, "QC").get("options")) {
                ((ObjectNode) option).put("exclusive", true);
            }
        });
    }

    @Test
    void maxChoicesOutOfRangeOrOnASingleQuestion() {
        assertBreaks(LintRule.MAX_CHOICES, d -> question(d, "QB").put("maxChoices", 0));
        assertBreaks(LintRule.MAX_CHOICES, d -> question(d, "QB").put("maxChoices", 8));
        assertBreaks(LintRule.MAX_CHOICES, d -> question(d, "QA").put("maxChoices", 1));
    }

    @Test
    void endingOnAMultipleQuestionOrWithoutItsText() {
        assertBreaks(LintRule.ENDS_SURVEY, d -> option(d, "QB", 0).put("endsSurvey", "DECLINED"));
        assertBreaks(LintRule.ENDS_SURVEY, d -> ((ObjectNode) d.get("endings")).remove("WRONG_RECIPIENT"));
    }

    @Test
    void optionOrRowOfferedToNobody() {
        assertBreaks(LintRule.NEVER_OFFERED, d -> option(d, "QB", 0).putArray("orgTypes"));
        assertBreaks(LintRule.NEVER_OFFERED,
                d -> ((ObjectNode) question(d, "QD").get("rows").get(2)).putArray("orgTypes"));
    }

    @Test
    void conditionOnAMissingLaterOrSamePageOrTextQuestion() {
        assertBreaks(LintRule.CONDITION_REFERENCE,
                d -> question(d, "QB").set("visibleWhen", json("{\"question\": \"Q404\", \"anyOf\": [1]}")));
        assertBreaks(LintRule.CONDITION_REFERENCE,
                d -> question(d, "QA").set("visibleWhen", json("{\"question\": \"QB\", \"anyOf\": [1]}")));
        assertBreaks(LintRule.CONDITION_REFERENCE,
                d -> question(d, "QB").set("visibleWhen", json("{\"question\": \"QB\", \"anyOf\": [1]}")));
        assertBreaks(LintRule.CONDITION_REFERENCE,
                d -> question(d, "QZ").set("visibleWhen", json("{\"question\": \"QE\", \"anyOf\": [1]}")));
    }

    @Test
    void conditionOnACodeTheQuestionDoesNotHave() {
        assertBreaks(LintRule.CONDITION_CODE, d -> question(d, "QB").set("visibleWhen",
                json("{\"not\": {\"question\": \"QA\", \"anyOf\": [4]}}")));
    }

    @Test
    void conditionWithNothingInIt() {
        assertBreaks(LintRule.CONDITION_EMPTY, d -> question(d, "QB").set("visibleWhen", json("{\"all\": []}")));
        assertBreaks(LintRule.CONDITION_EMPTY,
                d -> question(d, "QB").set("visibleWhen", json("{\"question\": \"QA\", \"anyOf\": []}")));
    }

    @Test
    void carryForwardFromALaterSingleOrMissingSourceOrOfUnknownCodes() {
        assertBreaks(LintRule.CARRY_FORWARD, d -> question(d, "QC").set("carryForward",
                json("{\"question\": \"QA\", \"codes\": [1]}")));
        assertBreaks(LintRule.CARRY_FORWARD, d -> question(d, "QB").set("carryForward",
                json("{\"question\": \"QC\", \"codes\": [1]}")));
        assertBreaks(LintRule.CARRY_FORWARD, d -> question(d, "QC").set("carryForward",
                json("{\"question\": \"QB\", \"codes\": [1, 7]}")));
        assertBreaks(LintRule.CARRY_FORWARD, d -> question(d, "QC").set("carryForward",
                json("{\"question\": \"QB\", \"codes\": [9]}")));
        assertBreaks(LintRule.CARRY_FORWARD, d -> question(d, "QZ").set("carryForward",
                json("{\"question\": \"QB\", \"codes\": [1]}")));
    }

    @Test
    void questionNoOrganisationTypeCanSee() {
        assertBreaks(LintRule.UNREACHABLE_QUESTION, d -> question(d, "QZ").set("visibleWhen",
                json("{\"all\": [{\"orgType\": \"kommune\"}, {\"orgType\": \"fylkeskommune\"}]}")));
    }

    @Test
    void questionShownOnlyForAnOptionItsOrganisationTypeIsNotOffered() {
        assertBreaks(LintRule.UNREACHABLE_QUESTION, d -> question(d, "QZ").set("visibleWhen",
                json("{\"all\": [{\"orgType\": \"kommune\"}, {\"question\": \"QB\", \"anyOf\": [7]}]}")));
    }

    @Test
    void questionShownOnlyAfterAnEndingIsUnreachable() {
        ObjectNode definition = TestDefinitions.engineTestJson();
        question(definition, "QA").set("visibleWhen", json("{\"question\": \"Q0\", \"anyOf\": [2, 3]}"));
        List<LintProblem> problems = QuestionnaireLinter.lint(QuestionnaireReader.read("broken", definition));
        assertEquals(List.of("QA", "QB", "QC", "QD"), problems.stream().map(LintProblem::where).toList());
        assertTrue(problems.stream().allMatch(p -> p.rule() == LintRule.UNREACHABLE_QUESTION));
    }

    @Test
    void combinationOfTwoMultipleChoicesIsFoundReachable() {
        ObjectNode definition = TestDefinitions.engineTestJson();
        question(definition, "QZ").set("visibleWhen", json("""
                {"all": [{"question": "QB", "anyOf": [1]}, {"question": "QB", "anyOf": [6]},
                         {"not": {"question": "QC", "anyOf": [9]}}, {"question": "QC", "anyOf": [1]}]}"""));
        assertEquals(Set.of(), rulesBroken(d -> d.setAll(definition)));
    }

    @Test
    void tooEntangledConditionsAreReportedRatherThanSearchedForever() {
        assertBreaks(LintRule.UNREACHABLE_QUESTION, d -> {
            ArrayNode pages = (ArrayNode) d.get("pages");
            ArrayNode any = JSON.createArrayNode();
            for (int i = 1; i <= 9; i++) {
                ObjectNode page = pages.insertObject(pages.size() - 1);
                page.put("id", "extra" + i).putNull("section").putNull("info");
                ObjectNode question = page.putArray("questions").addObject();
                question.put("id", "QX" + i).put("type", "single").put("text", "?").put("required", false);
                ArrayNode options = question.putArray("options");
                for (int code = 1; code <= 4; code++) {
                    options.addObject().put("code", code).put("text", "Svar " + code);
                    any.addObject().put("question", "QX" + i).putArray("anyOf").add(code);
                }
            }
            question(d, "QZ").putObject("visibleWhen").set("any", any);
        });
    }
}
