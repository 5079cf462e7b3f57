package no.ks.barometer.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.ks.barometer.admin.Actor;
import no.ks.barometer.admin.AuditAction;
import no.ks.barometer.admin.AuditTrail;
import no.ks.barometer.admin.ListPage;
import no.ks.barometer.admin.Outcome;
import no.ks.barometer.admin.Refusal;
import no.ks.barometer.aggregation.Aggregator;
import no.ks.barometer.aggregation.DisclosureControl;
import no.ks.barometer.aggregation.Publication;
import no.ks.barometer.aggregation.PublicationState;
import no.ks.barometer.aggregation.ResponseRecord;
import no.ks.barometer.aggregation.SnapshotJson;
import no.ks.barometer.aggregation.TableLayout;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.admin.SurveyLifecycleStore;

/**
 * Computes, stores, lists and publishes a survey's aggregate snapshots (docs/aggregation.md,
 * docs/data-model.md). A computation streams the survey's partition into an {@link Aggregator}, applies the
 * disclosure control to the counts and the publication state of the latest snapshot, and commits the result; it
 * becomes the latest only once written whole and only if no other snapshot became latest meanwhile.
 */
public final class SnapshotService {

    /** Snapshot ids are the computation time in ISO 8601 basic format, to the millisecond: they sort by time. */
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ID_PATTERN = Pattern.compile("\\d{8}T\\d{9}Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SurveyLifecycleStore surveys;
    private final ResponseStream responses;
    private final SnapshotStore store;
    private final Supplier<QuestionnaireCatalog> catalog;
    private final Optional<PublishedResults> results;
    private final AuditTrail audit;
    private final DisclosureControl control;
    private final Clock clock;
    /** By questionnaire id and version: a recompute of a survey reuses what the previous one worked out. */
    private final Map<String, TableLayout> layouts = new ConcurrentHashMap<>();

    /**
     * @param results where published snapshots go; empty where publishing is not set up
     * @param audit   where the administrator's recomputes and publications are recorded
     */
    public SnapshotService(SurveyLifecycleStore surveys, ResponseStream responses, SnapshotStore store,
                           Supplier<QuestionnaireCatalog> catalog, Optional<PublishedResults> results,
                           AuditTrail audit, DisclosureControl control, Clock clock) {
        this.surveys = Objects.requireNonNull(surveys, "surveys");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.results = Objects.requireNonNull(results, "results");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.control = Objects.requireNonNull(control, "control");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a scheduled run did with one survey. */
    public enum RunResult {
        /** A new snapshot is the latest. */
        COMPUTED,
        /** The partition read the same as for the latest snapshot, so nothing was written. */
        UNCHANGED,
        /** The survey does not take answers and its latest snapshot was computed after it stopped. */
        NOT_RUNNING,
        /** Another snapshot became latest while this one was computed; it was not made latest. */
        LOST_RACE,
        /** Reading or writing failed; the previous latest stays. */
        FAILED
    }

    /**
     * The schedule's work: a snapshot of every survey that takes answers, and one more of a survey that has
     * stopped taking them since its latest snapshot (or has none and has opened).
     */
    public List<SurveyRun> runSchedule() {
        List<SurveyRun> runs = new ArrayList<>();
        Instant now = clock.instant();
        for (Survey survey : surveys.list()) {
            try {
                runs.add(new SurveyRun(survey.id(), scheduled(survey, now), Optional.empty()));
            } catch (RuntimeException e) {
                runs.add(new SurveyRun(survey.id(), RunResult.FAILED, Optional.of(e.toString())));
            }
        }
        return runs;
    }

    /** @param failure why it failed, when it did */
    public record SurveyRun(String surveyId, RunResult result, Optional<String> failure) {
    }

    private RunResult scheduled(Survey survey, Instant now) {
        SnapshotStore.Pointers pointers = store.pointers(survey.id());
        Optional<SnapshotHeader> latest = pointers.latest().flatMap(id -> store.header(survey.id(), id));
        boolean open = survey.acceptsAnswers(now);
        boolean opened = survey.opensAt() == null || !now.isBefore(survey.opensAt());
        boolean due = open || latest.map(SnapshotHeader::surveyOpen).orElse(opened);
        if (!due) {
            return RunResult.NOT_RUNNING;
        }
        return compute(survey, latest, open, open).result();
    }

    /** What a computation did, and the snapshot it wrote when it wrote one. */
    private record Computation(RunResult result, Optional<SnapshotHeader> written) {
    }

    /** On demand: a new snapshot even when nothing has changed since the latest. */
    public Outcome<SnapshotHeader> recompute(String surveyId, Actor actor) {
        Optional<Survey> survey = surveys.get(surveyId);
        if (survey.isEmpty()) {
            return surveyNotFound(surveyId);
        }
        SnapshotStore.Pointers pointers = store.pointers(surveyId);
        Optional<SnapshotHeader> latest = pointers.latest().flatMap(id -> store.header(surveyId, id));
        Computation computation = compute(survey.get(), latest, survey.get().acceptsAnswers(clock.instant()), false);
        if (computation.written().isEmpty()) {
            return Outcome.refused(Refusal.CHANGED_MEANWHILE,
                    "Et annet øyeblikksbilde ble lagret samtidig; hent det siste, eller prøv igjen.");
        }
        SnapshotHeader header = computation.written().get();
        audit.record(surveyId, actor, AuditAction.SNAPSHOT_COMPUTED, null, "Øyeblikksbilde " + header.snapshotId()
                + " beregnet");
        return Outcome.done(header);
    }

    private Computation compute(Survey survey, Optional<SnapshotHeader> latest, boolean open,
                                boolean skipUnchanged) {
        Questionnaire questionnaire = catalog.get().get(survey.questionnaireId(), survey.questionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("Survey " + survey.id() + " names questionnaire "
                        + survey.questionnaireId() + " v" + survey.questionnaireVersion()
                        + ", which is not in the catalog"))
                .questionnaire();
        Aggregator aggregator = new Aggregator(layouts.computeIfAbsent(
                questionnaire.id() + "@" + questionnaire.version(),
                unused -> new TableLayout(new RulesEngine(questionnaire))));
        SourceDigest digest = new SourceDigest();
        responses.each(survey.id(), stored -> {
            digest.add(stored);
            aggregator.accept(ResponseRecord.of(stored, questionnaire));
        });
        String sourceDigest = digest.hex();
        if (skipUnchanged && latest.map(h -> h.sourceDigest().equals(sourceDigest)).orElse(false)) {
            return new Computation(RunResult.UNCHANGED, Optional.empty());
        }
        PublicationState previous = latest.map(h -> SnapshotJson.readState(tree(store.state(survey.id(), h))))
                .orElse(PublicationState.none());
        Instant now = clock.instant();
        String snapshotId = ID.format(now);
        Publication publication = control.publish(aggregator.counts(), previous, snapshotId, now);
        byte[] json = bytes(SnapshotJson.write(publication.snapshot()));
        SnapshotHeader header = new SnapshotHeader(snapshotId, now, questionnaire.id(), questionnaire.version(),
                publication.snapshot().completed(), etag(json), sourceDigest, open);
        boolean committed = store.commit(survey.id(),
                new StoredSnapshot(header, json, bytes(SnapshotJson.write(publication.state()))),
                latest.map(SnapshotHeader::snapshotId));
        return committed ? new Computation(RunResult.COMPUTED, Optional.of(header))
                : new Computation(RunResult.LOST_RACE, Optional.empty());
    }

    /** A snapshot's JSON with its header, for the routes that read one. */
    public record SnapshotBody(SnapshotHeader header, byte[] json) {
    }

    public Outcome<SnapshotBody> latest(String surveyId) {
        if (surveys.get(surveyId).isEmpty()) {
            return surveyNotFound(surveyId);
        }
        return body(surveyId, store.pointers(surveyId).latest(), "Undersøkelsen har ingen øyeblikksbilder ennå.");
    }

    public Outcome<SnapshotBody> get(String surveyId, String snapshotId) {
        if (surveys.get(surveyId).isEmpty()) {
            return surveyNotFound(surveyId);
        }
        return body(surveyId, Optional.of(snapshotId).filter(id -> ID_PATTERN.matcher(id).matches()),
                "Øyeblikksbildet " + snapshotId + " finnes ikke.");
    }

    private Outcome<SnapshotBody> body(String surveyId, Optional<String> snapshotId, String notFound) {
        Optional<SnapshotHeader> header = snapshotId.flatMap(id -> store.header(surveyId, id));
        if (header.isEmpty()) {
            return Outcome.refused(Refusal.SNAPSHOT_NOT_FOUND, notFound);
        }
        return Outcome.done(new SnapshotBody(header.get(), store.json(surveyId, header.get())));
    }

    /** A page of the survey's snapshots, newest first, with which one is latest and which published. */
    public record Listing(ListPage<SnapshotHeader> page, SnapshotStore.Pointers pointers) {
    }

    public Outcome<Listing> list(String surveyId, Optional<String> before, int limit) {
        if (surveys.get(surveyId).isEmpty()) {
            return surveyNotFound(surveyId);
        }
        List<SnapshotHeader> found = store.list(surveyId, before, limit + 1);
        Optional<String> next = found.size() > limit ? Optional.of(found.get(limit - 1).snapshotId())
                : Optional.empty();
        return Outcome.done(new Listing(new ListPage<>(found.subList(0, Math.min(limit, found.size())), next),
                store.pointers(surveyId)));
    }

    /** What publishing a snapshot did. */
    public record Published(SnapshotHeader header, Instant publishedAt, String latestPath, String path) {
    }

    /**
     * Makes a snapshot readable without credentials: written to the published results under its id and as the
     * survey's latest, then recorded as published. Publishing an older snapshot again moves the public latest back.
     */
    public Outcome<Published> publish(String surveyId, String snapshotId, Actor actor) {
        if (surveys.get(surveyId).isEmpty()) {
            return surveyNotFound(surveyId);
        }
        Optional<SnapshotHeader> header = Optional.of(snapshotId).filter(id -> ID_PATTERN.matcher(id).matches())
                .flatMap(id -> store.header(surveyId, id));
        if (header.isEmpty()) {
            return Outcome.refused(Refusal.SNAPSHOT_NOT_FOUND, "Øyeblikksbildet " + snapshotId + " finnes ikke.");
        }
        if (results.isEmpty()) {
            return Outcome.refused(Refusal.UNAVAILABLE, "Publisering er ikke satt opp her (verken RESULTS_BUCKET"
                    + " eller RESULTS_DIR).");
        }
        results.get().publish(surveyId, snapshotId, store.json(surveyId, header.get()));
        Instant now = clock.instant();
        store.markPublished(surveyId, snapshotId, now);
        audit.record(surveyId, actor, AuditAction.SNAPSHOT_PUBLISHED, null, "Øyeblikksbilde " + snapshotId
                + " publisert");
        return Outcome.done(new Published(header.get(), now, PublishedResults.latestPath(surveyId),
                PublishedResults.path(surveyId, snapshotId)));
    }

    private static <T> Outcome<T> surveyNotFound(String surveyId) {
        return Outcome.refused(Refusal.SURVEY_NOT_FOUND, "Undersøkelsen " + surveyId + " finnes ikke.");
    }

    /** A strong entity tag: the first 128 bits of the JSON's SHA-256, quoted. */
    static String etag(byte[] json) {
        return "\"" + HexFormat.of().formatHex(sha256().digest(json), 0, 16) + "\"";
    }

    private static byte[] bytes(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored publication state is not JSON", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What decides a snapshot's figures, item by item: the organisation as registered, its status and version. */
    private static final class SourceDigest {
        private final MessageDigest digest = sha256();

        void add(StoredResponse stored) {
            Organisation organisation = stored.organisation();
            String line = organisation.number() + '|' + organisation.type() + '|' + organisation.countyNumber()
                    + '|' + organisation.population() + '|' + stored.status() + '|' + stored.questionnaireVersion()
                    + '|' + stored.version() + '\n';
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
