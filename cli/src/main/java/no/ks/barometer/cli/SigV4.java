package no.ks.barometer.cli;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Signs requests for API Gateway ({@code execute-api}) with the SDK's SigV4 signer and credentials from the
 * default chain (environment, profile, SSO, container or instance role): the routes' {@code AWS_IAM} checks it.
 */
final class SigV4 implements ApiClient.Authorizer {

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SigV4(AwsCredentialsProvider credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public Map<String, List<String>> headers(String method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().headers();
    }

    /** The region of an API Gateway address ({@code <id>.execute-api.<region>.amazonaws.com}), if it is one. */
    static java.util.Optional<String> regionOf(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("[^.]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com").matcher(host);
        return matcher.matches() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }
}
