package no.ks.barometer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code barometer-admin}: every route of the administrator's API as a command (docs/admin-cli.md). In AWS it
 * signs with SigV4 from the default credentials chain; against the local stack it sends the admin token.
 */
@Command(name = "barometer-admin", mixinStandardHelpOptions = true, version = "barometer-admin 1",
        description = "Administrer Innovasjonsbarometeret: undersøkelser, register, invitasjoner, utsendinger, "
                + "fremdrift, eksport, øyeblikksbilder og revisjonslogg.",
        subcommands = {BarometerAdmin.Surveys.class, BarometerAdmin.Register.class, BarometerAdmin.Invitations.class,
                BarometerAdmin.Mailings.class, BarometerAdmin.Progress.class, BarometerAdmin.Export.class,
                BarometerAdmin.Codebook.class, BarometerAdmin.Snapshots.class, BarometerAdmin.Audit.class})
public final class BarometerAdmin {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "API-ets adresse: ApiUrl fra stacken i AWS, eller den lokale stackens adresse "
                    + "(standard: miljøvariabelen BAROMETER_ADMIN_URL).")
    String url;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Admin-tokenet den lokale stacken skriver ut, sendt som Authorization: Bearer "
                    + "(standard: BAROMETER_ADMIN_TOKEN). Uten token signeres forespørslene med SigV4.")
    String token;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS-regionen for SigV4 (standard: fra adressen, ellers AWS_REGION eller profilen).")
    String region;

    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    BarometerAdmin(Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new BarometerAdmin(System.getenv(), Clock.systemUTC(), out, err).run(args));
    }

    /** Runs one command; the exit status is 0 when it did what was asked, 1 when the API refused, 2 on failure. */
    int run(String... args) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            if (failure instanceof CliException cli) {
                err.println(cli.getMessage());
                return cli.exitCode();
            }
            throw failure;
        });
        return commandLine.execute(args);
    }

    ApiClient client() {
        String address = Optional.ofNullable(url).orElse(environment.get("BAROMETER_ADMIN_URL"));
        if (address == null || address.isBlank()) {
            throw new CliException(2, "Oppgi API-ets adresse med --url eller BAROMETER_ADMIN_URL.");
        }
        URI base = URI.create(address);
        String bearer = Optional.ofNullable(token).orElse(environment.get("BAROMETER_ADMIN_TOKEN"));
        if (bearer != null && !bearer.isBlank()) {
            return new ApiClient(base, (method, uri, headers, body) ->
                    Map.of("Authorization", List.of("Bearer " + bearer)));
        }
        String signingRegion = Optional.ofNullable(region).or(() -> SigV4.regionOf(base))
                .orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion().id());
        return new ApiClient(base, new SigV4(DefaultCredentialsProvider.builder().build(), signingRegion, clock));
    }

    void print(JsonNode json) {
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new CliException(2, e.getMessage());
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Base of the leaf commands: the top command's connection options and streams. */
    abstract static class Action implements Callable<Integer> {
        @CommandLine.ParentCommand
        Object parent;

        BarometerAdmin root() {
            Object command = parent;
            while (!(command instanceof BarometerAdmin)) {
                command = ((Group) command).parent;
            }
            return (BarometerAdmin) command;
        }

        @Override
        public Integer call() {
            run(root());
            return 0;
        }

        abstract void run(BarometerAdmin admin);
    }

    /** A command that only groups others. */
    abstract static class Group {
        @CommandLine.ParentCommand
        Object parent;
    }

    @Command(name = "surveys", mixinStandardHelpOptions = true, description = "Undersøkelser.",
            subcommands = {Surveys.ListSurveys.class, Surveys.Create.class, Surveys.Show.class, Surveys.Open.class,
                    Surveys.Close.class, Surveys.Extend.class})
    static final class Surveys extends Group {

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Alle undersøkelser.")
        static final class ListSurveys extends Action {
            @Override
            void run(BarometerAdmin admin) {
                Table table = new Table("id", "tilstand", "åpner", "stenger", "tar imot svar", "tittel");
                for (JsonNode s : admin.client().get("/v1/admin/surveys").json().path("surveys")) {
                    table.row(s.path("id").asText(), s.path("state").asText(), s.path("opensAt").asText(),
                            s.path("closesAt").asText(), s.path("acceptingAnswers").asBoolean() ? "ja" : "nei",
                            s.path("title").asText());
                }
                table.print(admin.out);
            }
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Opprett en undersøkelse for en versjon av et spørreskjema i katalogen.")
        static final class Create extends Action {
            @Option(names = "--id", required = true, description = "Små bokstaver, sifre og bindestreker.")
            String id;
            @Option(names = "--title", required = true)
            String title;
            @Option(names = "--questionnaire", required = true, description = "Spørreskjemaets id.")
            String questionnaire;
            @Option(names = "--questionnaire-version", description = "Standard: gjeldende versjon.")
            Integer version;
            @Option(names = "--opens", required = true, description = "For eksempel 2026-09-01T08:00:00+02:00.")
            String opens;
            @Option(names = "--closes", required = true)
            String closes;
            @Option(names = "--link-base", required = true, description = "Nettappens adresse (WebUrl).")
            String linkBase;

            @Override
            void run(BarometerAdmin admin) {
                ObjectNode body = JSON.createObjectNode().put("id", id).put("title", title)
                        .put("questionnaireId", questionnaire).put("opensAt", opens).put("closesAt", closes)
                        .put("linkBaseUrl", linkBase);
                if (version != null) {
                    body.put("questionnaireVersion", version);
                }
                admin.print(admin.client().post("/v1/admin/surveys", bytes(body), "application/json").json());
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true, description = "Én undersøkelse.")
        static final class Show extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;

            @Override
            void run(BarometerAdmin admin) {
                admin.print(admin.client().get("/v1/admin/surveys/" + segment(survey)).json());
            }
        }

        @Command(name = "open", mixinStandardHelpOptions = true, description = "Ta imot svar igjen innenfor fristen.")
        static final class Open extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;

            @Override
            void run(BarometerAdmin admin) {
                change(admin, admin.client().post("/v1/admin/surveys/" + segment(survey) + "/open", null, null));
            }
        }

        @Command(name = "close", mixinStandardHelpOptions = true, description = "Stopp svar før fristen.")
        static final class Close extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;

            @Override
            void run(BarometerAdmin admin) {
                change(admin, admin.client().post("/v1/admin/surveys/" + segment(survey) + "/close", null, null));
            }
        }

        @Command(name = "extend", mixinStandardHelpOptions = true, description = "Flytt fristen senere.")
        static final class Extend extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;
            @Option(names = "--closes", required = true, description = "Ny frist, for eksempel 2026-11-15T23:59:00+01:00.")
            String closes;

            @Override
            void run(BarometerAdmin admin) {
                change(admin, admin.client().post("/v1/admin/surveys/" + segment(survey) + "/extend",
                        bytes(JSON.createObjectNode().put("closesAt", closes)), "application/json"));
            }
        }

        private static void change(BarometerAdmin admin, ApiClient.Reply reply) {
            JsonNode json = reply.json();
            JsonNode survey = json.path("survey");
            admin.out.println(survey.path("id").asText() + ": " + survey.path("state").asText() + ", stenger "
                    + survey.path("closesAt").asText());
            admin.out.println(json.path("note").asText());
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Registeret: importer organisasjoner (alt eller ingenting).",
            subcommands = {Register.ImportFile.class, Register.Standard.class})
    static final class Register extends Group {

        @Command(name = "import", mixinStandardHelpOptions = true,
                description = "Importer en CSV- eller JSON-fil (kolonner: docs/admin.md). Nye organisasjoner "
                        + "inviteres; deres lenker vises bare nå.")
        static final class ImportFile extends Action {
            @Parameters(index = "0", paramLabel = "SURVEY")
            String survey;
            @Parameters(index = "1", paramLabel = "FILE")
            Path file;
            @Option(names = "--links", paramLabel = "FILE", description = "Skriv de nye lenkene hit (CSV) "
                    + "i stedet for til standard ut.")
            Path links;

            @Override
            void run(BarometerAdmin admin) {
                String type = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                        ? "application/json" : "text/csv; charset=utf-8";
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new CliException(2, "Kan ikke lese " + file + ": " + e.getMessage());
                }
                report(admin, admin.client().post("/v1/admin/surveys/" + segment(survey) + "/register", content,
                        type).json(), links);
            }
        }

        @Command(name = "standard", mixinStandardHelpOptions = true,
                description = "Importer registeret av kommuner og fylkeskommuner (2024) som følger med.")
        static final class Standard extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;
            @Option(names = "--links", paramLabel = "FILE", description = "Skriv de nye lenkene hit (CSV).")
            Path links;

            @Override
            void run(BarometerAdmin admin) {
                report(admin, admin.client().post("/v1/admin/surveys/" + segment(survey) + "/register/standard",
                        null, null).json(), links);
            }
        }

        private static void report(BarometerAdmin admin, JsonNode reply, Path links) {
            StringBuilder csv = new StringBuilder("nummer;navn;e-post;lenke\n");
            for (JsonNode invited : reply.path("invited")) {
                JsonNode o = invited.path("organisation");
                List<String> emails = new java.util.ArrayList<>();
                o.path("emails").forEach(e -> emails.add(e.asText()));
                csv.append(o.path("number").asText()).append(';').append(o.path("name").asText()).append(';')
                        .append(String.join(" ", emails)).append(';').append(invited.path("link").asText())
                        .append('\n');
            }
            if (links != null) {
                try {
                    Files.writeString(links, csv, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CliException(2, "Kan ikke skrive " + links + ": " + e.getMessage());
                }
            } else if (!reply.path("invited").isEmpty()) {
                admin.out.print(csv);
            }
            admin.err.println(reply.path("invited").size() + " invitert, " + reply.path("updated").size()
                    + " oppdatert, " + reply.path("unchanged").asInt() + " uendret"
                    + (reply.path("invitedMeanwhile").isEmpty() ? ""
                    : ", invitert av andre samtidig: " + reply.path("invitedMeanwhile"))
                    + (links == null ? "" : "; lenkene står i " + links));
        }
    }

    @Command(name = "invitations", mixinStandardHelpOptions = true, description = "Invitasjoner og lenker.",
            subcommands = {Invitations.ListInvitations.class, Invitations.Reissue.class, Invitations.Revoke.class})
    static final class Invitations extends Group {

        @Command(name = "list", mixinStandardHelpOptions = true, description = "Invitasjoner med status og tider.")
        static final class ListInvitations extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;
            @Option(names = "--limit", defaultValue = "100", description = "Per side, 1–500 (standard 100).")
            int limit;
            @Option(names = "--after", description = "Fortsett etter dette organisasjonsnummeret.")
            String after;
            @Option(names = "--all", description = "Hent alle sidene.")
            boolean all;

            @Override
            void run(BarometerAdmin admin) {
                Table table = new Table("nummer", "navn", "status", "lenke", "invitert", "åpnet", "sendt inn");
                String cursor = after;
                do {
                    JsonNode page = admin.client().get("/v1/admin/surveys/" + segment(survey) + "/invitations?limit="
                            + limit + (cursor == null ? "" : "&after=" + segment(cursor))).json();
                    for (JsonNode i : page.path("invitations")) {
                        table.row(i.at("/organisation/number").asText(), i.at("/organisation/name").asText(),
                                i.path("status").asText(), i.path("link").asText(), i.path("invitedAt").asText(""),
                                i.path("openedAt").asText(""), i.path("submittedAt").asText(""));
                    }
                    cursor = page.path("next").isNull() ? null : page.path("next").asText();
                    if (!all && cursor != null) {
                        admin.err.println("Flere: --after " + cursor);
                    }
                } while (all && cursor != null);
                table.print(admin.out);
            }
        }

        @Command(name = "reissue", mixinStandardHelpOptions = true,
                description = "Ny lenke til én organisasjon; den gamle slutter å virke, svarene blir.")
        static final class Reissue extends Action {
            @Parameters(index = "0", paramLabel = "SURVEY")
            String survey;
            @Parameters(index = "1", paramLabel = "ORG")
            String org;

            @Override
            void run(BarometerAdmin admin) {
                JsonNode reply = admin.client().post("/v1/admin/surveys/" + segment(survey) + "/invitations/"
                        + segment(org) + "/reissue", null, null).json();
                admin.out.println(reply.at("/organisation/number").asText() + " "
                        + reply.at("/organisation/name").asText() + ": " + reply.path("link").asText());
            }
        }

        @Command(name = "revoke", mixinStandardHelpOptions = true,
                description = "Stopp én organisasjons lenke til den får en ny; svarene blir.")
        static final class Revoke extends Action {
            @Parameters(index = "0", paramLabel = "SURVEY")
            String survey;
            @Parameters(index = "1", paramLabel = "ORG")
            String org;

            @Override
            void run(BarometerAdmin admin) {
                admin.client().post("/v1/admin/surveys/" + segment(survey) + "/invitations/" + segment(org)
                        + "/revoke", null, null);
                admin.out.println(org + ": lenken virker ikke lenger");
            }
        }
    }

    @Command(name = "mailings", mixinStandardHelpOptions = true,
            description = "Utsendinger av invitasjoner og påminnelser på e-post.",
            subcommands = {Mailings.DryRun.class, Mailings.Start.class, Mailings.Schedule.class,
                    Mailings.ListMailings.class, Mailings.Show.class})
    static final class Mailings extends Group {

        /** The body every way of sending takes: which mailing, of what kind, to whom. */
        abstract static class Send extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;
            @Option(names = "--id", required = true, paramLabel = "MAILING",
                    description = "Utsendingens id: 1–64 tegn av A–Z a–z 0–9 - _. Samme id igjen fortsetter den.")
            String id;
            @Option(names = "--kind", required = true, paramLabel = "KIND",
                    description = "invitation eller reminder.")
            String kind;
            @Option(names = "--org", paramLabel = "ORG", split = ",",
                    description = "Bare disse organisasjonsnumrene (kommaseparert eller gjentatt); standard: alle.")
            List<String> orgs;

            ObjectNode body() {
                ObjectNode body = JSON.createObjectNode().put("mailingId", id).put("kind", kind);
                if (orgs != null) {
                    orgs.forEach(body.putArray("orgNumbers")::add);
                }
                return body;
            }

            JsonNode post(BarometerAdmin admin, String route, ObjectNode body) {
                return admin.client().post("/v1/admin/surveys/" + segment(survey) + "/mailings" + route, bytes(body),
                        "application/json").json();
            }
        }

        @Command(name = "dry-run", mixinStandardHelpOptions = true,
                description = "Vis hvem som ville fått e-posten, og hvem som ikke får den og hvorfor. Sender ingenting.")
        static final class DryRun extends Send {
            @Override
            void run(BarometerAdmin admin) {
                JsonNode plan = post(admin, "/dry-run", body());
                Table recipients = new Table("orgnr", "navn", "adresser");
                for (JsonNode r : plan.path("recipients")) {
                    List<String> addresses = new ArrayList<>();
                    r.path("addresses").forEach(a -> addresses.add(a.asText()));
                    recipients.row(r.path("orgNumber").asText(), r.path("name").asText(), String.join(", ", addresses));
                }
                recipients.print(admin.out);
                if (!plan.path("excluded").isEmpty()) {
                    Table excluded = new Table("orgnr", "navn", "grunn");
                    for (JsonNode e : plan.path("excluded")) {
                        excluded.row(e.path("orgNumber").asText(), e.path("name").asText(), e.path("reason").asText());
                    }
                    admin.out.println();
                    admin.out.println("Får ikke e-posten:");
                    excluded.print(admin.out);
                }
                admin.err.println(plan.path("recipients").size() + " mottakere, " + plan.path("excluded").size()
                        + " utelatt; ingenting er sendt");
            }
        }

        @Command(name = "start", mixinStandardHelpOptions = true,
                description = "Send nå. Utsendingen går videre i bakgrunnen; start den igjen for å fortsette en "
                        + "som stoppet (ingen får e-posten to ganger).")
        static final class Start extends Send {
            @Override
            void run(BarometerAdmin admin) {
                JsonNode mailing = post(admin, "", body());
                admin.out.println(mailing.path("mailingId").asText() + " (" + mailing.path("kind").asText()
                        + "): startet; følg den med «mailings show»");
            }
        }

        @Command(name = "schedule", mixinStandardHelpOptions = true,
                description = "Send på et senere tidspunkt før fristen; mottakerne finnes da.")
        static final class Schedule extends Send {
            @Option(names = "--at", required = true, paramLabel = "TIME",
                    description = "Når, for eksempel 2026-09-15T09:00:00+02:00.")
            String at;

            @Override
            void run(BarometerAdmin admin) {
                JsonNode mailing = post(admin, "/scheduled", body().put("at", at));
                admin.out.println(mailing.path("mailingId").asText() + " (" + mailing.path("kind").asText()
                        + "): planlagt " + at);
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "Undersøkelsens utsendinger med antall sendt og usikre (tatt, men ikke bekreftet "
                        + "sendt; sendes ikke igjen).")
        static final class ListMailings extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;

            @Override
            void run(BarometerAdmin admin) {
                Table table = new Table("id", "type", "sendt", "usikre", "organisasjoner");
                for (JsonNode m : admin.client().get("/v1/admin/surveys/" + segment(survey) + "/mailings").json()
                        .path("mailings")) {
                    table.row(m.path("mailingId").asText(), m.path("kind").asText(), m.path("sent").asInt(),
                            m.path("inDoubt").asInt(), m.has("orgNumbers") ? m.path("orgNumbers").size() : "alle");
                }
                table.print(admin.out);
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true,
                description = "Én utsending: antall, og tilstanden til e-posten til hver organisasjon.")
        static final class Show extends Action {
            @Parameters(index = "0", paramLabel = "SURVEY")
            String survey;
            @Parameters(index = "1", paramLabel = "MAILING")
            String mailing;

            @Override
            void run(BarometerAdmin admin) {
                JsonNode m = admin.client().get("/v1/admin/surveys/" + segment(survey) + "/mailings/"
                        + segment(mailing)).json();
                admin.out.println(m.path("mailingId").asText() + " (" + m.path("kind").asText() + "): "
                        + m.path("sent").asInt() + " sendt, " + m.path("inDoubt").asInt() + " usikre");
                Table table = new Table("orgnr", "tilstand");
                m.path("mails").forEach(mail -> table.row(mail.path("orgNumber").asText(), mail.path("state").asText()));
                table.print(admin.out);
            }
        }
    }

    @Command(name = "progress", mixinStandardHelpOptions = true,
            description = "Fremdrift: antall per status og svarprosent, totalt og per gruppe.")
    static final class Progress extends Action {
        @Parameters(paramLabel = "SURVEY")
        String survey;
        @Option(names = "--by", defaultValue = "orgType", description = "Gruppering: orgType, sizeGroup, fylke "
                + "eller landsdel (standard: orgType).")
        String by;

        @Override
        void run(BarometerAdmin admin) {
            if (!List.of("orgType", "sizeGroup", "fylke", "landsdel").contains(by)) {
                throw new CliException(2, "--by er orgType, sizeGroup, fylke eller landsdel.");
            }
            JsonNode report = admin.client().get("/v1/admin/surveys/" + segment(survey) + "/progress").json();
            Table table = new Table("gruppe", "invitert", "ikke åpnet", "åpnet", "påbegynt", "fullført",
                    "avslått", "feil mottaker", "svarprosent");
            for (JsonNode segment : report.at("/segments/" + by)) {
                counts(table, segment.path("label").asText(), segment);
            }
            counts(table, "Totalt", report.path("overall"));
            table.print(admin.out);
            undeliverable(admin, report.path("undeliverable"));
        }

        /** Each contact whose mail bounced or was complained about, beside the organisation's other contacts. */
        private static void undeliverable(BarometerAdmin admin, JsonNode organisations) {
            if (organisations.isEmpty()) {
                return;
            }
            Table table = new Table("orgnr", "organisasjon", "adresse", "hva", "når", "andre kontakter");
            for (JsonNode organisation : organisations) {
                for (JsonNode address : organisation.path("addresses")) {
                    List<String> others = new ArrayList<>();
                    organisation.path("contacts").forEach(contact -> {
                        if (!contact.asText().equalsIgnoreCase(address.path("address").asText())) {
                            others.add(contact.asText());
                        }
                    });
                    table.row(organisation.path("orgNumber").asText(), organisation.path("orgName").asText(),
                            address.path("address").asText(), address.path("label").asText(),
                            address.path("at").asText(), String.join(", ", others));
                }
            }
            admin.out.println();
            admin.out.println("Kontakter som ikke fikk e-posten:");
            table.print(admin.out);
        }

        private static void counts(Table table, String label, JsonNode c) {
            table.row(label, c.path("invited").asInt(), c.path("notOpened").asInt(), c.path("opened").asInt(),
                    c.path("inProgress").asInt(), c.path("completed").asInt(), c.path("declined").asInt(),
                    c.path("wrongRecipient").asInt(),
                    String.format(java.util.Locale.ROOT, "%.1f %%", c.path("responseRate").asDouble()));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Last ned svarene, én linje per organisasjon, til en fil (med fremdriftslinje).")
    static final class Export extends Action {
        @Parameters(paramLabel = "SURVEY")
        String survey;
        @Option(names = "--format", defaultValue = "csv", description = "csv (for regneark) eller jsonl.")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path file;

        @Override
        void run(BarometerAdmin admin) {
            download(admin, "/v1/admin/surveys/" + segment(survey) + "/export?format=" + segment(format), file);
        }
    }

    @Command(name = "codebook", mixinStandardHelpOptions = true,
            description = "Last ned kodeboken (Markdown) med eksportens kolonner.")
    static final class Codebook extends Action {
        @Parameters(paramLabel = "SURVEY")
        String survey;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path file;

        @Override
        void run(BarometerAdmin admin) {
            download(admin, "/v1/admin/surveys/" + segment(survey) + "/codebook", file);
        }
    }

    @Command(name = "snapshots", mixinStandardHelpOptions = true,
            description = "Øyeblikksbilder av de samlede svarene, og publisering av dem.",
            subcommands = {Snapshots.ListSnapshots.class, Snapshots.Compute.class, Snapshots.Latest.class,
                    Snapshots.Show.class, Snapshots.Publish.class})
    static final class Snapshots extends Group {

        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "Undersøkelsens øyeblikksbilder, nyeste først.")
        static final class ListSnapshots extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;
            @Option(names = "--limit", defaultValue = "100", description = "Per side, 1–500 (standard 100).")
            int limit;
            @Option(names = "--before", paramLabel = "SNAPSHOT", description = "Fortsett etter dette bildet.")
            String before;
            @Option(names = "--all", description = "Hent alle sidene.")
            boolean all;

            @Override
            void run(BarometerAdmin admin) {
                Table table = new Table("id", "beregnet", "spørreskjema", "fullført", "siste", "publisert");
                String cursor = before;
                do {
                    JsonNode page = admin.client().get("/v1/admin/surveys/" + segment(survey) + "/snapshots?limit="
                            + limit + (cursor == null ? "" : "&before=" + segment(cursor))).json();
                    for (JsonNode s : page.path("snapshots")) {
                        table.row(s.path("snapshotId").asText(), s.path("computedAt").asText(),
                                s.path("questionnaireId").asText() + " v" + s.path("questionnaireVersion").asInt(),
                                s.path("completed").asInt(), s.path("latest").asBoolean() ? "ja" : "",
                                s.path("published").asBoolean() ? "ja" : "");
                    }
                    cursor = page.path("next").isNull() ? null : page.path("next").asText();
                    if (!all && cursor != null) {
                        admin.err.println("Flere: --before " + cursor);
                    }
                } while (all && cursor != null);
                table.print(admin.out);
            }
        }

        @Command(name = "compute", mixinStandardHelpOptions = true,
                description = "Beregn et nytt øyeblikksbilde nå og gjør det til det siste (planen gjør det hvert "
                        + "15. minutt når svarene har endret seg).")
        static final class Compute extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;

            @Override
            void run(BarometerAdmin admin) {
                JsonNode s = admin.client().post("/v1/admin/surveys/" + segment(survey) + "/snapshots", null, null)
                        .json();
                admin.out.println(s.path("snapshotId").asText() + ": beregnet " + s.path("computedAt").asText()
                        + ", " + s.path("completed").asInt() + " fullført");
            }
        }

        @Command(name = "latest", mixinStandardHelpOptions = true,
                description = "Det siste øyeblikksbildet som JSON, til standard ut eller en fil.")
        static final class Latest extends Action {
            @Parameters(paramLabel = "SURVEY")
            String survey;
            @Option(names = "--out", paramLabel = "FILE", description = "Skriv JSON-en hit i stedet for til standard ut.")
            Path file;

            @Override
            void run(BarometerAdmin admin) {
                snapshot(admin, "/v1/admin/surveys/" + segment(survey) + "/snapshots/latest", file);
            }
        }

        @Command(name = "show", mixinStandardHelpOptions = true,
                description = "Ett øyeblikksbilde som JSON, til standard ut eller en fil.")
        static final class Show extends Action {
            @Parameters(index = "0", paramLabel = "SURVEY")
            String survey;
            @Parameters(index = "1", paramLabel = "SNAPSHOT")
            String snapshot;
            @Option(names = "--out", paramLabel = "FILE", description = "Skriv JSON-en hit i stedet for til standard ut.")
            Path file;

            @Override
            void run(BarometerAdmin admin) {
                snapshot(admin, "/v1/admin/surveys/" + segment(survey) + "/snapshots/" + segment(snapshot), file);
            }
        }

        @Command(name = "publish", mixinStandardHelpOptions = true,
                description = "Gjør øyeblikksbildet lesbart uten innlogging på nettappens adresse, som det siste. "
                        + "Et eldre bilde flytter det offentlige siste tilbake til det.")
        static final class Publish extends Action {
            @Parameters(index = "0", paramLabel = "SURVEY")
            String survey;
            @Parameters(index = "1", paramLabel = "SNAPSHOT")
            String snapshot;

            @Override
            void run(BarometerAdmin admin) {
                JsonNode p = admin.client().post("/v1/admin/surveys/" + segment(survey) + "/snapshots/"
                        + segment(snapshot) + "/publish", null, null).json();
                admin.out.println(p.path("snapshotId").asText() + ": publisert " + p.path("publishedAt").asText());
                admin.out.println("  " + p.path("latestPath").asText());
                admin.out.println("  " + p.path("path").asText());
            }
        }

        /** The snapshot as stored, byte for byte: to the file with a progress bar, or to standard out. */
        private static void snapshot(BarometerAdmin admin, String path, Path file) {
            if (file != null) {
                download(admin, path, file);
            } else {
                admin.out.println(new String(admin.client().get(path).body(), StandardCharsets.UTF_8));
            }
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Revisjonsloggen, nyeste først.")
    static final class Audit extends Action {
        @Parameters(paramLabel = "SURVEY")
        String survey;
        @Option(names = "--limit", defaultValue = "100", description = "Per side, 1–500 (standard 100).")
        int limit;
        @Option(names = "--all", description = "Hent alle sidene.")
        boolean all;

        @Override
        void run(BarometerAdmin admin) {
            Table table = new Table("tid", "hvem", "hva", "org", "detaljer");
            String cursor = null;
            do {
                JsonNode page = admin.client().get("/v1/admin/surveys/" + segment(survey) + "/audit?limit=" + limit
                        + (cursor == null ? "" : "&before=" + segment(cursor))).json();
                for (JsonNode e : page.path("entries")) {
                    table.row(e.path("at").asText(), e.path("actor").asText(), e.path("action").asText(),
                            e.path("orgNumber").asText(""), e.path("detail").asText());
                }
                cursor = page.path("next").isNull() ? null : page.path("next").asText();
            } while (all && cursor != null);
            table.print(admin.out);
        }
    }

    private static void download(BarometerAdmin admin, String path, Path file) {
        ProgressBar bar = new ProgressBar(admin.err);
        try (OutputStream out = Files.newOutputStream(file)) {
            admin.client().download(path, out, bar);
        } catch (IOException e) {
            throw new CliException(2, "Kan ikke skrive " + file + ": " + e.getMessage());
        } finally {
            bar.finish();
        }
        admin.err.println("Lagret i " + file);
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new CliException(2, e.getMessage());
        }
    }
}
