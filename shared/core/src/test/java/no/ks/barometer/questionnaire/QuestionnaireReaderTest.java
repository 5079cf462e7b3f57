package no.ks.barometer.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class QuestionnaireReaderTest {

    private static List<String> problemsOf(Consumer<ObjectNode> change) {
        ObjectNode definition = TestDefinitions.engineTestJson();
        change.accept(definition);
        return assertThrows(InvalidQuestionnaireException.class,
                () -> QuestionnaireReader.read("changed", definition)).problems();
    }

    private static ObjectNode firstQuestion(ObjectNode definition) {
        return (ObjectNode) definition.get("pages").get(0).get("questions").get(0);
    }

    @Test
    void readsEveryPartOfADefinition() {
        Questionnaire questionnaire = TestDefinitions.engineTest();
        assertEquals("engine-test", questionnaire.id());
        assertEquals(new Limits(20, 10), questionnaire.limits());
        assertEquals(List.of(new IntroBlock.Paragraph("Et lite skjema til {organisasjon} som bruker hver regel."),
                new IntroBlock.BulletList(List.of("Frivillig", "Anonymt"))), questionnaire.introduction());
        assertEquals("Feil mottaker.", questionnaire.endings().get(EndReason.WRONG_RECIPIENT));
        assertEquals(Optional.of("Velg områder."), questionnaire.page("pb").orElseThrow().info());
        Question qb = questionnaire.question("QB").orElseThrow();
        assertEquals(QuestionType.MULTIPLE, qb.type());
        assertEquals(OptionalInt.of(2), qb.maxChoices());
        assertEquals(Optional.of(new Condition.QuestionAnyOf("QA", List.of(1))), qb.visibleWhen());
        assertEquals(new Option(4, "Annet", true, false, EnumSet.allOf(OrgType.class), Optional.empty()),
                qb.option(4).orElseThrow());
        assertEquals(EnumSet.of(OrgType.KOMMUNE), qb.option(6).orElseThrow().orgTypes());
        assertEquals(Optional.of(new CarryForward("QB", List.of(1, 2, 3))),
                questionnaire.question("QC").orElseThrow().carryForward());
        Question qd = questionnaire.question("QD").orElseThrow();
        assertEquals(Optional.of(new Condition.All(List.of(new Condition.QuestionAnyOf("QA", List.of(1)),
                new Condition.Not(new Condition.QuestionAnyOf("QB", List.of(5)))))), qd.visibleWhen());
        assertEquals(List.of(new GridColumn("a", "Ja"), new GridColumn("b", "Nei")), qd.columns());
        assertEquals(Optional.of(new Condition.AnyOf(List.of(new Condition.QuestionAnyOf("QA", List.of(2)),
                new Condition.OrgTypeIs(OrgType.FYLKESKOMMUNE)))),
                questionnaire.question("QE").orElseThrow().visibleWhen());
        assertEquals(Optional.of(EndReason.DECLINED),
                questionnaire.question("Q0").orElseThrow().option(2).orElseThrow().endsSurvey());
        assertEquals("pe", questionnaire.pageOf("QF").orElseThrow().id());
    }

    @Test
    void misspeltFieldIsRefusedRatherThanIgnored() {
        List<String> problems = problemsOf(d -> firstQuestion(d).set("visiblewhen", d.objectNode()));
        assertEquals(List.of("$.pages[0].questions[0].visiblewhen: unknown field"), problems);
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamedByPath() {
        List<String> problems = problemsOf(d -> {
            firstQuestion(d).put("required", "yes");
            firstQuestion(d).put("type", "ranking");
            d.remove("title");
        });
        assertTrue(problems.contains("$.pages[0].questions[0].required: must be true or false"), problems::toString);
        assertTrue(problems.contains("$.pages[0].questions[0].type: must be one of single, multiple, text, grid"),
                problems::toString);
        assertTrue(problems.contains("$.title: must be a string"), problems::toString);
    }

    @Test
    void unknownConditionFormIsRefused() {
        List<String> problems = problemsOf(d -> firstQuestion(d).putObject("visibleWhen").put("eval", "Q2 == 1"));
        assertEquals(List.of("$.pages[0].questions[0].visibleWhen: a condition needs one of question/anyOf, "
                + "orgType, all, any, not"), problems);
    }

    @Test
    void unknownOrganisationTypeAndEndingAreRefused() {
        List<String> problems = problemsOf(d -> {
            ((ObjectNode) firstQuestion(d).get("options").get(0)).putArray("orgTypes").add("stat");
            ((ObjectNode) firstQuestion(d).get("options").get(1)).put("endsSurvey", "BORED");
        });
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void keyWrittenTwiceIsRefused() {
        byte[] json = "{\"id\": \"a\", \"id\": \"b\"}".getBytes(StandardCharsets.UTF_8);
        List<String> problems = assertThrows(InvalidQuestionnaireException.class,
                () -> QuestionnaireReader.read("twice", json)).problems();
        assertTrue(problems.get(0).contains("Duplicate field 'id'"), problems::toString);
    }
}
