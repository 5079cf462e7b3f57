package no.ks.barometer.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How every function builds an SDK client, for Lambda's cold start: the url-connection HTTP client (the lightest to
 * load), the region from {@code AWS_REGION}, and the function role's credentials as Lambda hands them over, with
 * and without SnapStart. Nothing is looked up that Lambda does not provide (no profile files, no instance metadata).
 */
public final class LambdaClients {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long a call may go quiet before it is given up: AWS answers these calls at once. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private LambdaClients() {
    }

    /**
     * Sets the HTTP client, region and credentials; when {@code endpointVariable} is set in {@code environment}
     * (tests and the local stack), the client calls that endpoint instead of AWS's. {@code socketTimeout} is
     * {@link #SOCKET_TIMEOUT} unless the service may take longer to answer.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, Map<String, String> environment, String endpointVariable, Duration socketTimeout) {
        builder.httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT)
                        .socketTimeout(socketTimeout)
                        .build())
                .region(Region.of(Optional.ofNullable(environment.get("AWS_REGION")).orElse("eu-north-1")))
                .credentialsProvider(credentials(environment));
        Optional.ofNullable(environment.get(endpointVariable)).filter(value -> !value.isBlank())
                .map(URI::create).ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * The role's credentials. Lambda puts them in the environment of a function started without SnapStart (and
     * the local stack passes its stand-ins the same way). A function restored from a SnapStart snapshot has no key
     * variables: Lambda serves its credentials from a container credentials endpoint, which
     * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} name (AWS Lambda
     * Developer Guide, "Activating and managing Lambda SnapStart", credentials). Reading only the key variables, as
     * these clients once did, would fail every call of every SnapStart function. Last, the process's own variables,
     * for a caller whose {@code environment} is not the process's.
     */
    public static AwsCredentialsProvider credentials(Map<String, String> environment) {
        String id = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
            String token = environment.get("AWS_SESSION_TOKEN");
            AwsCredentials credentials = token == null || token.isBlank()
                    ? AwsBasicCredentials.create(id, secret)
                    : AwsSessionCredentials.create(id, secret, token);
            return StaticCredentialsProvider.create(credentials);
        }
        return AwsCredentialsProviderChain.of(ContainerCredentialsProvider.builder().build(),
                EnvironmentVariableCredentialsProvider.create());
    }
}
