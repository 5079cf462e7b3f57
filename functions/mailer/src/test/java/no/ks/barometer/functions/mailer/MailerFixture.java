package no.ks.barometer.functions.mailer;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.keys.LinkKeyFile;
import no.ks.barometer.keys.LinkKeys;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingPlanner;
import no.ks.barometer.register.Register;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Surveys;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A survey on DynamoDB Local with some organisations invited under a key file, and the mailer's environment. */
final class MailerFixture {

    private static final Pattern LINK = Pattern.compile("https://barometer\\.example/#t=[A-Za-z0-9_-]{22}");

    final DynamoDbLocal.LocalTable table;
    final MutableClock clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
    final Survey survey;
    final Map<String, String> environment = new HashMap<>();
    /** The link each organisation was invited with, by organisation number. */
    final Map<String, String> links = new HashMap<>();

    MailerFixture(DynamoDbLocal.LocalTable table, String surveyId, int organisations, Path keyFile) {
        this.table = table;
        this.survey = Surveys.open(surveyId);
        new SurveyDao(table.client(), table.tableName()).put(survey);
        InvitationService invitations = new InvitationService(new DynamoInvitationStore(table.client(),
                table.tableName()), LinkKeyFile.load(keyFile), clock);
        for (IssuedInvitation issued : invitations.inviteAll(survey,
                Register.standard().all().subList(0, organisations), Duration.ofDays(90))) {
            links.put(issued.organisation().number(), issued.link().toString());
        }
        environment.putAll(Map.of(LinkKeys.FILE_VARIABLE, keyFile.toString(),
                MailerSettings.FROM_ADDRESS, "innovasjonsbarometer@ks.example",
                MailerSettings.FROM_NAME, "KS Innovasjonsbarometer",
                MailerSettings.COMMISSIONER, "KS",
                MailerSettings.PARTNER, "Analysepartner AS",
                MailerSettings.CONTACT_NAME, "brukerstøtten",
                MailerSettings.CONTACT_EMAIL, "support@partner.example",
                MailerSettings.MAILS_PER_SECOND, "1000"));
    }

    /** Registers the mailing, as the admin API does before invoking the mailer. */
    Mailing register(String mailingId, MailKind kind) {
        return new MailingPlanner(new DynamoMailingStore(table.client(), table.tableName()), clock)
                .register(survey, Mailing.toEveryOpen(mailingId, kind));
    }

    MailerHandler handler(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(extra);
        return new MailerHandler(table.client(), table.tableName(), clock, all);
    }

    List<String> numbers() {
        return links.keySet().stream().sorted().toList();
    }

    /** The respondent link in a mail's plain text part. */
    static String link(byte[] mime) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
        String text = (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        Matcher link = LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("No link in " + text);
        }
        return link.group();
    }
}
