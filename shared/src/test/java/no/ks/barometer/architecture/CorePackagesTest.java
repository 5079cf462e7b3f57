package no.ks.barometer.architecture;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every decision lives in pure Java: the core packages may not touch AWS types, the network or files, so the
 * rules can be tested, benchmarked and reused (by the web app's vectors, the admin API, the snapshot function)
 * without any infrastructure. The adapters ({@code store}, {@code http}, {@code respondent}) are where AWS
 * meets the core.
 */
class CorePackagesTest {

    static final List<String> CORE_PACKAGES = List.of(
            "questionnaire", "rules", "token", "invitation", "survey", "register", "codebook", "response");

    private static final Path SOURCES = Path.of("src/main/java/no/ks/barometer");
    private static final Pattern FORBIDDEN_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(software\\.amazon\\.|com\\.amazonaws\\.|java\\.net\\.http\\.|java\\.sql\\.|"
                    + "no\\.ks\\.barometer\\.(store|http|respondent)\\.)[\\w.*]+;", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> corePackagesImportNoAwsNetworkOrAdapterTypes() throws IOException {
        return CORE_PACKAGES.stream().flatMap(CorePackagesTest::sources).map(source -> DynamicTest.dynamicTest(
                SOURCES.relativize(source).toString(), () -> {
                    Matcher matcher = FORBIDDEN_IMPORT.matcher(Files.readString(source));
                    List<String> found = matcher.results().map(m -> m.group().trim()).toList();
                    assertEquals(List.of(), found, source + " reaches outside the pure core");
                }));
    }

    @Test
    void forbiddenImportPatternCatchesAnAwsImport() {
        assertTrue(FORBIDDEN_IMPORT.matcher(
                "package x;\nimport software.amazon.awssdk.services.dynamodb.DynamoDbClient;\n").find());
        assertTrue(FORBIDDEN_IMPORT.matcher("import no.ks.barometer.store.ResponseDao;\n").find());
    }

    @Test
    void everyCorePackageExists() {
        for (String name : CORE_PACKAGES) {
            assertTrue(Files.isDirectory(SOURCES.resolve(name)), "core package " + name + " is missing");
        }
    }

    private static Stream<Path> sources(String packageName) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageName))) {
            return files.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + packageName, e);
        }
    }
}
