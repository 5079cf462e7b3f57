package no.ks.barometer.local.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the parser reads the parts of a SAM template the local stack runs. */
class SamTemplateTest {

    private static final String TABLE = """
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema:
                    - AttributeName: pk
                      KeyType: HASH
            """;

    private static SamTemplate parse(String resources) {
        return SamTemplate.parse("""
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                Globals:
                  Function:
                    Environment:
                      Variables:
                        TABLE_NAME:
                          Ref: Table
                        LOG_LEVEL: INFO
                Resources:
                """ + TABLE + resources);
    }

    private static final String ADMIN_API = """
              AdminApi:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    EnableIamAuthorizer: true
                    DefaultAuthorizer: AWS_IAM
              AdminFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/admin/target/function.jar
                  Handler: no.example.Admin::handleRequest
                  Environment:
                    Variables:
                      LOG_LEVEL: DEBUG
                      BASE:
                        Fn::Sub: https://${Stage}.example
                  Events:
                    List:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: AdminApi
                        Method: get
                        Path: /v1/admin/surveys
                    Health:
                      Type: HttpApi
                      Properties:
                        ApiId:
                          Ref: AdminApi
                        Method: GET
                        Path: /v1/admin/health
                        Auth:
                          Authorizer: NONE
            """;

    @Test
    void functionEnvironmentOverridesGlobalsAndKeepsIntrinsics() {
        SamFunction admin = parse(ADMIN_API).function("AdminFunction").orElseThrow();
        assertEquals(Map.of(
                "TABLE_NAME", new TemplateValue.Ref("Table"),
                "LOG_LEVEL", new TemplateValue.Literal("DEBUG"),
                "BASE", new TemplateValue.Sub("https://${Stage}.example")), admin.environment());
        assertEquals(new HandlerRef("no.example.Admin", "handleRequest"), admin.handler());
    }

    @Test
    void routesTakeTheApiDefaultAuthorizerUnlessTheyOverrideIt() {
        SamFunction admin = parse(ADMIN_API).function("AdminFunction").orElseThrow();
        assertEquals(List.of(
                new FunctionEvent.HttpApiEvent("List", "AdminApi", "GET", "/v1/admin/surveys", RouteAuth.IAM),
                new FunctionEvent.HttpApiEvent("Health", "AdminApi", "GET", "/v1/admin/health", RouteAuth.NONE)),
                admin.httpApiEvents());
    }

    @Test
    void eventWithoutApiIdBelongsToTheImplicitApi() {
        SamTemplate template = parse("""
                  Open:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/open/target/function.jar
                      Handler: no.example.Open::handleRequest
                      Events:
                        Ping:
                          Type: HttpApi
                          Properties:
                            Method: GET
                            Path: /v1/ping
                """);
        FunctionEvent.HttpApiEvent ping = template.function("Open").orElseThrow().httpApiEvents().getFirst();
        assertEquals(SamTemplate.IMPLICIT_HTTP_API, ping.apiId());
        assertEquals(RouteAuth.NONE, ping.auth());
    }

    @Test
    void scheduleEventsOfBothGenerationsAreRead() {
        SamTemplate template = parse("""
                  Snapshot:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/snapshot/target/function.jar
                      Handler: no.example.Snapshot::handleRequest
                      Events:
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hour)
                        Nightly:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: cron(0 2 * * ? *)
                            ScheduleExpressionTimezone: Europe/Oslo
                            Input: '{"kind":"nightly"}'
                            State: DISABLED
                """);
        assertEquals(List.of(
                new FunctionEvent.ScheduleEvent("Hourly", FunctionEvent.Scheduler.EVENTBRIDGE_RULE, "rate(1 hour)",
                        true, Optional.empty(), Optional.empty()),
                new FunctionEvent.ScheduleEvent("Nightly", FunctionEvent.Scheduler.EVENTBRIDGE_SCHEDULER,
                        "cron(0 2 * * ? *)", false, Optional.of("{\"kind\":\"nightly\"}"),
                        Optional.of("Europe/Oslo"))),
                template.function("Snapshot").orElseThrow().scheduleEvents());
    }

    @Test
    void eventKindTheLocalStackDoesNotServeIsKeptAsUnservedWithItsType() {
        SamTemplate template = parse("""
                  Consumer:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/consumer/target/function.jar
                      Handler: no.example.Consumer::handleRequest
                      Events:
                        Queue:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:eu-north-1:000000000000:q
                        Ping:
                          Type: HttpApi
                          Properties:
                            Method: GET
                            Path: /v1/ping
                """);
        SamFunction consumer = template.function("Consumer").orElseThrow();
        assertEquals(List.of(new FunctionEvent.UnservedEvent("Queue", "SQS")), consumer.unservedEvents());
        assertEquals(1, consumer.httpApiEvents().size());
    }

    @Test
    void routeOnAnApiThatDoesNotExistIsRefused() {
        assertThrows(TemplateException.class, () -> parse("""
                  Lost:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/lost/target/function.jar
                      Handler: no.example.Lost::handleRequest
                      Events:
                        Get:
                          Type: HttpApi
                          Properties:
                            ApiId:
                              Ref: NoSuchApi
                            Method: GET
                            Path: /v1/lost
                """));
    }

    @Test
    void handlerWithoutMethodIsRefused() {
        assertThrows(TemplateException.class, () -> parse("""
                  Bad:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/bad/target/function.jar
                      Handler: no.example.Bad
                """));
    }

    @Test
    void templateWithoutATableIsRefused() {
        assertThrows(TemplateException.class, () -> SamTemplate.parse("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                """));
    }

    @Test
    void shortFormIntrinsicIsReadAsItsLongForm() {
        SamFunction function = parse("""
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: x.jar
                      Handler: no.example.H::handleRequest
                      Environment:
                        Variables:
                          TABLE_NAME: !Ref Table
                          BASE: !Sub https://${Stage}.example
                """).function("Fn").orElseThrow();
        assertEquals(new TemplateValue.Ref("Table"), function.environment().get("TABLE_NAME"));
        assertEquals(new TemplateValue.Sub("https://${Stage}.example"), function.environment().get("BASE"));
    }

    @Test
    void projectTemplateDeclaresTheRespondentRoutes() {
        List<String> routeKeys = Project.TEMPLATE.functions().stream()
                .flatMap(f -> f.httpApiEvents().stream())
                .map(FunctionEvent.HttpApiEvent::routeKey)
                .toList();
        assertTrue(routeKeys.containsAll(List.of(
                "GET /v1/questionnaires/{id}",
                "GET /v1/response",
                "PUT /v1/response/pages/{pageId}",
                "POST /v1/response/submit")), routeKeys.toString());
    }
}
