package no.ks.barometer.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The questionnaire as read straight from its markdown source, with no knowledge of the JSON definition, so
 * that the two can be compared. Every block of the source must be understood: an unrecognised block fails the
 * parse rather than being skipped, so nothing in the source can go unchecked.
 */
record SourceDocument(
        String title,
        String subtitle,
        List<IntroBlock> introduction,
        String everyPageNote,
        List<SourceQuestion> questions,
        String closing) {

    record IntroBlock(String type, List<String> lines) {}

    /** A numbered line: an option, or a row of a grid. */
    record Item(int code, String text, boolean open, boolean exclusive, boolean endsSurvey, String shownOnlyTo) {}

    record Column(String code, String text) {}

    record Filter(String question, List<Integer> codes) {}

    record SourceQuestion(
            String id,
            String text,
            String answerMarker,
            Filter filter,
            String carryForwardFrom,
            String section,
            String info,
            List<Item> items,
            List<Column> columns) {

        boolean isGrid() {
            return !columns.isEmpty();
        }
    }

    private static final Pattern QUESTION = Pattern.compile("^(Q\\d+[a-z]?)\\s+(.+)$");
    private static final Pattern ITEM = Pattern.compile("^(\\d+)\\.\\s+(.+)$");
    private static final Pattern COLUMN = Pattern.compile("^-\\s+([a-z])\\.\\s+(.+)$");
    private static final Pattern BRACKETED = Pattern.compile("^\\[([^\\]]+)]$");
    private static final Pattern MARKER = Pattern.compile(
            "\\[(Åpent|EXCLUSIVE|Undersøkelsen avsluttes|Vises kun til (kommune|fylkeskommune))]");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]+\\)");
    private static final Pattern FILTER_EQUALS = Pattern.compile("^(Q\\d+[a-z]?)\\s*=\\s*(\\d+(?:\\s*,\\s*\\d+)*)$");
    private static final Pattern FILTER_RANGE = Pattern.compile("^(Q\\d+[a-z]?)\\s+(\\d+)-(\\d+)$");
    private static final String FILTER_PREFIX = "[FILTER:";
    private static final String CARRY_FORWARD_PREFIX = "[CARRY FORWARD ANSWERS FROM ";
    private static final String INFO_PREFIX = "[INFO]";
    private static final String COLUMNS_HEADING = "[SVARALTERNATIVER]:";
    private static final String EVERY_PAGE_PREFIX = "VIS PÅ HVER SIDE GJENNOM HELE SPØRRESKJEMAET:";
    private static final String ORGANISATION_PLACEHOLDER = "[KOMMUNE/FYLKESKOMMUNE]";

    static SourceDocument parse(String markdown) {
        List<List<String>> blocks = blocks(markdown);
        int first = IntStream.range(0, blocks.size())
                .filter(i -> QUESTION.matcher(joined(blocks.get(i))).matches())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the source has no question"));
        if (first < 2) {
            throw new IllegalArgumentException("the source lacks a title and subtitle before its first question");
        }
        String title = joined(blocks.get(0));
        String subtitle = joined(blocks.get(1));
        List<IntroBlock> introduction = new ArrayList<>();
        for (List<String> block : blocks.subList(2, first)) {
            introduction.add(introBlock(block));
        }

        List<SourceQuestion> questions = new ArrayList<>();
        QuestionBuilder current = null;
        String everyPageNote = null;
        String closing = null;
        String pendingSection = null;
        String pendingInfo = null;
        for (int i = first; i < blocks.size(); i++) {
            List<String> block = blocks.get(i);
            String text = joined(block);
            Matcher question = QUESTION.matcher(text);
            if (question.matches()) {
                if (current != null) {
                    questions.add(current.build());
                }
                current = new QuestionBuilder(question.group(1), question.group(2), pendingSection, pendingInfo);
                pendingSection = null;
                pendingInfo = null;
            } else if (text.startsWith(FILTER_PREFIX)) {
                current.filter = filter(text.substring(FILTER_PREFIX.length(), text.length() - 1).trim());
            } else if (text.startsWith(CARRY_FORWARD_PREFIX)) {
                current.carryForwardFrom = text.substring(CARRY_FORWARD_PREFIX.length(), text.length() - 1).trim();
            } else if (text.startsWith(INFO_PREFIX)) {
                pendingInfo = text.substring(INFO_PREFIX.length()).trim();
            } else if (text.equals(COLUMNS_HEADING)) {
                current.inColumns = true;
            } else if (text.startsWith(EVERY_PAGE_PREFIX)) {
                everyPageNote = unbracketed(text.substring(EVERY_PAGE_PREFIX.length()).trim());
            } else if (BRACKETED.matcher(text).matches()) {
                current.answerMarker = answerMarker(text);
            } else if (block.stream().allMatch(line -> ITEM.matcher(inline(line)).matches())) {
                for (String line : block) {
                    current.items.add(item(inline(line)));
                }
            } else if (current.inColumns && block.stream().allMatch(line -> COLUMN.matcher(inline(line)).matches())) {
                for (String line : block) {
                    current.columns.add(column(inline(line)));
                }
            } else if (i + 1 < blocks.size() && QUESTION.matcher(joined(blocks.get(i + 1))).matches()) {
                pendingSection = text;
            } else if (i + 1 == blocks.size()) {
                closing = text;
            } else {
                throw new IllegalArgumentException("a block of the source that the parser does not understand: " + text);
            }
        }
        questions.add(current.build());
        return new SourceDocument(title, subtitle, List.copyOf(introduction), everyPageNote,
                List.copyOf(questions), closing);
    }

    private static List<List<String>> blocks(String markdown) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new ArrayList<>();
                }
            } else {
                block.add(line);
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** The block's lines as one line of plain text: a source line break reads as a single space. */
    private static String joined(List<String> block) {
        return inline(String.join(" ", block));
    }

    /** Removes markdown markup (heading marks, emphasis) and collapses whitespace. */
    static String inline(String markdown) {
        return markdown.replaceFirst("^#+\\s+", "").replace("*", "").replaceAll("\\s+", " ").trim();
    }

    private static IntroBlock introBlock(List<String> block) {
        if (block.stream().allMatch(line -> line.startsWith("- "))) {
            return new IntroBlock("list", block.stream().map(line -> introText(line.substring(2))).toList());
        }
        return new IntroBlock("paragraph", List.of(introText(String.join(" ", block))));
    }

    private static String introText(String markdown) {
        String text = LINK.matcher(inline(markdown)).replaceAll("$1");
        return text.replace(ORGANISATION_PLACEHOLDER, "{organisasjon}");
    }

    private static String unbracketed(String text) {
        Matcher bracketed = BRACKETED.matcher(text);
        return bracketed.matches() ? bracketed.group(1).trim() : text;
    }

    /** "[MULTI ANSWER]", "[MultiAnswer]" and "[MULTIANSWER]" are one marker written three ways. */
    private static String answerMarker(String text) {
        return unbracketed(text).toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static Filter filter(String expression) {
        Matcher equals = FILTER_EQUALS.matcher(expression);
        if (equals.matches()) {
            List<Integer> codes = List.of(equals.group(2).split("\\s*,\\s*")).stream().map(Integer::valueOf).toList();
            return new Filter(equals.group(1), codes);
        }
        Matcher range = FILTER_RANGE.matcher(expression);
        if (range.matches()) {
            int from = Integer.parseInt(range.group(2));
            int to = Integer.parseInt(range.group(3));
            return new Filter(range.group(1), IntStream.rangeClosed(from, to).boxed().toList());
        }
        throw new IllegalArgumentException("a filter the parser does not understand: " + expression);
    }

    private static Item item(String line) {
        Matcher item = ITEM.matcher(line);
        if (!item.matches()) {
            throw new IllegalArgumentException("not a numbered line: " + line);
        }
        String text = item.group(2);
        boolean open = false;
        boolean exclusive = false;
        boolean endsSurvey = false;
        String shownOnlyTo = null;
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            switch (marker.group(1)) {
                case "Åpent" -> open = true;
                case "EXCLUSIVE" -> exclusive = true;
                case "Undersøkelsen avsluttes" -> endsSurvey = true;
                default -> shownOnlyTo = marker.group(2);
            }
        }
        String plain = MARKER.matcher(text).replaceAll("").replaceAll("\\s+", " ").trim();
        return new Item(Integer.parseInt(item.group(1)), plain, open, exclusive, endsSurvey, shownOnlyTo);
    }

    private static Column column(String line) {
        Matcher column = COLUMN.matcher(line);
        if (!column.matches()) {
            throw new IllegalArgumentException("not a lettered line: " + line);
        }
        return new Column(column.group(1), column.group(2).trim());
    }

    private static final class QuestionBuilder {
        private final String id;
        private final String text;
        private final String section;
        private final String info;
        private final List<Item> items = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();
        private String answerMarker;
        private Filter filter;
        private String carryForwardFrom;
        private boolean inColumns;

        private QuestionBuilder(String id, String text, String section, String info) {
            this.id = id;
            this.text = text;
            this.section = section;
            this.info = info;
        }

        private SourceQuestion build() {
            return new SourceQuestion(id, text, answerMarker, filter, carryForwardFrom, section, info,
                    List.copyOf(items), List.copyOf(columns));
        }
    }
}
