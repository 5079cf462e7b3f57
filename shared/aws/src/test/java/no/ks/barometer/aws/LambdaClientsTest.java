package no.ks.barometer.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class LambdaClientsTest {

    @Test
    void keyVariablesAsLambdaSetsThemWithoutSnapStartAreTheCredentials() {
        AwsCredentials credentials = LambdaClients.credentials(Map.of("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "session")).resolveCredentials();
        AwsSessionCredentials session = assertInstanceOf(AwsSessionCredentials.class, credentials);
        assertEquals("ASIAEXAMPLE", session.accessKeyId());
        assertEquals("secret", session.secretAccessKey());
        assertEquals("session", session.sessionToken());

        AwsCredentials local = LambdaClients.credentials(Map.of("AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local")).resolveCredentials();
        assertEquals("local", local.accessKeyId());
        assertFalse(local instanceof AwsSessionCredentials);
    }

    /**
     * A SnapStart function has no key variables; Lambda serves its credentials at the address and with the token of
     * the container credentials variables (given here as the SDK's equivalent system properties).
     */
    @Test
    void withoutKeyVariablesAsUnderSnapStartTheCredentialsComeFromLambdasContainerEndpoint() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/2018-06-01/credentials", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = """
                    {"AccessKeyId": "ASIASNAPSTART", "SecretAccessKey": "restored", "Token": "snapstart-session",
                     "Expiration": "2099-01-01T00:00:00Z"}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        endpoint.start();
        System.setProperty("aws.containerCredentialsFullUri",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/2018-06-01/credentials");
        System.setProperty("aws.containerAuthorizationToken", "lambda-token");
        try {
            AwsCredentials credentials = LambdaClients.credentials(Map.of("AWS_REGION", "eu-north-1"))
                    .resolveCredentials();
            AwsSessionCredentials session = assertInstanceOf(AwsSessionCredentials.class, credentials);
            assertEquals("ASIASNAPSTART", session.accessKeyId());
            assertEquals("restored", session.secretAccessKey());
            assertEquals("snapstart-session", session.sessionToken());
            assertEquals(List.of("lambda-token"), authorizations);
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
            endpoint.stop(0);
        }
    }
}
