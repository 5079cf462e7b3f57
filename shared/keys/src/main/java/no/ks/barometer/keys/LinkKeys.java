package no.ks.barometer.keys;

import no.ks.barometer.token.LinkKey;

import java.nio.file.Path;
import java.util.Map;

/** The link key a function is configured with: a key file in the local stack, the KMS key in AWS. */
public final class LinkKeys {

    /** Set by the local stack only: the key file beside its data, so links survive a restart. */
    public static final String FILE_VARIABLE = "LINK_KEY_FILE";

    private LinkKeys() {
    }

    /** {@value #FILE_VARIABLE} if set, else the KMS key named by {@value KmsLinkKey#KEY_ID_VARIABLE}. */
    public static LinkKey fromEnvironment(Map<String, String> environment) {
        String file = environment.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            return LinkKeyFile.load(Path.of(file));
        }
        return KmsLinkKey.fromEnvironment(environment);
    }
}
