package no.ks.barometer.functions.admin;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** SDK clients built for Lambda's cold start, as the shared modules build theirs; an endpoint variable points one at the local stack. */
final class AwsClients {

    private AwsClients() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, Map<String, String> environment, String endpointVariable) {
        builder.httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .region(Region.of(Optional.ofNullable(environment.get("AWS_REGION")).orElse("eu-north-1")))
                .credentialsProvider(credentials(environment));
        Optional.ofNullable(environment.get(endpointVariable)).filter(s -> !s.isBlank())
                .map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Lambda's role credentials, read afresh from the process environment; else the stand-ins the local stack gives
     * its functions in {@code environment} (its process has none).
     */
    private static AwsCredentialsProvider credentials(Map<String, String> environment) {
        String id = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)));
    }

    static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
