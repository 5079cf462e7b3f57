package no.ks.barometer.admin;

import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.register.Landsdel;
import no.ks.barometer.response.ResponseStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts a survey's invitations by status, overall and per segment, and names the contacts whose mail bounced or
 * was complained about; two reads of the survey's partition (the invitations, the mails).
 */
public final class ProgressCount {

    private static final String UNKNOWN = "ukjent";

    private final SurveyLifecycleStore surveys;
    private final InvitationRecords records;
    private final Clock clock;

    public ProgressCount(SurveyLifecycleStore surveys, InvitationRecords records, Clock clock) {
        this.surveys = surveys;
        this.records = records;
        this.clock = clock;
    }

    public Outcome<ProgressReport> progress(String surveyId) {
        if (surveys.get(surveyId).isEmpty()) {
            return SurveyAdmin.notFound(surveyId);
        }
        Instant now = clock.instant();
        return Outcome.done(count(surveyId, now, records.summaries(surveyId), records.mailFeedback(surveyId)));
    }

    static ProgressReport count(String surveyId, Instant countedAt, List<InvitationSummary> invitations,
                                List<AddressFeedback> feedback) {
        return new ProgressReport(surveyId, countedAt,
                StatusCounts.of(tally(invitations)),
                segments(invitations, o -> o.type().code(), o -> o.type() == OrgType.KOMMUNE ? "Kommuner"
                        : "Fylkeskommuner", orderOf(OrgType.values(), OrgType::code)),
                segments(invitations, o -> SizeGroup.of(o.population()).name(),
                        o -> SizeGroup.of(o.population()).label(), orderOf(SizeGroup.values(), SizeGroup::name)),
                segments(invitations, o -> o.countyNumber() == null ? UNKNOWN : o.countyNumber(),
                        o -> o.countyName() == null ? UNKNOWN : o.countyName(), List.of()),
                segments(invitations, ProgressCount::landsdelKey, o -> Landsdel.ofFylke(o.countyNumber())
                        .map(Landsdel::label).orElse(UNKNOWN), orderOf(Landsdel.values(), Landsdel::name)),
                undeliverable(invitations, feedback));
    }

    /**
     * For each organisation, the latest report on each of its contacts now. A contact replaced in the register
     * since is left out: its bounces no longer say anything about where the organisation's mail goes.
     */
    private static List<ProgressReport.Undeliverable> undeliverable(List<InvitationSummary> invitations,
                                                                    List<AddressFeedback> feedback) {
        Map<String, List<AddressFeedback>> byOrganisation = new TreeMap<>();
        feedback.forEach(report -> byOrganisation.computeIfAbsent(report.orgNumber(), k -> new ArrayList<>())
                .add(report));
        Map<String, Organisation> organisations = new TreeMap<>();
        invitations.forEach(invitation -> organisations.put(invitation.organisation().number(),
                invitation.organisation()));
        List<ProgressReport.Undeliverable> undeliverable = new ArrayList<>();
        byOrganisation.forEach((number, reports) -> {
            Organisation organisation = organisations.get(number);
            if (organisation == null) {
                return;
            }
            List<AddressFeedback> latest = new ArrayList<>();
            for (String contact : organisation.contactEmails()) {
                latestOn(contact, reports).ifPresent(latest::add);
            }
            if (!latest.isEmpty()) {
                latest.sort(Comparator.comparing(AddressFeedback::address));
                undeliverable.add(new ProgressReport.Undeliverable(number, organisation.name(),
                        organisation.contactEmails(), latest));
            }
        });
        return undeliverable;
    }

    /** Addresses are compared without case: receiving servers report them as they like. */
    private static Optional<AddressFeedback> latestOn(String contact, List<AddressFeedback> reports) {
        String wanted = contact.strip().toLowerCase(Locale.ROOT);
        return reports.stream()
                .filter(report -> report.address().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .max(Comparator.comparing(AddressFeedback::at));
    }

    private static String landsdelKey(Organisation organisation) {
        return Landsdel.ofFylke(organisation.countyNumber()).map(Landsdel::name).orElse(UNKNOWN);
    }

    /** Segments in the order of {@code order}, then by key. */
    private static List<ProgressReport.Segment> segments(List<InvitationSummary> invitations,
                                                         Function<Organisation, String> key,
                                                         Function<Organisation, String> label,
                                                         List<String> order) {
        Map<String, List<InvitationSummary>> groups = new TreeMap<>(
                Comparator.<String>comparingInt(k -> rank(order, k)).thenComparing(Comparator.naturalOrder()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (InvitationSummary invitation : invitations) {
            String k = key.apply(invitation.organisation());
            groups.computeIfAbsent(k, unused -> new ArrayList<>()).add(invitation);
            labels.putIfAbsent(k, label.apply(invitation.organisation()));
        }
        List<ProgressReport.Segment> segments = new ArrayList<>(groups.size());
        groups.forEach((k, members) -> segments.add(new ProgressReport.Segment(k, labels.get(k),
                StatusCounts.of(tally(members)))));
        return segments;
    }

    private static int rank(List<String> order, String key) {
        int index = order.indexOf(key);
        return index < 0 ? order.size() : index;
    }

    private static <E> List<String> orderOf(E[] values, Function<E, String> key) {
        List<String> keys = new ArrayList<>(values.length);
        for (E value : values) {
            keys.add(key.apply(value));
        }
        return keys;
    }

    private static Map<ResponseStatus, Integer> tally(List<InvitationSummary> invitations) {
        Map<ResponseStatus, Integer> counts = new EnumMap<>(ResponseStatus.class);
        for (InvitationSummary invitation : invitations) {
            counts.merge(invitation.status(), 1, Integer::sum);
        }
        return counts;
    }
}
