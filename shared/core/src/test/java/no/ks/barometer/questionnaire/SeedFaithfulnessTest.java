package no.ks.barometer.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import no.ks.barometer.questionnaire.SourceDocument.Filter;
import no.ks.barometer.questionnaire.SourceDocument.IntroBlock;
import no.ks.barometer.questionnaire.SourceDocument.Item;
import no.ks.barometer.questionnaire.SourceDocument.SourceQuestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that the JSON definition says what the questionnaire's source says, by reading the source on its own
 * and comparing the two; only markdown markup and whitespace are normalised.
 */
class SeedFaithfulnessTest {

    private static final String FOLDER = "/questionnaires/innovasjonsbarometer-2024/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SourceDocument source;
    private static JsonNode definition;
    private static List<JsonNode> questions;

    @BeforeAll
    static void load() throws IOException {
        definition = JSON.readTree(resource("v1.json"));
        source = SourceDocument.parse(resource(definition.get("source").asText()));
        questions = elements(definition.get("pages")).stream()
                .flatMap(page -> elements(page.get("questions")).stream())
                .toList();
    }

    @Test
    void parserReadsEveryNumberedQuestionOfTheSource() {
        Set<Integer> numbers = new TreeSet<>();
        for (SourceQuestion question : source.questions()) {
            numbers.add(Integer.parseInt(question.id().replaceAll("\\D", "")));
            assertTrue(question.answerMarker() != null, question.id() + " has an answer marker");
        }
        List<Integer> contiguous = IntStream.rangeClosed(0, numbers.size() - 1).boxed().toList();
        assertEquals(contiguous, List.copyOf(numbers));
        assertTrue(source.questions().size() > numbers.size(), "the lettered questions are read too");
    }

    @Test
    void definitionHasTheSourceQuestionsInSourceOrder() {
        assertEquals(source.questions().stream().map(SourceQuestion::id).toList(),
                questions.stream().map(question -> question.get("id").asText()).toList());
    }

    @Test
    void everyQuestionIsOnItsOwnPageNamedAfterIt() {
        for (JsonNode page : definition.get("pages")) {
            assertEquals(1, page.get("questions").size(), page.get("id").asText());
            String questionId = page.get("questions").get(0).get("id").asText();
            assertEquals(questionId.toLowerCase(Locale.ROOT), page.get("id").asText());
        }
    }

    @Test
    void questionTextsAreTheSourceTexts() {
        assertEquals(bySourceId(SourceQuestion::text), byDefinitionId(question -> question.get("text").asText()));
    }

    @Test
    void questionTypesFollowTheSourceAnswerMarkers() {
        assertEquals(bySourceId(SeedFaithfulnessTest::expectedType),
                byDefinitionId(question -> question.get("type").asText()));
    }

    @Test
    void optionsHaveTheSourceCodesAndTexts() {
        assertEquals(
                bySourceId(question -> question.isGrid() ? List.of() : question.items().stream()
                        .map(item -> item.code() + " " + item.text()).toList()),
                byDefinitionId(question -> elements(question.get("options")).stream()
                        .map(option -> option.get("code").asInt() + " " + option.get("text").asText()).toList()));
    }

    @Test
    void gridsHaveTheSourceRowsAndColumns() {
        assertEquals(
                bySourceId(question -> question.isGrid() ? question.items().stream()
                        .map(item -> item.code() + " " + item.text()).toList() : List.of()),
                byDefinitionId(question -> elements(question.get("rows")).stream()
                        .map(row -> row.get("code").asInt() + " " + row.get("text").asText()).toList()));
        assertEquals(
                bySourceId(question -> question.columns().stream()
                        .map(column -> column.code() + " " + column.text()).toList()),
                byDefinitionId(question -> elements(question.get("columns")).stream()
                        .map(column -> column.get("code").asText() + " " + column.get("text").asText()).toList()));
    }

    @Test
    void openOptionsAndOnlyThoseAskForAnOtherText() {
        assertEquals(sourceOptions(Item::open), definitionOptions(option -> option.path("other").asBoolean(false)));
    }

    @Test
    void optionsMarkedExclusiveInTheSourceAreExclusive() {
        Set<String> exclusive = definitionOptions(option -> option.path("exclusive").asBoolean(false));
        for (String marked : sourceOptions(Item::exclusive)) {
            assertTrue(exclusive.contains(marked), marked + " is exclusive");
        }
    }

    @Test
    void optionsThatEndTheSurveyAreTheOnesTheSourceSaysEndIt() {
        assertEquals(sourceOptions(Item::endsSurvey), definitionOptions(option -> option.has("endsSurvey")));
    }

    @Test
    void optionsShownOnlyToOneOrganisationTypeAreOfferedOnlyToIt() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (SourceQuestion question : source.questions()) {
            for (Item item : question.items()) {
                if (!question.isGrid() && item.shownOnlyTo() != null) {
                    expected.put(question.id() + "/" + item.code(), "[\"" + item.shownOnlyTo() + "\"]");
                }
            }
        }
        for (JsonNode question : questions) {
            for (JsonNode option : elements(question.get("options"))) {
                if (option.has("orgTypes")) {
                    actual.put(question.get("id").asText() + "/" + option.get("code").asInt(),
                            option.get("orgTypes").toString());
                }
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void everySourceFilterIsTheQuestionsVisibleWhen() {
        assertEquals(bySourceId(question -> filterAsCondition(question.filter())),
                byDefinitionId(question -> question.path("visibleWhen")));
    }

    @Test
    void carryForwardNamesTheQuestionTheSourceCarriesAnswersFrom() {
        assertEquals(bySourceId(question -> String.valueOf(question.carryForwardFrom())),
                byDefinitionId(question -> question.path("carryForward").path("question").asText("null")));
        for (JsonNode question : questions) {
            if (question.path("carryForward").isObject()) {
                Set<Integer> offered = codes(question.get("options"));
                Set<Integer> carried = new TreeSet<>();
                question.get("carryForward").get("codes").forEach(code -> carried.add(code.asInt()));
                assertTrue(offered.containsAll(carried), "carried codes are options of " + question.get("id"));
            }
        }
    }

    @Test
    void sectionHeadingsAndInfoTextsAreOnThePageOfTheQuestionTheyPrecede() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (SourceQuestion question : source.questions()) {
            expected.put(question.id(), question.section() + " | " + question.info());
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode page : definition.get("pages")) {
            actual.put(page.get("questions").get(0).get("id").asText(),
                    page.path("section").asText("null") + " | " + page.path("info").asText("null"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void titleAndSubtitleAreTheSourceHeadings() {
        assertTrue(source.title().equalsIgnoreCase(definition.get("title").asText()),
                "the title differs from the source's only in letter case");
        assertEquals(source.subtitle(), definition.get("subtitle").asText());
    }

    @Test
    void introductionIsTheSourcePreambleWithTheOrganisationAsPlaceholder() {
        List<IntroBlock> actual = new ArrayList<>();
        for (JsonNode block : definition.get("introduction")) {
            String type = block.get("type").asText();
            List<String> lines = type.equals("list")
                    ? elements(block.get("items")).stream().map(JsonNode::asText).toList()
                    : List.of(block.get("text").asText());
            actual.add(new IntroBlock(type, lines));
        }
        assertEquals(source.introduction(), actual);
    }

    @Test
    void everyPageNoteAndClosingAreTheSourceTexts() {
        assertEquals(source.everyPageNote(), definition.get("everyPageNote").asText());
        assertEquals(source.closing(), definition.get("closing").asText());
    }

    @Test
    void upToTwoAndUpToThreeInTheQuestionTextLimitTheChoices() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (SourceQuestion question : source.questions()) {
            String text = question.text().toLowerCase(Locale.ROOT);
            expected.put(question.id(), text.contains("inntil to") ? "2" : text.contains("inntil tre") ? "3" : "null");
        }
        assertEquals(expected, byDefinitionId(question -> question.path("maxChoices").asText("null")));
    }

    @Test
    void dontKnowNoneAndNoCooperationAreExclusiveInMultipleChoiceQuestions() {
        Set<String> expected = new TreeSet<>(sourceOptions(Item::exclusive));
        for (SourceQuestion question : source.questions()) {
            if (expectedType(question).equals("multiple")) {
                for (Item item : question.items()) {
                    if (impliesExclusive(item.text())) {
                        expected.add(question.id() + "/" + item.code());
                    }
                }
            }
        }
        assertEquals(expected, definitionOptions(option -> option.path("exclusive").asBoolean(false)));
    }

    @Test
    void gridRowsAboutOneAdministrationAreShownOnlyToThatOrganisationType() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (SourceQuestion question : source.questions()) {
            if (question.isGrid()) {
                for (Item row : question.items()) {
                    String text = row.text().toLowerCase(Locale.ROOT);
                    String orgTypes = text.contains("fylkeskommuneadministrasjon") ? "[\"fylkeskommune\"]"
                            : text.contains("kommuneadministrasjon") ? "[\"kommune\"]" : "all";
                    expected.put(question.id() + "/" + row.code(), orgTypes);
                }
            }
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode question : questions) {
            for (JsonNode row : elements(question.get("rows"))) {
                actual.put(question.get("id").asText() + "/" + row.get("code").asInt(),
                        row.has("orgTypes") ? row.get("orgTypes").toString() : "all");
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void openQuestionsAreOptionalAndClosedQuestionsRequired() {
        assertEquals(bySourceId(question -> !expectedType(question).equals("text")),
                byDefinitionId(question -> question.get("required").asBoolean()));
    }

    private static boolean impliesExclusive(String optionText) {
        return optionText.startsWith("Vet ikke") || optionText.equals("Ingen") || optionText.equals("Ingenting")
                || optionText.startsWith("Nei, vi samarbeider ikke");
    }

    private static String expectedType(SourceQuestion question) {
        if (question.isGrid()) {
            return "grid";
        }
        return switch (question.answerMarker()) {
            case "singleanswer" -> "single";
            case "multianswer" -> "multiple";
            case "åpent" -> "text";
            default -> throw new IllegalArgumentException(
                    question.id() + " has an unknown answer marker: " + question.answerMarker());
        };
    }

    private static JsonNode filterAsCondition(Filter filter) {
        if (filter == null) {
            return MissingNode.getInstance();
        }
        ObjectNode condition = JsonNodeFactory.instance.objectNode();
        condition.put("question", filter.question());
        ArrayNode anyOf = condition.putArray("anyOf");
        filter.codes().forEach(anyOf::add);
        return condition;
    }

    private static <T> Map<String, T> bySourceId(Function<SourceQuestion, T> value) {
        Map<String, T> byId = new LinkedHashMap<>();
        source.questions().forEach(question -> byId.put(question.id(), value.apply(question)));
        return byId;
    }

    private static <T> Map<String, T> byDefinitionId(Function<JsonNode, T> value) {
        Map<String, T> byId = new LinkedHashMap<>();
        questions.forEach(question -> byId.put(question.get("id").asText(), value.apply(question)));
        return byId;
    }

    private static Set<String> sourceOptions(Predicate<Item> marked) {
        Set<String> found = new TreeSet<>();
        for (SourceQuestion question : source.questions()) {
            if (!question.isGrid()) {
                question.items().stream().filter(marked).forEach(item -> found.add(question.id() + "/" + item.code()));
            }
        }
        return found;
    }

    private static Set<String> definitionOptions(Predicate<JsonNode> flagged) {
        Set<String> found = new TreeSet<>();
        for (JsonNode question : questions) {
            for (JsonNode option : elements(question.get("options"))) {
                if (flagged.test(option)) {
                    found.add(question.get("id").asText() + "/" + option.get("code").asInt());
                }
            }
        }
        return found;
    }

    private static Set<Integer> codes(JsonNode options) {
        Set<Integer> codes = new TreeSet<>();
        elements(options).forEach(option -> codes.add(option.get("code").asInt()));
        return codes;
    }

    private static List<JsonNode> elements(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SeedFaithfulnessTest.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("missing resource " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
