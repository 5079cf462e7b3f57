package no.ks.barometer.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Builds a {@link Questionnaire} from its JSON definition. Unknown fields are refused, because a misspelt
 * {@code visibleWhen} would otherwise silently show a question to everyone. Rules across fields are the linter's.
 */
public final class QuestionnaireReader {
    /** A key given twice would otherwise silently keep the last value. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Set<String> ROOT_FIELDS = Set.of("id", "version", "language", "title", "subtitle", "source",
            "decisions", "everyPageNote", "introduction", "closing", "endings", "limits", "pages");
    private static final Set<String> PAGE_FIELDS = Set.of("id", "section", "info", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "type", "text", "required", "visibleWhen",
            "maxChoices", "carryForward", "options", "rows", "columns");
    private static final Set<String> OPTION_FIELDS = Set.of("code", "text", "other", "exclusive", "orgTypes",
            "endsSurvey");
    private static final Set<String> ROW_FIELDS = Set.of("code", "text", "orgTypes");
    private static final Set<String> COLUMN_FIELDS = Set.of("code", "text");

    private final List<String> errors = new ArrayList<>();

    private QuestionnaireReader() {
    }

    /** Reads a definition from its file's bytes; {@code name} names it in error messages. */
    public static Questionnaire read(String name, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidQuestionnaireException(name, List.of("not JSON: " + e.getMessage()));
        }
        return read(name, root);
    }

    public static Questionnaire read(String name, JsonNode root) {
        QuestionnaireReader reader = new QuestionnaireReader();
        Questionnaire questionnaire = reader.questionnaire(root);
        if (!reader.errors.isEmpty()) {
            throw new InvalidQuestionnaireException(name, reader.errors);
        }
        return questionnaire;
    }

    private Questionnaire questionnaire(JsonNode node) {
        if (!node.isObject()) {
            errors.add("$: must be an object");
            return null;
        }
        knownFields(node, "$", ROOT_FIELDS);
        List<IntroBlock> introduction = new ArrayList<>();
        forEach(node, "introduction", "$", (block, path) -> introBlock(block, path).ifPresent(introduction::add));
        List<Page> pages = new ArrayList<>();
        forEach(node, "pages", "$", (page, path) -> addPresent(pages, page(page, path)));
        Questionnaire questionnaire = new Questionnaire(text(node, "id", "$"), integer(node, "version", "$"),
                text(node, "language", "$"), text(node, "title", "$"), optionalText(node, "subtitle", "$"),
                text(node, "source", "$"), text(node, "decisions", "$"), optionalText(node, "everyPageNote", "$"),
                introduction, text(node, "closing", "$"), endings(node.get("endings")), limits(node.get("limits")),
                pages);
        return errors.isEmpty() ? questionnaire : null;
    }

    private Map<EndReason, String> endings(JsonNode node) {
        Map<EndReason, String> endings = new EnumMap<>(EndReason.class);
        if (!isObject(node, "$.endings")) {
            return endings;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<EndReason> reason = endReason(field.getKey(), "$.endings");
            if (reason.isPresent()) {
                endings.put(reason.get(), text(node, field.getKey(), "$.endings"));
            }
        }
        return endings;
    }

    private Limits limits(JsonNode node) {
        if (!isObject(node, "$.limits")) {
            return null;
        }
        knownFields(node, "$.limits", Set.of("textMaxLength", "otherMaxLength"));
        return new Limits(integer(node, "textMaxLength", "$.limits"), integer(node, "otherMaxLength", "$.limits"));
    }

    private Optional<IntroBlock> introBlock(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return Optional.empty();
        }
        String type = text(node, "type", path);
        if ("paragraph".equals(type)) {
            knownFields(node, path, Set.of("type", "text"));
            return Optional.of(new IntroBlock.Paragraph(text(node, "text", path)));
        }
        if ("list".equals(type)) {
            knownFields(node, path, Set.of("type", "items"));
            List<String> items = new ArrayList<>();
            forEach(node, "items", path, (item, itemPath) -> {
                if (item.isTextual()) {
                    items.add(item.textValue());
                } else {
                    errors.add(itemPath + ": must be a string");
                }
            });
            return Optional.of(new IntroBlock.BulletList(items));
        }
        errors.add(path + ".type: must be \"paragraph\" or \"list\"");
        return Optional.empty();
    }

    private Page page(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        knownFields(node, path, PAGE_FIELDS);
        List<Question> questions = new ArrayList<>();
        forEach(node, "questions", path, (question, questionPath) -> addPresent(questions, question(question, questionPath)));
        return new Page(text(node, "id", path), optionalText(node, "section", path), optionalText(node, "info", path),
                questions);
    }

    private Question question(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        knownFields(node, path, QUESTION_FIELDS);
        String typeCode = text(node, "type", path);
        QuestionType type = QuestionType.fromCode(typeCode).orElse(null);
        if (typeCode != null && type == null) {
            errors.add(path + ".type: must be one of single, multiple, text, grid");
        }
        JsonNode required = node.get("required");
        if (required == null || !required.isBoolean()) {
            errors.add(path + ".required: must be true or false");
        }
        Optional<Condition> visibleWhen = present(node, "visibleWhen")
                ? Optional.ofNullable(condition(node.get("visibleWhen"), path + ".visibleWhen"))
                : Optional.empty();
        OptionalInt maxChoices = present(node, "maxChoices")
                ? OptionalInt.of(integer(node, "maxChoices", path))
                : OptionalInt.empty();
        Optional<CarryForward> carryForward = present(node, "carryForward")
                ? Optional.ofNullable(carryForward(node.get("carryForward"), path + ".carryForward"))
                : Optional.empty();
        List<Option> options = new ArrayList<>();
        forEachOptional(node, "options", path, (option, optionPath) -> addPresent(options, option(option, optionPath)));
        List<GridRow> rows = new ArrayList<>();
        forEachOptional(node, "rows", path, (row, rowPath) -> addPresent(rows, row(row, rowPath)));
        List<GridColumn> columns = new ArrayList<>();
        forEachOptional(node, "columns", path, (column, columnPath) -> addPresent(columns, column(column, columnPath)));
        if (type == null || required == null || !required.isBoolean()) {
            return null;
        }
        return new Question(text(node, "id", path), type, text(node, "text", path), required.booleanValue(),
                visibleWhen, maxChoices, carryForward, options, rows, columns);
    }

    private CarryForward carryForward(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        knownFields(node, path, Set.of("question", "codes"));
        return new CarryForward(text(node, "question", path), codes(node, "codes", path));
    }

    private Option option(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        knownFields(node, path, OPTION_FIELDS);
        Optional<EndReason> endsSurvey = Optional.empty();
        if (present(node, "endsSurvey")) {
            String reason = text(node, "endsSurvey", path);
            endsSurvey = reason == null ? Optional.empty() : endReason(reason, path + ".endsSurvey");
        }
        return new Option(integer(node, "code", path), text(node, "text", path), flag(node, "other", path),
                flag(node, "exclusive", path), orgTypes(node, path), endsSurvey);
    }

    private GridRow row(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        knownFields(node, path, ROW_FIELDS);
        return new GridRow(integer(node, "code", path), text(node, "text", path), orgTypes(node, path));
    }

    private GridColumn column(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        knownFields(node, path, COLUMN_FIELDS);
        return new GridColumn(text(node, "code", path), text(node, "text", path));
    }

    private Condition condition(JsonNode node, String path) {
        if (!isObject(node, path)) {
            return null;
        }
        if (node.has("question")) {
            knownFields(node, path, Set.of("question", "anyOf"));
            return new Condition.QuestionAnyOf(text(node, "question", path), codes(node, "anyOf", path));
        }
        if (node.has("orgType")) {
            knownFields(node, path, Set.of("orgType"));
            String code = text(node, "orgType", path);
            Optional<OrgType> orgType = OrgType.fromCode(code);
            if (orgType.isEmpty()) {
                errors.add(path + ".orgType: must be \"kommune\" or \"fylkeskommune\"");
                return null;
            }
            return new Condition.OrgTypeIs(orgType.get());
        }
        if (node.has("all")) {
            knownFields(node, path, Set.of("all"));
            return new Condition.All(conditions(node, "all", path));
        }
        if (node.has("any")) {
            knownFields(node, path, Set.of("any"));
            return new Condition.AnyOf(conditions(node, "any", path));
        }
        if (node.has("not")) {
            knownFields(node, path, Set.of("not"));
            return new Condition.Not(condition(node.get("not"), path + ".not"));
        }
        errors.add(path + ": a condition needs one of question/anyOf, orgType, all, any, not");
        return null;
    }

    private List<Condition> conditions(JsonNode node, String field, String path) {
        List<Condition> conditions = new ArrayList<>();
        forEach(node, field, path, (condition, conditionPath) -> addPresent(conditions, condition(condition, conditionPath)));
        return conditions;
    }

    private Set<OrgType> orgTypes(JsonNode node, String path) {
        if (!present(node, "orgTypes")) {
            return EnumSet.allOf(OrgType.class);
        }
        Set<OrgType> orgTypes = EnumSet.noneOf(OrgType.class);
        forEach(node, "orgTypes", path, (type, typePath) -> {
            Optional<OrgType> orgType = type.isTextual() ? OrgType.fromCode(type.textValue()) : Optional.empty();
            if (orgType.isPresent()) {
                orgTypes.add(orgType.get());
            } else {
                errors.add(typePath + ": must be \"kommune\" or \"fylkeskommune\"");
            }
        });
        return orgTypes;
    }

    private List<Integer> codes(JsonNode node, String field, String path) {
        List<Integer> codes = new ArrayList<>();
        forEach(node, field, path, (code, codePath) -> {
            if (code.canConvertToInt() && code.isIntegralNumber()) {
                codes.add(code.intValue());
            } else {
                errors.add(codePath + ": must be an integer");
            }
        });
        return codes;
    }

    private Optional<EndReason> endReason(String name, String path) {
        for (EndReason reason : EndReason.values()) {
            if (reason.name().equals(name)) {
                return Optional.of(reason);
            }
        }
        errors.add(path + ": \"" + name + "\" is not DECLINED or WRONG_RECIPIENT");
        return Optional.empty();
    }

    private interface ElementReader {
        void read(JsonNode element, String path);
    }

    private void forEach(JsonNode node, String field, String path, ElementReader reader) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            errors.add(path + "." + field + ": must be an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            reader.read(array.get(i), path + "." + field + "[" + i + "]");
        }
    }

    private void forEachOptional(JsonNode node, String field, String path, ElementReader reader) {
        if (present(node, field)) {
            forEach(node, field, path, reader);
        }
    }

    /** An element that could not be read is left out; its error is already recorded. */
    private static <T> void addPresent(List<T> list, T element) {
        if (element != null) {
            list.add(element);
        }
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    private boolean isObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            errors.add(path + ": must be an object");
            return false;
        }
        return true;
    }

    private void knownFields(JsonNode node, String path, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(path + "." + name + ": unknown field");
            }
        });
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            errors.add(path + "." + field + ": must be a string");
            return null;
        }
        return value.textValue();
    }

    private Optional<String> optionalText(JsonNode node, String field, String path) {
        return present(node, field) ? Optional.ofNullable(text(node, field, path)) : Optional.empty();
    }

    private int integer(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(path + "." + field + ": must be an integer");
            return 0;
        }
        return value.intValue();
    }

    private boolean flag(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(path + "." + field + ": must be true or false");
            return false;
        }
        return value.booleanValue();
    }
}
