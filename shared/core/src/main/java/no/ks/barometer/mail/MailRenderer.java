package no.ks.barometer.mail;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.survey.Survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders invitation and reminder mails from the templates under {@code mail/nb} and {@code mail/nn} on the
 * classpath, in the organisation's målform. The HTML part escapes every value; the subject and text part take
 * them as they are, and a subject that would not stay one header line is refused.
 */
public final class MailRenderer {

    /** Deadlines are stated in Norwegian time, whatever the machine's zone. */
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm");
    /**
     * The five characters HTML needs escaped in text and quoted attributes; JMustache's own HTML escaper also
     * escapes {@code =} and {@code `}, which would make every link in the source read {@code #t&#x3D;…}.
     */
    private static final Mustache.Escaper HTML = Escapers.simple(new String[][] {
            {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});

    private record Templates(Template subject, Template text, Template html) {
    }

    private final MailSettings settings;
    private final Map<MailLanguage, Map<MailKind, Templates>> templates = new EnumMap<>(MailLanguage.class);

    public MailRenderer(MailSettings settings) {
        this.settings = settings;
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).strictSections(true);
        Mustache.Compiler html = Mustache.compiler().withEscaper(HTML).strictSections(true);
        for (MailLanguage language : MailLanguage.values()) {
            Map<MailKind, Templates> byKind = new EnumMap<>(MailKind.class);
            for (MailKind kind : MailKind.values()) {
                String base = "mail/" + language.tag() + "/" + kind.template();
                byKind.put(kind, new Templates(compile(plain, base + ".subject.mustache"),
                        compile(plain, base + ".txt.mustache"), compile(html, base + ".html.mustache")));
            }
            templates.put(language, byKind);
        }
    }

    /** The mail of this kind to the invitation's organisation, with its link. */
    public RenderedMail render(MailKind kind, Survey survey, IssuedInvitation invitation) {
        Organisation organisation = invitation.organisation();
        MailLanguage language = MailLanguage.of(organisation.maalform());
        if (survey.closesAt() == null) {
            throw new IllegalArgumentException("Survey " + survey.id() + " has no closing time to state as the deadline");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("surveyTitle", survey.title());
        values.put("organisationName", displayName(organisation));
        boolean kommune = organisation.type() == OrgType.KOMMUNE;
        values.put("organisation", kommune ? "kommunen" : "fylkeskommunen");
        values.put("leader", kommune ? "kommunedirektøren" : "fylkesdirektøren");
        values.put("deadline", deadline(survey.closesAt(), language));
        values.put("link", invitation.link().toString());
        values.put("commissioner", settings.commissioner());
        values.put("partner", settings.partner());
        values.put("contactName", settings.contactName());
        values.put("contactEmail", settings.contactEmail());
        values.put("lang", language.tag());
        Templates chosen = templates.get(language).get(kind);
        String subject = chosen.subject().execute(values).strip();
        if (subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The subject of a mail to " + organisation.number()
                    + " would not be one line: " + subject);
        }
        values.put("subject", subject);
        return new RenderedMail(language, subject, chosen.text().execute(values), chosen.html().execute(values));
    }

    /** "Halden kommune": the register names a kommune without the word, a fylkeskommune with it. */
    static String displayName(Organisation organisation) {
        return organisation.type() == OrgType.KOMMUNE ? organisation.name() + " kommune" : organisation.name();
    }

    /**
     * The last moment to answer, as people say it: a survey closing at midnight closes at the end of the day
     * before ("fredag 1. november 2024"); any other time is stated ("fredag 1. november 2024 kl. 12.00").
     */
    static String deadline(Instant closesAt, MailLanguage language) {
        ZonedDateTime closes = closesAt.atZone(NORWAY);
        if (closes.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return language.date(closes.toLocalDate().minusDays(1));
        }
        LocalDate day = closes.toLocalDate();
        return language.date(day) + " kl. " + CLOCK.format(closes);
    }

    private static Template compile(Mustache.Compiler compiler, String resource) {
        InputStream in = MailRenderer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Mail template " + resource + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + resource, e);
        }
    }
}
