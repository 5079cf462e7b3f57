package no.ks.barometer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ks.barometer.questionnaire.Questionnaire;

/**
 * Reads and writes answers in their JSON form. Reading takes an answer's shape from its keys ({@code choice},
 * {@code choices}, {@code text} or {@code rows}, with {@code other} beside a choice); whether the shape fits the
 * question is the engine's decision, so that a list of choices given to a single question can be reported as too
 * many choices.
 */
public final class AnswerCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerCodec() {
    }

    /** Reads every answer of {@code answers}, an object keyed by question id. */
    public static ParsedAnswers read(Questionnaire questionnaire, JsonNode answers) {
        Map<String, Answer> read = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (answers == null || !answers.isObject()) {
            problems.add(Problem.of(ProblemCode.WRONG_ANSWER_TYPE, null, "Svarene må være et JSON-objekt."));
            return new ParsedAnswers(read, problems);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = answers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String questionId = field.getKey();
            if (questionnaire.question(questionId).isEmpty()) {
                problems.add(Problem.of(ProblemCode.UNKNOWN_QUESTION, questionId));
                continue;
            }
            Answer answer = answer(field.getValue());
            if (answer == null) {
                problems.add(Problem.of(ProblemCode.WRONG_ANSWER_TYPE, questionId));
            } else if (hasInvalidCharacters(answer)) {
                problems.add(Problem.of(ProblemCode.INVALID_CHARACTERS, questionId));
            } else {
                read.put(questionId, answer);
            }
        }
        return new ParsedAnswers(read, problems);
    }

    /** Writes answers as an object keyed by question id, in the map's order. */
    public static ObjectNode write(Map<String, Answer> answers) {
        ObjectNode node = NODES.objectNode();
        answers.forEach((questionId, answer) -> node.set(questionId, write(answer)));
        return node;
    }

    public static ObjectNode write(Answer answer) {
        ObjectNode node = NODES.objectNode();
        switch (answer) {
            case SingleChoice single -> {
                node.put("choice", single.code());
                if (single.other() != null) {
                    node.put("other", single.other());
                }
            }
            case MultipleChoice multiple -> {
                ArrayNode codes = node.putArray("choices");
                multiple.codes().forEach(codes::add);
                if (multiple.other() != null) {
                    node.put("other", multiple.other());
                }
            }
            case OpenText text -> node.put("text", text.text());
            case GridAnswer grid -> {
                ObjectNode rows = node.putObject("rows");
                grid.rows().forEach((row, column) -> rows.put(String.valueOf(row), column));
            }
        }
        return node;
    }

    /** The answer {@code node} holds, or null when it has none of the documented shapes. */
    private static Answer answer(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        JsonNode other = node.get("other");
        boolean hasOther = other != null;
        if (hasOther && !other.isTextual() && !other.isNull()) {
            return null;
        }
        String otherText = hasOther && other.isTextual() ? other.textValue() : null;
        int keys = node.size();
        if (keys == (hasOther ? 2 : 1)) {
            if (node.has("choice")) {
                JsonNode choice = node.get("choice");
                return isInt(choice) ? new SingleChoice(choice.intValue(), otherText) : null;
            }
            if (node.has("choices")) {
                return choices(node.get("choices"), otherText);
            }
        }
        if (keys == 1 && !hasOther) {
            if (node.has("text")) {
                JsonNode text = node.get("text");
                return text.isTextual() ? new OpenText(text.textValue()) : null;
            }
            if (node.has("rows")) {
                return rows(node.get("rows"));
            }
        }
        return null;
    }

    private static MultipleChoice choices(JsonNode node, String other) {
        if (!node.isArray()) {
            return null;
        }
        List<Integer> codes = new ArrayList<>(node.size());
        for (JsonNode code : node) {
            if (!isInt(code)) {
                return null;
            }
            codes.add(code.intValue());
        }
        return new MultipleChoice(codes, other);
    }

    private static GridAnswer rows(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        Map<Integer, String> rows = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Integer row = rowCode(field.getKey());
            if (row == null || !field.getValue().isTextual() || rows.containsKey(row)) {
                return null;
            }
            rows.put(row, field.getValue().textValue());
        }
        return new GridAnswer(rows);
    }

    /** A row key is a row code written as a plain decimal integer ("1", "12"). */
    private static Integer rowCode(String key) {
        if (key.isEmpty() || key.length() > 9) {
            return null;
        }
        int start = key.charAt(0) == '-' ? 1 : 0;
        if (start == key.length()) {
            return null;
        }
        for (int i = start; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return null;
            }
        }
        int code = Integer.parseInt(key);
        return String.valueOf(code).equals(key) ? code : null;
    }

    private static boolean isInt(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt();
    }

    private static boolean hasInvalidCharacters(Answer answer) {
        return switch (answer) {
            case SingleChoice single -> Texts.hasInvalidCharacters(single.other());
            case MultipleChoice multiple -> Texts.hasInvalidCharacters(multiple.other());
            case OpenText text -> Texts.hasInvalidCharacters(text.text());
            case GridAnswer grid -> false;
        };
    }
}
