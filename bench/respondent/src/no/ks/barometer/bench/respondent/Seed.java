package no.ks.barometer.bench.respondent;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.store.BarometerTable;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the table, an open survey and {@code count} invitations through the invitation service, and prints one
 * line per invitation: {@code <orgNumber> <token>}.
 */
public final class Seed {

    public static final String SURVEY = "bench";

    private Seed() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        String table = DynamoDbClients.tableName(System.getenv());
        // Set-up, not measured: on a loaded machine DynamoDB Local's first CreateTable outlasts the functions' 4 s.
        DynamoDbClient client = DynamoDbClients.builder(System.getenv())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)))
                .build();
        client.createTable(BarometerTable.createTableRequest(table));
        Instant now = Instant.now();
        Survey survey = new Survey(SURVEY, "Måling", "innovasjonsbarometer-2024", 1, SurveyState.OPEN,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), URI.create("http://127.0.0.1/"));
        new SurveyDao(client, table).put(survey);
        List<Organisation> organisations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            organisations.add(new Organisation(String.format("%04d", 5000 + i), "Målekommune " + i, OrgType.KOMMUNE,
                    "50", "Trøndelag", 5_000, Maalform.BOKMAAL, List.of("postmottak@maal" + i + ".kommune.example")));
        }
        InvitationService invitations = new InvitationService(new DynamoInvitationStore(client, table),
                Clock.systemUTC());
        for (IssuedInvitation issued : invitations.inviteAll(survey, organisations, Duration.ofDays(30))) {
            System.out.println(issued.organisation().number() + " " + issued.token());
        }
    }
}
