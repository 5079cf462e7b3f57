package no.ks.barometer.local.http;

/** Stand-ins for the AWS account and API ids that a deployed stack would have. */
final class LocalAccount {

    static final String ID = "000000000000";
    static final String API_ID = "local";

    private LocalAccount() {
    }
}
