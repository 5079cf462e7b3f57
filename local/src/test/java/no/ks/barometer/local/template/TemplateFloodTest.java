package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.register.Register;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One client cannot lock every respondent out: the API's throttles are per route and sized for a real survey, and
 * the web ACL of template-waf.yaml, given to the distribution, blocks one address long before it could use a route's
 * throttle up.
 */
class TemplateFloodTest {

    private static final JsonNode TEMPLATE = SamTemplate.readTree(Project.TEMPLATE_FILE);
    private static final JsonNode WAF = SamTemplate.readTree(Project.ROOT.resolve("template-waf.yaml"));

    /** The survey the throttles are sized for: every organisation in the register. */
    private static final int ORGANISATIONS = Register.standard().all().size();
    /** At the busiest, just after the invitation, a third of them answer in the same minutes. */
    private static final int ANSWERING_AT_ONCE = ORGANISATIONS / 3;
    /**
     * How many seconds apart one respondent, at the quickest, calls each route: a page is saved every five
     * seconds, the response and the questionnaire are read once per visit (say within ten seconds of each other
     * respondent's), the response is submitted once.
     */
    private static final Map<String, Integer> SECONDS_BETWEEN_CALLS = Map.of(
            "PUT /v1/response/pages/{pageId}", 5,
            "GET /v1/response", 10,
            "GET /v1/questionnaires/{id}", 10,
            "POST /v1/response/submit", 60);
    private static final String SAVE_ROUTE = "PUT /v1/response/pages/{pageId}";

    /** An inter-municipal IT service can put a score of kommuner behind one public address. */
    private static final int ORGANISATIONS_BEHIND_ONE_ADDRESS = 20;
    /** A whole survey is about 50 requests; with going back, changes and reloads, at most 100 in any window. */
    private static final int REQUESTS_PER_RESPONDENT_IN_A_WINDOW = 100;
    /** How long a flood from one address may run before it is blocked. */
    private static final int SECONDS_TO_BLOCK_A_FLOOD = 60;

    private record RouteThrottle(String route, int rate, int burst) {
    }

    private static List<RouteThrottle> routeThrottles() {
        List<RouteThrottle> throttles = new ArrayList<>();
        TEMPLATE.path("Resources").forEach(resource -> resource.path("Properties").path("Events").forEach(event -> {
            if (event.path("Type").asText().equals("HttpApi")) {
                JsonNode properties = event.path("Properties");
                JsonNode settings = properties.path("RouteSettings");
                throttles.add(new RouteThrottle(properties.path("Method").asText() + " " + properties.path("Path")
                        .asText(), settings.path("ThrottlingRateLimit").asInt(), settings.path("ThrottlingBurstLimit")
                        .asInt()));
            }
        }));
        return throttles;
    }

    private static RouteThrottle throttle(String route) {
        return routeThrottles().stream().filter(t -> t.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError("no route " + route));
    }

    private static JsonNode wafResource(String logicalId, String type) {
        JsonNode resource = WAF.path("Resources").path(logicalId);
        assertEquals(type, resource.path("Type").asText(), logicalId);
        return resource.path("Properties");
    }

    private static JsonNode rule(String name) {
        for (JsonNode rule : wafResource("WebAcl", "AWS::WAFv2::WebACL").path("Rules")) {
            if (rule.path("Name").asText().equals(name)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + name);
    }

    /**
     * The respondents' routes. The administrator's (AWS_IAM, under /v1/admin/, used by a handful of people) take the
     * API's default route settings.
     */
    private static List<RouteThrottle> respondentThrottles() {
        return routeThrottles().stream().filter(throttle -> !throttle.route().contains(" /v1/admin/")).toList();
    }

    @Test
    void everyRespondentRouteHasThrottlesOfItsOwn() {
        List<RouteThrottle> throttles = respondentThrottles();
        assertEquals(SECONDS_BETWEEN_CALLS.keySet(), Set.copyOf(throttles.stream().map(RouteThrottle::route).toList()));
        for (RouteThrottle throttle : throttles) {
            assertTrue(throttle.rate() > 0, throttle.toString());
            assertTrue(throttle.burst() >= throttle.rate(), throttle.toString());
        }
    }

    @Test
    void everyRouteCarriesTheBusiestMinutesOfARealSurvey() {
        assertTrue(ORGANISATIONS > 300, "the register has " + ORGANISATIONS + " organisations");
        for (RouteThrottle throttle : respondentThrottles()) {
            double peak = (double) ANSWERING_AT_ONCE / SECONDS_BETWEEN_CALLS.get(throttle.route());
            assertTrue(throttle.rate() >= peak, throttle + " is below the peak of " + peak + " a second");
        }
        assertTrue(throttle(SAVE_ROUTE).burst() >= ANSWERING_AT_ONCE,
                "everyone answering at once may save in the same second");
    }

    @Test
    void routeAddedWithoutThrottlesGetsNoMoreThanAnyRouteHas() {
        JsonNode defaults = TEMPLATE.path("Resources").path("BarometerApi").path("Properties")
                .path("DefaultRouteSettings");
        for (RouteThrottle throttle : respondentThrottles()) {
            assertTrue(defaults.path("ThrottlingRateLimit").asInt() <= throttle.rate(), throttle.toString());
            assertTrue(defaults.path("ThrottlingBurstLimit").asInt() <= throttle.burst(), throttle.toString());
        }
    }

    @Test
    void distributionIsGuardedByTheWebAclWhenOneIsGiven() {
        JsonNode parameter = TEMPLATE.path("Parameters").path("WebAclArn");
        assertEquals("", parameter.path("Default").asText("absent"));
        JsonNode condition = TEMPLATE.path("Conditions").path("HasWebAcl").path("Fn::Not").path(0).path("Fn::Equals");
        assertEquals("WebAclArn", condition.path(0).path("Ref").asText());
        assertEquals("", condition.path(1).asText("absent"));

        JsonNode webAcl = TEMPLATE.path("Resources").path("WebDistribution").path("Properties")
                .path("DistributionConfig").path("WebACLId").path("Fn::If");
        assertEquals("HasWebAcl", webAcl.path(0).asText());
        assertEquals("WebAclArn", webAcl.path(1).path("Ref").asText());
        assertEquals("AWS::NoValue", webAcl.path(2).path("Ref").asText());
    }

    @Test
    void webAclParameterTakesOnlyAWebAclForCloudFront() {
        Pattern allowed = Pattern.compile(TEMPLATE.path("Parameters").path("WebAclArn").path("AllowedPattern")
                .asText());
        String id = "a1b2c3d4-5678-90ab-cdef-0123456789ab";
        assertTrue(allowed.matcher("").matches());
        assertTrue(allowed.matcher("arn:aws:wafv2:us-east-1:123456789012:global/webacl/barometer-prod/" + id)
                .matches());
        assertFalse(allowed.matcher("arn:aws:wafv2:eu-north-1:123456789012:regional/webacl/barometer-prod/" + id)
                .matches());
        assertFalse(allowed.matcher("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/barometer-prod/" + id)
                .matches());
        assertFalse(allowed.matcher("barometer-prod").matches());
    }

    @Test
    void webAclIsForCloudFrontAndCanOnlyBeDeployedInUsEast1() {
        assertEquals("CLOUDFRONT", wafResource("WebAcl", "AWS::WAFv2::WebACL").path("Scope").asText());
        JsonNode assertion = WAF.path("Rules").path("CloudFrontWebAclsLiveInUsEast1").path("Assertions").path(0)
                .path("Assert").path("Fn::Equals");
        assertEquals("AWS::Region", assertion.path(0).path("Ref").asText());
        assertEquals("us-east-1", assertion.path(1).asText());
        assertEquals(List.of("WebAcl", "Arn"), List.of(WAF.at("/Outputs/WebAclArn/Value/Fn::GetAtt/0").asText(),
                WAF.at("/Outputs/WebAclArn/Value/Fn::GetAtt/1").asText()));
    }

    @Test
    void oneAddressIsBlockedLongBeforeItCouldUseUpTheSaveRoute() {
        JsonNode rule = rule("RequestsPerAddress");
        JsonNode rate = rule.path("Statement").path("RateBasedStatement");
        assertEquals("IP", rate.path("AggregateKeyType").asText());
        assertEquals("RequestsPerAddress", rate.path("Limit").path("Ref").asText());
        int limit = WAF.path("Parameters").path("RequestsPerAddress").path("Default").asInt();
        int windowSeconds = rate.path("EvaluationWindowSec").asInt();
        assertEquals(300, windowSeconds, "the window the respondents' requests are counted over");

        assertTrue(limit >= ORGANISATIONS_BEHIND_ONE_ADDRESS * REQUESTS_PER_RESPONDENT_IN_A_WINDOW,
                "organisations sharing an address can all answer at once");
        double secondsToLimit = (double) limit / throttle(SAVE_ROUTE).rate();
        assertTrue(secondsToLimit <= SECONDS_TO_BLOCK_A_FLOOD,
                "a flood at the save route's throttle is blocked after " + secondsToLimit + " s");

        JsonNode response = rule.path("Action").path("Block").path("CustomResponse");
        assertEquals(429, response.path("ResponseCode").asInt(), "the web app retries a 429 with nothing lost");
        String body = response.path("CustomResponseBodyKey").asText();
        assertTrue(wafResource("WebAcl", "AWS::WAFv2::WebACL").path("CustomResponseBodies").has(body), body);
    }

    @Test
    void operatorCanBlockAddressesOfBothVersions() {
        for (String version : List.of("4", "6")) {
            JsonNode rule = rule("BlockedAddressesIpv" + version);
            assertTrue(rule.path("Action").has("Block"), rule.toString());
            String set = rule.path("Statement").path("IPSetReferenceStatement").path("Arn").path("Fn::GetAtt").path(0)
                    .asText();
            JsonNode ipSet = wafResource(set, "AWS::WAFv2::IPSet");
            assertEquals("IPV" + version, ipSet.path("IPAddressVersion").asText());
            assertEquals("CLOUDFRONT", ipSet.path("Scope").asText());
            assertEquals("BlockedIpv" + version + "Addresses", ipSet.path("Addresses").path("Fn::If").path(1)
                    .path("Ref").asText());
            assertTrue(rule.path("Priority").asInt() < rule("RequestsPerAddress").path("Priority").asInt());
        }
    }

    @Test
    void respondentsTokensReachNeitherTheWafLogNorItsSamples() {
        List<JsonNode> visibility = new ArrayList<>();
        JsonNode webAcl = wafResource("WebAcl", "AWS::WAFv2::WebACL");
        visibility.add(webAcl.path("VisibilityConfig"));
        webAcl.path("Rules").forEach(rule -> visibility.add(rule.path("VisibilityConfig")));
        for (JsonNode config : visibility) {
            assertTrue(config.path("CloudWatchMetricsEnabled").asBoolean(), config.toString());
            assertFalse(config.path("SampledRequestsEnabled").asBoolean(true), config.toString());
        }

        JsonNode logging = wafResource("WebAclLogging", "AWS::WAFv2::LoggingConfiguration");
        List<String> redacted = new ArrayList<>();
        logging.path("RedactedFields").forEach(field -> redacted.add(field.path("SingleHeader").path("Name").asText()));
        assertTrue(redacted.contains("authorization"), redacted.toString());
    }
}
