package no.ks.barometer.local;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.register.Register;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import no.ks.barometer.token.LinkKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The data a fresh local stack starts with: the 2024 Innovasjonsbarometer survey, open, and an invitation for every
 * organisation of the register. Seeded only into a table without the survey, so a restart with {@code --data}
 * keeps everything that was answered.
 */
final class DemoSeed {

    static final String SURVEY_ID = "innovasjonsbarometer-2024";
    static final String QUESTIONNAIRE_ID = "innovasjonsbarometer-2024";
    static final int QUESTIONNAIRE_VERSION = 1;
    static final String TITLE = "KS' Innovasjonsbarometer 2024";
    static final Duration LINK_VALIDITY = Duration.ofDays(365);
    static final Duration ANSWER_TIME = Duration.ofDays(90);

    /**
     * @param created whether this start seeded the table
     * @param links   the respondent links, when known: just issued, or kept in the data folder since the first start
     */
    record Outcome(boolean created, Optional<List<RespondentLink>> links) {
    }

    private DemoSeed() {
    }

    /**
     * @param keptLinks where the links are kept between starts ({@code --data}); written before the seed completes,
     *                  so that no token is lost
     */
    static Outcome ensure(DynamoDbClient client, String tableName, LinkKey linkKey, Clock clock, URI baseUrl,
                          String adminToken, Optional<Path> keptLinks) {
        SurveyDao surveys = new SurveyDao(client, tableName);
        // A deadline, which every invitation names and without which nothing is mailed.
        Instant closesAt = clock.instant().plus(ANSWER_TIME).truncatedTo(ChronoUnit.DAYS);
        Survey survey = new Survey(SURVEY_ID, TITLE, QUESTIONNAIRE_ID, QUESTIONNAIRE_VERSION, SurveyState.OPEN, null,
                closesAt, baseUrl);
        Optional<Survey> existing = surveys.get(SURVEY_ID);
        if (existing.isPresent()) {
            if (!existing.get().linkBaseUrl().equals(baseUrl)) {
                // The stack may run on another port than last time; links sent from now on point here.
                Survey moved = existing.get();
                surveys.put(new Survey(moved.id(), moved.title(), moved.questionnaireId(),
                        moved.questionnaireVersion(), moved.state(), moved.opensAt(), moved.closesAt(), baseUrl));
            }
            return new Outcome(false, keptLinks.flatMap(LinksFile::read).map(file -> file.links(baseUrl)));
        }
        InvitationService invitations = new InvitationService(new DynamoInvitationStore(client, tableName), linkKey,
                clock);
        List<IssuedInvitation> issued = invitations.inviteAll(survey, Register.standard().all(), LINK_VALIDITY);
        List<RespondentLink> links = issued.stream()
                .map(i -> new RespondentLink(i.organisation().number(), i.organisation().name(),
                        i.organisation().type(), i.link()))
                .toList();
        keptLinks.ifPresent(file -> LinksFile.of(baseUrl, adminToken, links).write(file));
        // Written last: a survey in the table means the seed is complete.
        surveys.put(survey);
        return new Outcome(true, Optional.of(links));
    }
}
