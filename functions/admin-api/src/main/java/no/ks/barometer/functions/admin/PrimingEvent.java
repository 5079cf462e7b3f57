package no.ks.barometer.functions.admin;

/** The request SnapStart priming sends through the container. */
final class PrimingEvent {

    private PrimingEvent() {
    }

    /** {@code GET /v1/admin/surveys/snapstart-priming} as an administrator signed it. */
    static String surveyLookup() {
        return """
                {"version": "2.0", "routeKey": "GET /v1/admin/surveys/{surveyId}",
                 "rawPath": "/v1/admin/surveys/snapstart-priming", "rawQueryString": "",
                 "headers": {"accept": "application/json", "host": "localhost"},
                 "pathParameters": {"surveyId": "snapstart-priming"},
                 "requestContext": {"accountId": "000000000000", "apiId": "priming", "stage": "$default",
                   "requestId": "snapstart-priming", "routeKey": "GET /v1/admin/surveys/{surveyId}",
                   "http": {"method": "GET", "path": "/v1/admin/surveys/snapstart-priming",
                            "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "priming"},
                   "authorizer": {"iam": {"accountId": "000000000000", "callerId": "SNAPSTART",
                                          "userArn": "arn:aws:iam::000000000000:user/snapstart-priming",
                                          "userId": "SNAPSTART"}},
                   "timeEpoch": 0},
                 "isBase64Encoded": false}""";
    }
}
