package no.ks.barometer.respondent;

import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;

import java.util.OptionalInt;

/** GET /v1/questionnaires/{id}: a published definition, the current version or a named one. */
public final class QuestionnaireService {

    /** What asking for a definition came to. */
    public sealed interface Outcome {
        record Found(PublishedQuestionnaire published) implements Outcome {
        }

        /** No questionnaire {@code id}, or none in {@code version} when one was asked for. */
        record NotFound(String id, OptionalInt version) implements Outcome {
        }
    }

    private final QuestionnaireCatalog catalog;

    public QuestionnaireService(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    public Outcome find(String id, OptionalInt version) {
        return (version.isPresent() ? catalog.get(id, version.getAsInt()) : catalog.current(id))
                .<Outcome>map(Outcome.Found::new)
                .orElseGet(() -> new Outcome.NotFound(id, version));
    }
}
