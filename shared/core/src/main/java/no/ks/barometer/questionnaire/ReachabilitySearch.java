package no.ks.barometer.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds questions that no organisation type and no answers make visible.
 *
 * <p>Only the questions that conditions refer to matter, and of their options only which condition atoms each
 * satisfies: options with the same atoms are interchangeable. So for each such question the search tries "no
 * answer" and one representative answer per combination of atom classes, and evaluates every combination of those
 * across questions, for each organisation type.
 */
final class ReachabilitySearch {
    /** Beyond this many combinations per organisation type the definition is too entangled to check. */
    static final int MAX_COMBINATIONS = 200_000;
    /** A multiple question with more atom classes than this is tried with single classes and all of them only. */
    private static final int MAX_CLASSES_FOR_SUBSETS = 8;

    private final List<Question> questions;
    private final Map<String, List<List<Integer>>> atomsByQuestion = new LinkedHashMap<>();

    ReachabilitySearch(Questionnaire questionnaire) {
        this.questions = questionnaire.questions();
        for (Question question : questions) {
            question.visibleWhen().ifPresent(this::collectAtoms);
        }
    }

    /** Thrown when the search would exceed {@link #MAX_COMBINATIONS}. */
    static final class TooManyCombinations extends Exception {
        TooManyCombinations(long combinations) {
            super(combinations + " combinations of answers");
        }
    }

    List<String> unreachableQuestions() throws TooManyCombinations {
        Set<String> reached = new LinkedHashSet<>();
        for (OrgType orgType : OrgType.values()) {
            search(orgType, reached);
        }
        List<String> unreachable = new ArrayList<>();
        for (Question question : questions) {
            if (!reached.contains(question.id())) {
                unreachable.add(question.id());
            }
        }
        return unreachable;
    }

    private void search(OrgType orgType, Set<String> reached) throws TooManyCombinations {
        Map<String, Question> byId = new HashMap<>();
        questions.forEach(question -> byId.put(question.id(), question));
        List<String> referenced = new ArrayList<>();
        List<List<Set<Integer>>> candidates = new ArrayList<>();
        long combinations = 1;
        for (Map.Entry<String, List<List<Integer>>> entry : atomsByQuestion.entrySet()) {
            Question question = byId.get(entry.getKey());
            if (question == null) {
                continue;
            }
            List<Set<Integer>> answers = candidateAnswers(question, entry.getValue(), orgType);
            referenced.add(question.id());
            candidates.add(answers);
            combinations *= answers.size();
            if (combinations > MAX_COMBINATIONS) {
                throw new TooManyCombinations(combinations);
            }
        }
        int[] choice = new int[candidates.size()];
        while (true) {
            Map<String, Set<Integer>> answers = new HashMap<>();
            for (int i = 0; i < choice.length; i++) {
                answers.put(referenced.get(i), candidates.get(i).get(choice[i]));
            }
            visit(orgType, answers, reached);
            int position = 0;
            while (position < choice.length && ++choice[position] == candidates.get(position).size()) {
                choice[position] = 0;
                position++;
            }
            if (position == choice.length) {
                return;
            }
        }
    }

    /** Walks the questions in order as the engine does: hidden answers are absent, an ending hides the rest. */
    private void visit(OrgType orgType, Map<String, Set<Integer>> answers, Set<String> reached) {
        Map<String, Set<Integer>> effective = new HashMap<>();
        boolean ended = false;
        for (Question question : questions) {
            if (ended || !question.visibleWhen().map(c -> holds(c, orgType, effective)).orElse(true)) {
                continue;
            }
            reached.add(question.id());
            Set<Integer> answer = answers.get(question.id());
            if (answer == null || answer.isEmpty()) {
                continue;
            }
            effective.put(question.id(), answer);
            for (Option option : question.options()) {
                if (option.endsSurvey().isPresent() && answer.contains(option.code())) {
                    ended = true;
                }
            }
        }
    }

    private static boolean holds(Condition condition, OrgType orgType, Map<String, Set<Integer>> effective) {
        return switch (condition) {
            case Condition.QuestionAnyOf atom -> {
                Set<Integer> chosen = effective.get(atom.question());
                yield chosen != null && atom.anyOf().stream().anyMatch(chosen::contains);
            }
            case Condition.OrgTypeIs is -> is.orgType() == orgType;
            case Condition.All all -> all.conditions().stream().allMatch(c -> holds(c, orgType, effective));
            case Condition.AnyOf any -> any.conditions().stream().anyMatch(c -> holds(c, orgType, effective));
            case Condition.Not not -> !holds(not.condition(), orgType, effective);
        };
    }

    /**
     * No answer, plus one answer per class of options (options satisfying the same atoms) or, for a multiple
     * question, per set of classes that can be chosen together.
     */
    private static List<Set<Integer>> candidateAnswers(Question question, List<List<Integer>> atoms, OrgType orgType) {
        Map<Long, Option> representatives = new LinkedHashMap<>();
        for (Option option : question.options()) {
            if (!option.offeredTo(orgType)) {
                continue;
            }
            long signature = 0;
            for (int atom = 0; atom < atoms.size() && atom < Long.SIZE; atom++) {
                if (atoms.get(atom).contains(option.code())) {
                    signature |= 1L << atom;
                }
            }
            Option current = representatives.get(signature);
            if (current == null || (current.exclusive() && !option.exclusive())) {
                representatives.put(signature, option);
            }
        }
        List<Option> classes = new ArrayList<>(representatives.values());
        List<Set<Integer>> answers = new ArrayList<>();
        answers.add(Set.of());
        if (question.type() != QuestionType.MULTIPLE) {
            classes.forEach(option -> answers.add(Set.of(option.code())));
            return answers;
        }
        int maxChoices = question.maxChoices().orElse(classes.size());
        if (classes.size() > MAX_CLASSES_FOR_SUBSETS) {
            classes.forEach(option -> answers.add(Set.of(option.code())));
            List<Integer> combinable = classes.stream().filter(option -> !option.exclusive())
                    .map(Option::code).limit(maxChoices).toList();
            answers.add(Set.copyOf(combinable));
            return answers;
        }
        for (int subset = 1; subset < 1 << classes.size(); subset++) {
            int size = Integer.bitCount(subset);
            Set<Integer> codes = new LinkedHashSet<>();
            boolean combinable = size <= maxChoices;
            for (int i = 0; i < classes.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    combinable &= size == 1 || !classes.get(i).exclusive();
                    codes.add(classes.get(i).code());
                }
            }
            if (combinable) {
                answers.add(codes);
            }
        }
        return answers;
    }

    private void collectAtoms(Condition condition) {
        switch (condition) {
            case Condition.QuestionAnyOf atom -> {
                List<List<Integer>> atoms = atomsByQuestion.computeIfAbsent(atom.question(), id -> new ArrayList<>());
                if (!atoms.contains(atom.anyOf())) {
                    atoms.add(atom.anyOf());
                }
            }
            case Condition.OrgTypeIs is -> {
            }
            case Condition.All all -> all.conditions().forEach(this::collectAtoms);
            case Condition.AnyOf any -> any.conditions().forEach(this::collectAtoms);
            case Condition.Not not -> collectAtoms(not.condition());
        }
    }
}
