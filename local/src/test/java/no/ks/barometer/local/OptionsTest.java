package no.ks.barometer.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void noArgumentsGiveTheDocumentedDefaults() {
        Options options = Options.parse();
        assertEquals(8080, options.port());
        assertEquals(Optional.empty(), options.data());
        assertEquals(0, options.simulate());
        assertEquals(Optional.empty(), options.linksFile());
    }

    @Test
    void everyOptionIsReadInBothSpellings() {
        Options options = Options.parse("--port", "0", "--data=d", "--simulate", "5", "--links-file=l.json",
                "--seed", "9", "--web", "w");
        assertEquals(0, options.port());
        assertEquals(Optional.of(Path.of("d")), options.data());
        assertEquals(5, options.simulate());
        assertEquals(Optional.of(Path.of("l.json")), options.linksFile());
        assertEquals(9, options.seed());
        assertEquals(Optional.of(Path.of("w")), options.web());
    }

    @Test
    void unknownOptionIsRefusedByName() {
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> Options.parse("--prot", "1"));
        assertTrue(e.getMessage().contains("--prot"), e.getMessage());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(Options.UsageException.class, () -> Options.parse("--port", "many"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--port", "70000"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--simulate", "-1"));
        assertThrows(Options.UsageException.class, () -> Options.parse("--data"));
    }

    @Test
    void helpIsAnsweredWithTheUsage() {
        assertThrows(Options.HelpRequested.class, () -> Options.parse("--help"));
    }
}
