package no.ks.barometer.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of the local stack (docs/local-stack.md).
 *
 * @param port       HTTP port on 127.0.0.1; 0 picks a free one
 * @param data       where DynamoDB Local keeps its data; empty: in memory
 * @param simulate   how many simulated respondents answer after start
 * @param seed       makes the simulation repeatable
 * @param linksFile  where to write every respondent link when ready
 * @param web        the web app's folder; empty: {@code web/} of the checkout
 */
public record Options(int port, Optional<Path> data, int simulate, long seed, Optional<Path> linksFile,
                      Optional<Path> web) {

    public static final int DEFAULT_PORT = 8080;

    static final String USAGE = """
            Bruk: java -jar local/target/barometer-local.jar [valg]
              --port N            HTTP-port på 127.0.0.1; 0 velger en ledig (standard 8080)
              --data MAPPE        behold dataene i MAPPE til neste start (standard: bare i minnet)
              --simulate N        N simulerte respondenter svarer gjennom API-et etter start (standard 0)
              --seed N            gjør simuleringen gjentakbar (standard 1)
              --links-file FIL    skriv alle respondentlenker som JSON til FIL når tjenesten er klar
              --web MAPPE         webappens filer (standard: web/ i prosjektet)
              --help              vis denne teksten
            """;

    public Options {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port må være mellom 0 og 65535, ikke " + port);
        }
        if (simulate < 0) {
            throw new IllegalArgumentException("--simulate kan ikke være negativ");
        }
    }

    public static Options defaults() {
        return new Options(DEFAULT_PORT, Optional.empty(), 0, 1, Optional.empty(), Optional.empty());
    }

    public Options withPort(int newPort) {
        return new Options(newPort, data, simulate, seed, linksFile, web);
    }

    public Options withData(Path dir) {
        return new Options(port, Optional.of(dir), simulate, seed, linksFile, web);
    }

    public Options withSimulate(int respondents) {
        return new Options(port, data, respondents, seed, linksFile, web);
    }

    public Options withSeed(long newSeed) {
        return new Options(port, data, simulate, newSeed, linksFile, web);
    }

    public Options withLinksFile(Path file) {
        return new Options(port, data, simulate, seed, Optional.of(file), web);
    }

    public Options withWeb(Path dir) {
        return new Options(port, data, simulate, seed, linksFile, Optional.of(dir));
    }

    /** Thrown for a command line that cannot be understood; the message is for the person who typed it. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --help} was asked for. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE);
        }
    }

    public static Options parse(String... args) {
        Options options = defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Ukjent argument: " + arg);
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(arg + " mangler en verdi");
            }
            try {
                options = switch (name) {
                    case "--port" -> options.withPort(Integer.parseInt(value));
                    case "--data" -> options.withData(Path.of(value));
                    case "--simulate" -> options.withSimulate(Integer.parseInt(value));
                    case "--seed" -> options.withSeed(Long.parseLong(value));
                    case "--links-file" -> options.withLinksFile(Path.of(value));
                    case "--web" -> options.withWeb(Path.of(value));
                    default -> throw new UsageException("Ukjent valg: " + name);
                };
            } catch (NumberFormatException e) {
                throw new UsageException(name + " må være et heltall, ikke '" + value + "'");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return options;
    }
}
