package no.ks.barometer.local.simulation;

import no.ks.barometer.questionnaire.EndReason;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.OpenText;
import no.ks.barometer.rules.SingleChoice;
import no.ks.barometer.rules.VisiblePage;
import no.ks.barometer.rules.VisibleQuestion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random valid answers to a page as the server shows it: offered options only, exclusive options alone, at most
 * {@code maxChoices}, a text with "other", every shown grid row; optional questions left out now and then.
 */
final class RandomAnswers {

    private static final double OPTIONAL_ANSWERED = 0.7;
    private static final double EXCLUSIVE_CHOSEN = 0.1;
    private static final List<String> TEXTS = List.of(
            "Mer tid til utviklingsarbeid og bedre samarbeid på tvers av sektorene.",
            "Vi har fått god hjelp av nettverket i regionen.",
            "Kompetanse på gevinstrealisering.",
            "Bedre finansiering av felles digitale løsninger.",
            "Innbyggerdialog tidlig i prosjektene.");
    private static final String OTHER_TEXT = "Simulert: eget svar";

    private final Random random;

    RandomAnswers(Random random) {
        this.random = random;
    }

    /** Answers for the page's visible questions; {@code decline} picks the option that declines, where there is one. */
    Map<String, Answer> forPage(VisiblePage page, boolean decline) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (VisibleQuestion question : page.questions()) {
            Optional<Option> ending = question.options().stream()
                    .filter(o -> o.endsSurvey().equals(Optional.of(EndReason.DECLINED))).findFirst();
            if (decline && ending.isPresent()) {
                answers.put(question.question().id(), new SingleChoice(ending.get().code()));
                return answers;
            }
            if (!question.question().required() && random.nextDouble() > OPTIONAL_ANSWERED) {
                continue;
            }
            answer(question).ifPresent(answer -> answers.put(question.question().id(), answer));
        }
        return answers;
    }

    private Optional<Answer> answer(VisibleQuestion visible) {
        List<Option> offered = visible.options().stream().filter(o -> o.endsSurvey().isEmpty()).toList();
        return switch (visible.question().type()) {
            case SINGLE -> {
                if (offered.isEmpty()) {
                    yield Optional.empty();
                }
                Option option = offered.get(random.nextInt(offered.size()));
                yield Optional.of(new SingleChoice(option.code(), option.other() ? OTHER_TEXT : null));
            }
            case MULTIPLE -> multiple(visible, offered);
            case TEXT -> Optional.of(new OpenText(TEXTS.get(random.nextInt(TEXTS.size()))));
            case GRID -> {
                if (visible.rows().isEmpty() || visible.question().columns().isEmpty()) {
                    yield Optional.empty();
                }
                Map<Integer, String> rows = new LinkedHashMap<>();
                visible.rows().forEach(row -> rows.put(row.code(), visible.question().columns()
                        .get(random.nextInt(visible.question().columns().size())).code()));
                yield Optional.of(new GridAnswer(rows));
            }
        };
    }

    private Optional<Answer> multiple(VisibleQuestion visible, List<Option> offered) {
        List<Option> exclusive = offered.stream().filter(Option::exclusive).toList();
        List<Option> combinable = new ArrayList<>(offered.stream().filter(o -> !o.exclusive()).toList());
        if (!exclusive.isEmpty() && (combinable.isEmpty() || random.nextDouble() < EXCLUSIVE_CHOSEN)) {
            return Optional.of(new MultipleChoice(List.of(exclusive.get(random.nextInt(exclusive.size())).code())));
        }
        if (combinable.isEmpty()) {
            return Optional.empty();
        }
        int limit = Math.min(combinable.size(), visible.question().maxChoices().orElse(3));
        int count = 1 + random.nextInt(limit);
        Collections.shuffle(combinable, random);
        List<Option> chosen = combinable.subList(0, count);
        boolean other = chosen.stream().anyMatch(Option::other);
        return Optional.of(new MultipleChoice(chosen.stream().map(Option::code).toList(), other ? OTHER_TEXT : null));
    }

}
