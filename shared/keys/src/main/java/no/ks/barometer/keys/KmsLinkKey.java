package no.ks.barometer.keys;

import no.ks.barometer.aws.LambdaClients;
import no.ks.barometer.token.LinkKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

import java.util.Map;

/**
 * The link key as an HMAC_256 key in AWS KMS: every MAC is one {@code GenerateMac} call, and the key material
 * never leaves KMS, so only a role allowed {@code kms:GenerateMac} on that key can make a respondent link.
 */
public final class KmsLinkKey implements LinkKey {

    /** The key's id or ARN (or an alias). */
    public static final String KEY_ID_VARIABLE = "LINK_KEY_ID";
    /** Set only outside AWS (tests): where a KMS-compatible endpoint listens. */
    public static final String ENDPOINT_VARIABLE = "KMS_ENDPOINT";

    private final KmsClient client;
    private final String keyId;

    public KmsLinkKey(KmsClient client, String keyId) {
        this.client = client;
        this.keyId = keyId;
    }

    /** The key named by {@value #KEY_ID_VARIABLE}, through a client built for Lambda's cold start. */
    public static KmsLinkKey fromEnvironment(Map<String, String> environment) {
        String keyId = environment.get(KEY_ID_VARIABLE);
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalStateException(KEY_ID_VARIABLE + " is not set: no key to derive respondent links from");
        }
        return new KmsLinkKey(LambdaClients.configure(KmsClient.builder(), environment, ENDPOINT_VARIABLE,
                LambdaClients.SOCKET_TIMEOUT).build(), keyId);
    }

    @Override
    public byte[] mac(byte[] message) {
        return client.generateMac(request -> request.keyId(keyId)
                        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(SdkBytes.fromByteArray(message)))
                .mac().asByteArray();
    }
}
