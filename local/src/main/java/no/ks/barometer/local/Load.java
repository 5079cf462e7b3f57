package no.ks.barometer.local;

import no.ks.barometer.local.simulation.LoadReport;
import no.ks.barometer.local.simulation.LoadRun;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The load run as a process of its own, against a local stack started with {@code --links-file}:
 * {@code java -cp barometer-local.jar no.ks.barometer.local.Load LINKS_FILE MAX_PAUSE_MS MAX_PAGES SEED}
 * ({@code MAX_PAGES} 0 lets every respondent follow its plan to the end). Prints the report; exits with 1 when a
 * request failed with a 5xx or a stored response differs from what its client last had confirmed.
 */
public final class Load {

    private Load() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("Bruk: Load LENKEFIL MAKS_PAUSE_MS MAKS_SIDER FRØ");
            System.exit(2);
        }
        LinksFile file = LinksFile.read(Path.of(args[0]))
                .orElseThrow(() -> new IllegalArgumentException("Fant ikke lenkefila " + args[0]));
        URI baseUrl = URI.create(file.baseUrl() + "/");
        int maxPages = Integer.parseInt(args[2]);
        LoadReport report = LoadRun.run(baseUrl, file.links(baseUrl), new LoadRun.Settings(
                Duration.ofMillis(Long.parseLong(args[1])), maxPages == 0 ? Integer.MAX_VALUE : maxPages,
                Long.parseLong(args[3])));
        System.out.print(report.summary());
        System.exit(report.problems().isEmpty() && report.serverErrors() == 0 ? 0 : 1);
    }
}
