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
        description = "Administrer Innovasjonsbarometeret: undersøkelser, register, invitasjoner, fremdrift, "
                + "eksport og revisjonslogg.",
        subcommands = {BarometerAdmin.Surveys.class, BarometerAdmin.Register.class, BarometerAdmin.Invitations.class,
                BarometerAdmin.Progress.class, BarometerAdmin.Export.class, BarometerAdmin.Codebook.class,
                BarometerAdmin.Audit.class})
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
