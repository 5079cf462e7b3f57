package no.ks.barometer.local;

import no.ks.barometer.functions.mailer.MailerHandler;
import no.ks.barometer.keys.LinkKeyFile;
import no.ks.barometer.keys.LinkKeys;
import no.ks.barometer.local.aws.LocalAwsEndpoints;
import no.ks.barometer.local.dynamodb.LocalDynamoDb;
import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.functions.LocalFunctions;
import no.ks.barometer.local.http.ApiServer;
import no.ks.barometer.local.http.Router;
import no.ks.barometer.local.http.StaticFiles;
import no.ks.barometer.local.schedule.LocalSchedule;
import no.ks.barometer.local.schedule.LocalScheduler;
import no.ks.barometer.local.simulation.Simulation;
import no.ks.barometer.local.simulation.SimulationReport;
import no.ks.barometer.local.template.FunctionEvent;
import no.ks.barometer.local.template.SamFunction;
import no.ks.barometer.local.template.SamTemplate;
import no.ks.barometer.local.template.ValueResolver;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.results.PublishedResultsFactory;
import no.ks.barometer.token.Tokens;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole product on this machine (docs/local-stack.md): DynamoDB Local, the template's functions behind an HTTP
 * server whose routes come from template.yaml, the web app, the template's schedules, and the demo survey with a
 * link for every organisation. Services run in the order they start and stop in reverse.
 */
public final class LocalStack implements AutoCloseable {

    /** The table's name here; in AWS the template names it per stage. */
    public static final String TABLE_NAME = "barometer-local";
    private static final int SAMPLE_KOMMUNER = 3;
    private static final int SAMPLE_FYLKESKOMMUNER = 2;

    private final List<LocalService> running = new ArrayList<>();
    /** Beside the data, so links made before a restart are made the same after it. */
    static final String LINK_KEY_FILE_NAME = "link-key";
    private static final String LOCAL_MAILS_PER_SECOND = "1000";

    private LocalDynamoDb dynamoDb;
    private LocalOutbox outbox;
    private Path linkKeyFile;
    private URI baseUrl;
    private String adminToken;
    private List<RespondentLink> links = List.of();
    private Optional<Path> linksFile = Optional.empty();
    private Optional<SimulationReport> simulation = Optional.empty();
    private boolean closed;

    private LocalStack() {
    }

    /**
     * Standard output carries what a person needs (the banner, the simulation's summary, schedule runs, the reason
     * a start failed); everything else, including what libraries print on standard output (DynamoDB Local's
     * configuration), goes to standard error, which scripts/run-local.sh keeps in a log file.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream console = System.out;
        System.setOut(System.err);
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            console.print(Options.USAGE);
            return;
        } catch (Options.UsageException e) {
            console.println(e.getMessage());
            console.print(Options.USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            stack = start(options, console);
        } catch (Exception e) {
            console.println("Barometer startet ikke: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("Stopper Barometer …");
            stack.close();
            console.println("Barometer stoppet.");
        }, "barometer-stop"));
        new CountDownLatch(1).await();
    }

    /** Starts everything and returns when the API answers and, with {@code --simulate}, the simulation is done. */
    public static LocalStack start(Options options, PrintStream out) throws Exception {
        Path root = ProjectRoot.locate();
        LocalStack stack = new LocalStack();
        try {
            stack.boot(options, root, SamTemplate.read(root.resolve(ProjectRoot.TEMPLATE)), out);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void boot(Options options, Path root, SamTemplate template, PrintStream out) throws Exception {
        Clock clock = Clock.systemUTC();
        dynamoDb = new LocalDynamoDb(options.data(), nativeLibraryCandidates(root), TABLE_NAME);
        startService(dynamoDb);

        Path files = options.data().orElseGet(LocalStack::temporaryFolder);
        outbox = new LocalOutbox(files.resolve("outbox"), out);
        startService(outbox);
        LocalAwsEndpoints aws = new LocalAwsEndpoints(clock, out);
        startService(aws);
        linkKeyFile = files.resolve(LINK_KEY_FILE_NAME);
        Map<String, String> localVariables = new HashMap<>(dynamoDb.environment());
        localVariables.put(LinkKeys.FILE_VARIABLE, linkKeyFile.toString());
        localVariables.put(MailerHandler.OUTBOX_VARIABLE, outbox.folder().toString());
        // The send rate is for SES, whose quota the mailer also reads there; a folder has none, so a local mailing
        // goes as fast as the mailer can.
        localVariables.put("MAILS_PER_SECOND", LOCAL_MAILS_PER_SECOND);
        localVariables.putAll(aws.environment("LAMBDA_ENDPOINT", "SCHEDULER_ENDPOINT"));
        PublishedResultsFolder published = PublishedResultsFolder.in(options.data());
        localVariables.put(PublishedResultsFactory.DIR_VARIABLE, published.root().toString());
        Map<String, LocalFunction> functions = LocalFunctions.load(template,
                new ValueResolver(template, physicalIds(root, template), LocalDynamoDb.REGION),
                localVariables, dynamoDb.client(), TABLE_NAME, clock);
        aws.serve(functions);
        adminToken = Tokens.newToken();
        Path webDir = options.web().orElse(root.resolve("web"));
        StaticFiles webApp = new StaticFiles(webDir);
        if (!Files.isDirectory(webDir)) {
            out.println("Advarsel: fant ikke webappen i " + webDir + "; bare API-et svarer.");
        } else if (!webApp.hasPublishedList()) {
            out.println("Advarsel: " + webDir + " har ingen " + StaticFiles.PUBLISHED_LIST
                    + " som sier hvilke filer som publiseres; bare API-et svarer.");
        }
        LocalScheduler scheduler = new LocalScheduler(LocalSchedule.allOf(template), functions, clock, out);
        ApiServer api = new ApiServer(options.port(), Router.from(template), functions, webApp,
                Optional.of(published.files()), adminToken, clock, scheduler, ApiServer.Limits.DEFAULT);
        startService(api);
        baseUrl = URI.create("http://127.0.0.1:" + api.port() + "/");

        Optional<Path> keptLinks = options.data().map(dir -> dir.resolve(LinksFile.DATA_FILE_NAME));
        DemoSeed.Outcome seed = DemoSeed.ensure(dynamoDb.client(), TABLE_NAME, LinkKeyFile.load(linkKeyFile), clock,
                baseUrl, adminToken, keptLinks);
        links = seed.links().orElse(List.of());
        LinksFile current = LinksFile.of(baseUrl, adminToken, links);
        if (!links.isEmpty()) {
            keptLinks.ifPresent(current::write);
        }
        options.linksFile().ifPresent(current::write);
        linksFile = options.linksFile().or(() -> keptLinks);
        startService(scheduler);
        printBanner(out, options, seed);
        outbox.printWhere();
        printSchedules(out, scheduler);
        printUnserved(out, template);
        out.println("Ctrl-C stopper.");
        out.println();

        if (options.simulate() > 0) {
            List<RespondentLink> mailed = outbox.links(links);
            if (!mailed.isEmpty()) {
                out.println("Simulering: respondentene følger lenkene i utboksen (" + mailed.size()
                        + " organisasjoner har fått e-post).");
            }
            simulation = Optional.of(Simulation.run(baseUrl, mailed.isEmpty() ? links : mailed, options.simulate(),
                    options.seed(), out));
        }
    }

    private void startService(LocalService service) throws Exception {
        running.add(service);
        service.start();
    }

    private void printBanner(PrintStream out, Options options, DemoSeed.Outcome seed) {
        out.println();
        out.println("Barometer kjører på " + baseUrl);
        out.println("  Data: " + options.data().map(dir -> dir.toAbsolutePath() + (seed.created()
                ? " (ny)" : " (fra forrige start)")).orElse("bare i minnet"));
        out.println("  Admintoken (Authorization: Bearer …, for IAM-beskyttede ruter): " + adminToken);
        if (links.isEmpty()) {
            out.println("  Respondentlenkene er ukjente: de vises bare når de lages, og "
                    + LinksFile.DATA_FILE_NAME + " mangler i datamappen.");
        } else {
            out.println("  Respondentlenker (" + links.size() + " i alt), for eksempel:");
            Stream.concat(
                    links.stream().filter(l -> l.type() == OrgType.KOMMUNE).limit(SAMPLE_KOMMUNER),
                    links.stream().filter(l -> l.type() == OrgType.FYLKESKOMMUNE).limit(SAMPLE_FYLKESKOMMUNER))
                    .forEach(link -> out.println("    " + link.number() + " " + link.name() + ": " + link.url()));
        }
        out.println("  Alle lenker: " + linksFile.map(file -> file.toAbsolutePath().toString())
                .orElse("start med --links-file FIL eller --data MAPPE for å få dem i en fil"));
    }

    private void printSchedules(PrintStream out, LocalScheduler scheduler) {
        if (scheduler.schedules().isEmpty()) {
            return;
        }
        out.println("  Tidsplaner (kjør en nå: curl -X POST -H 'Authorization: Bearer " + adminToken + "' "
                + baseUrl + "local/schedules/NAVN/run):");
        for (LocalSchedule schedule : scheduler.schedules()) {
            String when = switch (schedule.timing()) {
                case LocalSchedule.Timed ignored -> schedule.event().expression() + ", neste gang "
                        + scheduler.nextRun(schedule.name()).map(Object::toString).orElse("aldri");
                case LocalSchedule.Untimed untimed -> schedule.event().expression() + ", kjøres ikke av seg selv: "
                        + untimed.reason();
            };
            out.println("    " + schedule.name() + " → " + schedule.function() + ": " + when);
        }
    }

    private static void printUnserved(PrintStream out, SamTemplate template) {
        unservedEventNotes(template).forEach(note -> out.println("  " + note));
    }

    /** A line for each event the stack does not serve, so no one waits here for it to fire. */
    static List<String> unservedEventNotes(SamTemplate template) {
        List<String> notes = new ArrayList<>();
        for (SamFunction function : template.functions()) {
            for (FunctionEvent.UnservedEvent event : function.unservedEvents()) {
                notes.add("Hoppes over: " + function.logicalId() + ".Events." + event.name() + " (" + event.type()
                        + "): den lokale stakken serverer ikke " + event.type() + "-hendelser, så "
                        + function.logicalId() + " kjører ikke på dem her.");
            }
        }
        return notes;
    }

    /**
     * What a {@code Ref} names here: the table its local name, every other resource its logical id (a function is
     * loaded under it, and the local endpoints find it by that name in an ARN).
     */
    private static Map<String, String> physicalIds(Path root, SamTemplate template) {
        Map<String, String> ids = new HashMap<>();
        SamTemplate.readTree(root.resolve(ProjectRoot.TEMPLATE)).path("Resources").fieldNames()
                .forEachRemaining(id -> ids.put(id, id));
        ids.put(template.table().logicalId(), TABLE_NAME);
        ids.put(PublishedResultsFolder.BUCKET_LOGICAL_ID, PublishedResultsFolder.BUCKET_NAME);
        return ids;
    }

    /** Where the outbox and the link key go when the data is kept in memory only. */
    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("barometer-local-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> nativeLibraryCandidates(Path root) {
        List<Path> candidates = new ArrayList<>();
        ProjectRoot.codeLocation().filter(Files::isRegularFile)
                .map(jar -> jar.toAbsolutePath().getParent().resolve("native-libs"))
                .ifPresent(candidates::add);
        candidates.add(root.resolve("local/target/native-libs"));
        return candidates;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String adminToken() {
        return adminToken;
    }

    /** Where the mailer writes every mail as an {@code .eml} file. */
    public Path outboxFolder() {
        return outbox.folder();
    }

    /** The key every respondent link of this stack is derived from. */
    public Path linkKeyFile() {
        return linkKeyFile;
    }

    public List<RespondentLink> links() {
        return links;
    }

    public Optional<SimulationReport> simulation() {
        return simulation;
    }

    /** Stops the services in reverse order: the HTTP server first, DynamoDB Local last. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<LocalService> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        for (LocalService service : reversed) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                System.err.println(service.name() + " stoppet ikke rent: " + e.getMessage());
            }
        }
    }
}
