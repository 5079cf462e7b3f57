package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.local.http.HttpApiEvents;
import no.ks.barometer.local.http.StaticFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web app and the API share one CloudFront origin in AWS, as they do in the local stack: the app's files come
 * from a private bucket with the local stack's security headers, and /v1/* goes to the API uncached with the
 * respondent's token.
 */
class TemplateWebHostingTest {

    /** AWS managed policies, by their fixed ids. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private static final JsonNode RESOURCES = SamTemplate.readTree(Project.TEMPLATE_FILE).path("Resources");

    private static JsonNode resource(String logicalId, String type) {
        JsonNode resource = RESOURCES.path(logicalId);
        assertEquals(type, resource.path("Type").asText(), logicalId);
        return resource;
    }

    private static JsonNode onlyResourceOfType(String type) {
        List<String> ids = new ArrayList<>();
        RESOURCES.properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                ids.add(r.getKey());
            }
        });
        assertEquals(1, ids.size(), type + ": " + ids);
        return RESOURCES.path(ids.getFirst());
    }

    /** At least one. */
    private static List<JsonNode> resourcesOfType(String type) {
        List<JsonNode> found = new ArrayList<>();
        RESOURCES.properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                found.add(r.getValue());
            }
        });
        assertFalse(found.isEmpty(), type);
        return found;
    }

    private static JsonNode distribution() {
        return onlyResourceOfType("AWS::CloudFront::Distribution").path("Properties").path("DistributionConfig");
    }

    private static JsonNode origin(String id) {
        return StreamSupport.stream(distribution().path("Origins").spliterator(), false)
                .filter(o -> o.path("Id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no origin " + id));
    }

    private static JsonNode behaviour(String pathPattern) {
        return StreamSupport.stream(distribution().path("CacheBehaviors").spliterator(), false)
                .filter(b -> b.path("PathPattern").asText().equals(pathPattern))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cache behaviour for " + pathPattern));
    }

    private static JsonNode securityHeaders() {
        JsonNode webBehaviour = distribution().path("DefaultCacheBehavior");
        String policy = webBehaviour.path("ResponseHeadersPolicyId").path("Ref").asText();
        return resource(policy, "AWS::CloudFront::ResponseHeadersPolicy")
                .path("Properties").path("ResponseHeadersPolicyConfig").path("SecurityHeadersConfig");
    }

    /** What the policy makes CloudFront send for a header the local stack sends. */
    private static String sentByCloudFront(JsonNode security, String header) {
        JsonNode setting = switch (header) {
            case "Content-Security-Policy" -> security.path("ContentSecurityPolicy");
            case "Referrer-Policy" -> security.path("ReferrerPolicy");
            case "X-Content-Type-Options" -> security.path("ContentTypeOptions");
            default -> fail(header + " is sent by the local stack, but the template has no security header for it");
        };
        assertTrue(setting.isObject(), header + " is not set by the response headers policy");
        assertTrue(setting.path("Override").asBoolean(), header + " must override whatever the origin sends");
        return switch (header) {
            case "Content-Security-Policy" -> setting.path("ContentSecurityPolicy").asText();
            case "Referrer-Policy" -> setting.path("ReferrerPolicy").asText();
            // ContentTypeOptions takes no value: CloudFront always sends nosniff.
            default -> "nosniff";
        };
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void webAppCarriesTheLocalStacksSecurityHeadersAndHsts() {
        JsonNode security = securityHeaders();
        for (HttpApiEvents.Header header : StaticFiles.securityHeaders()) {
            assertEquals(header.value(), sentByCloudFront(security, header.name()), header.name());
        }
        assertEquals(Set.of("ContentSecurityPolicy", "ReferrerPolicy", "ContentTypeOptions", "StrictTransportSecurity"),
                fieldNames(security));
        JsonNode hsts = security.path("StrictTransportSecurity");
        assertEquals(63072000, hsts.path("AccessControlMaxAgeSec").asInt());
        assertTrue(hsts.path("IncludeSubdomains").asBoolean());
        assertTrue(hsts.path("Override").asBoolean());
    }

    /** What the function does to an address is tested in web/test/unit/folder-index.test.mjs. */
    @Test
    void everyFolderAddressOfTheAppIsRewrittenByTheFolderIndexFunctionBeforeTheCache() {
        JsonNode function = resource("WebFolderIndexFunction", "AWS::CloudFront::Function").path("Properties");
        assertTrue(function.path("AutoPublish").asBoolean(), "only a published function can be associated");
        assertEquals("cloudfront-js-2.0", function.path("FunctionConfig").path("Runtime").asText());
        JsonNode associations = distribution().path("DefaultCacheBehavior").path("FunctionAssociations");
        assertEquals(1, associations.size(), associations.toString());
        assertEquals("viewer-request", associations.get(0).path("EventType").asText());
        assertEquals("[\"WebFolderIndexFunction\",\"FunctionMetadata.FunctionARN\"]",
                associations.get(0).path("FunctionARN").path("Fn::GetAtt").toString());
    }

    @Test
    void sameOriginIsEnoughForTheApp() {
        String csp = StaticFiles.securityHeaders().stream()
                .filter(h -> h.name().equals("Content-Security-Policy"))
                .findFirst().orElseThrow().value();
        assertTrue(csp.contains("connect-src 'self';"), csp);
        assertFalse(resource("BarometerApi", "AWS::Serverless::HttpApi").path("Properties").has("CorsConfiguration"),
                "web app and API share an origin, so the API allows no other origin");
    }

    @Test
    void apiPathsGoToTheApiStageUncachedWithTheViewersAuthorization() {
        JsonNode api = behaviour("/v1/*");
        JsonNode origin = origin(api.path("TargetOriginId").asText());
        assertEquals("${BarometerApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}",
                origin.path("DomainName").path("Fn::Sub").asText());
        assertEquals("Stage", resource("BarometerApi", "AWS::Serverless::HttpApi")
                .path("Properties").path("StageName").path("Ref").asText());
        assertEquals("/${Stage}", origin.path("OriginPath").path("Fn::Sub").asText());
        assertEquals("https-only", origin.path("CustomOriginConfig").path("OriginProtocolPolicy").asText());

        assertEquals(CACHING_DISABLED, api.path("CachePolicyId").asText());
        assertEquals(ALL_VIEWER_EXCEPT_HOST_HEADER, api.path("OriginRequestPolicyId").asText());
        List<String> methods = new ArrayList<>();
        api.path("AllowedMethods").forEach(m -> methods.add(m.asText()));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"), Set.copyOf(methods));
        assertNotEquals("allow-all", api.path("ViewerProtocolPolicy").asText());
    }

    @Test
    void everyRouteIsReachableThroughTheApiBehaviour() {
        List<String> outside = Project.TEMPLATE.functions().stream()
                .flatMap(f -> f.httpApiEvents().stream())
                .map(FunctionEvent.HttpApiEvent::path)
                .filter(path -> !path.startsWith("/v1/"))
                .toList();
        assertEquals(List.of(), outside);
    }

    @Test
    void webAppComesFromTheBucketThroughOriginAccessControlOverHttps() {
        JsonNode config = distribution();
        assertEquals("index.html", config.path("DefaultRootObject").asText());
        assertEquals("http2and3", config.path("HttpVersion").asText());
        JsonNode web = config.path("DefaultCacheBehavior");
        assertEquals("redirect-to-https", web.path("ViewerProtocolPolicy").asText());
        assertEquals(CACHING_OPTIMIZED, web.path("CachePolicyId").asText());

        JsonNode origin = origin(web.path("TargetOriginId").asText());
        String bucket = origin.path("DomainName").path("Fn::GetAtt").path(0).asText();
        resource(bucket, "AWS::S3::Bucket");
        String accessControl = origin.path("OriginAccessControlId").path("Fn::GetAtt").path(0).asText();
        JsonNode signing = resource(accessControl, "AWS::CloudFront::OriginAccessControl")
                .path("Properties").path("OriginAccessControlConfig");
        assertEquals("s3", signing.path("OriginAccessControlOriginType").asText());
        assertEquals("always", signing.path("SigningBehavior").asText());
        assertEquals("", origin.path("S3OriginConfig").path("OriginAccessIdentity").asText("absent"),
                "with Origin Access Control the legacy identity stays empty");
    }

    /** The web app's and the published results' buckets alike. */
    @Test
    void everyBucketIsPrivateEncryptedVersionedAndRetained() {
        for (JsonNode bucket : resourcesOfType("AWS::S3::Bucket")) {
            assertBucketIsPrivateEncryptedVersionedAndRetained(bucket);
        }
    }

    private static void assertBucketIsPrivateEncryptedVersionedAndRetained(JsonNode bucket) {
        JsonNode properties = bucket.path("Properties");
        JsonNode block = properties.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                "RestrictPublicBuckets")) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        assertEquals("BucketOwnerEnforced",
                properties.path("OwnershipControls").path("Rules").path(0).path("ObjectOwnership").asText());
        assertFalse(properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration").isEmpty());
        assertEquals("Enabled", properties.path("VersioningConfiguration").path("Status").asText());
        assertFalse(properties.has("WebsiteConfiguration"), "a website endpoint would be public");
        assertEquals("Retain", bucket.path("DeletionPolicy").asText());
        assertEquals("Retain", bucket.path("UpdateReplacePolicy").asText());
    }

    @Test
    void onlyTheDistributionMayReadEveryBucket() {
        List<JsonNode> policies = resourcesOfType("AWS::S3::BucketPolicy");
        assertEquals(resourcesOfType("AWS::S3::Bucket").size(), policies.size(), "one policy per bucket");
        for (JsonNode policy : policies) {
            assertOnlyTheDistributionMayRead(policy.path("Properties").path("PolicyDocument"));
        }
    }

    private static void assertOnlyTheDistributionMayRead(JsonNode policy) {
        List<JsonNode> allows = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            if (s.path("Effect").asText().equals("Allow")) {
                allows.add(s);
            }
        });
        assertEquals(1, allows.size(), allows.toString());
        JsonNode allow = allows.getFirst();
        assertEquals("cloudfront.amazonaws.com", allow.path("Principal").path("Service").asText());
        assertEquals("s3:GetObject", allow.path("Action").asText());
        String distribution = RESOURCES.properties().stream()
                .filter(r -> r.getValue().path("Type").asText().equals("AWS::CloudFront::Distribution"))
                .findFirst().orElseThrow().getKey();
        assertTrue(allow.path("Condition").path("StringEquals").path("AWS:SourceArn").path("Fn::Sub").asText()
                .endsWith(":distribution/${" + distribution + "}"), allow.toString());
    }

    @Test
    void deployScriptIsValidBash() throws IOException, InterruptedException {
        Path script = Project.ROOT.resolve("scripts/deploy.sh");
        assertTrue(Files.isExecutable(script), script + " is executable");
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n finished");
        String output = new String(bash.getInputStream().readAllBytes());
        assertEquals(0, bash.exitValue(), output);
    }
}
