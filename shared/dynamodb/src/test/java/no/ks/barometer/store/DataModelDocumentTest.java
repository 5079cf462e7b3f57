package no.ks.barometer.store;

import no.ks.barometer.admin.Actor;
import no.ks.barometer.admin.AuditAction;
import no.ks.barometer.admin.AuditEntry;
import no.ks.barometer.admin.Outcome;
import no.ks.barometer.aggregation.DisclosureControl;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mail.MailSettings;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingService;
import no.ks.barometer.mailing.MailingSettings;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.snapshot.SnapshotHeader;
import no.ks.barometer.snapshot.SnapshotService;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import no.ks.barometer.token.HmacLinkKey;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * docs/data-model.md names every attribute the code writes: the items of a survey whose response was opened,
 * saved, submitted, whose link was reissued and revoked (with the audit entry of the revocation), and a mailing to
 * a chosen list, and a snapshot computed and published.
 */
@ExtendWith(DynamoDbLocal.class)
class DataModelDocumentTest {

    /** Members whose names are data (question ids), not attribute names. */
    private static final Set<String> DATA_KEYED = Set.of(InvitationItems.ANSWERS);

    @Test
    void everyAttributeWrittenIsNamedInTheDataModel(DynamoDbLocal.LocalTable table) throws IOException {
        MutableClock clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
        Survey survey = Surveys.open("data-model");
        new SurveyDao(table.client(), table.tableName()).put(survey);
        InvitationService invitations = new InvitationService(
                new DynamoInvitationStore(table.client(), table.tableName()), HmacLinkKey.ephemeral(), clock);
        ResponseDao responses = new ResponseDao(table.client(), table.tableName());
        String token = invitations.invite(survey, Organisations.halden(), Duration.ofDays(30)).token();
        StoredResponse opened = responses.markOpened(
                responses.findByToken(Tokens.hash(token), clock.instant()).orElseThrow(), clock.instant());
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        answers.putObject("Q0").put("choice", 1);
        WriteOutcome saved = responses.savePage(opened, new PageWrite(0, ResponseStatus.IN_PROGRESS, answers,
                List.of("q0"), Surveys.QUESTIONNAIRE, 1, clock.instant(),
                new LastWrite(LastWrite.page("q0"), 0, "hash", List.of("Q3"))));
        StoredResponse written = assertInstanceOf(WriteOutcome.Written.class, saved).response();
        responses.submit(written, new Submission(1, clock.instant(), new LastWrite(LastWrite.SUBMIT, 1, "h", List.of())));
        invitations.reissue(survey, Organisations.halden().number(), Duration.ofDays(30));
        MailingService mailings = new MailingService(new DynamoMailingStore(table.client(), table.tableName()),
                invitations, mail -> "ses-message-id", new MailingSettings(
                        new MailSettings("KS", "Ipsos", "prosjektteamet hos Ipsos", "barometer@partner.example"),
                        new OutgoingMail.Sender("innovasjonsbarometer@ks.example", "KS og Ipsos"), 10),
                clock, clock::advance);
        invitations.invite(survey, Organisations.oestfold(), Duration.ofDays(30));
        mailings.run(survey, mailings.register(survey,
                Mailing.toChosen("reminder", MailKind.REMINDER, Set.of(Organisations.oestfold().number()))).id());
        invitations.revoke(survey, Organisations.halden().number());
        new DynamoAuditLog(table.client(), table.tableName()).record(List.of(new AuditEntry(survey.id(),
                clock.instant(), "a1b2c3d4", new Actor("arn:aws:iam::123456789012:user/analytiker"),
                AuditAction.LINK_REVOKED, Organisations.halden().number(), "Lenken trukket tilbake")));
        SnapshotService snapshots = SnapshotServices.on(table.client(), table.tableName(),
                QuestionnaireCatalog::fromClasspath, Optional.of((surveyId, snapshotId, json) -> { }),
                DisclosureControl.DEFAULT_K, clock);
        Actor administrator = new Actor("arn:aws:iam::123456789012:user/analytiker");
        SnapshotHeader computed = switch (snapshots.recompute(survey.id(), administrator)) {
            case Outcome.Done<SnapshotHeader> done -> done.value();
            case Outcome.Refused<SnapshotHeader> refused -> throw new AssertionError(refused.detail());
        };
        assertInstanceOf(Outcome.Done.class, snapshots.publish(survey.id(), computed.snapshotId(), administrator));

        Set<String> writtenNames = new TreeSet<>();
        table.client().scan(ScanRequest.builder().tableName(table.tableName()).build()).items()
                .forEach(item -> names(item, writtenNames));
        String document = Files.readString(docs().resolve("data-model.md"));
        Set<String> missing = new TreeSet<>();
        writtenNames.stream().filter(name -> !document.contains("`" + name + "`")).forEach(missing::add);

        assertEquals(Set.of(), missing);
    }

    private static void names(Map<String, AttributeValue> map, Set<String> names) {
        map.forEach((name, value) -> {
            names.add(name);
            if (value.hasM() && !DATA_KEYED.contains(name)) {
                names(value.m(), names);
            }
        });
    }

    private static Path docs() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("docs"))) {
            directory = directory.getParent();
        }
        return directory.resolve("docs");
    }
}
