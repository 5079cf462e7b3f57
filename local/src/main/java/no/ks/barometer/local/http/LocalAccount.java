package no.ks.barometer.local.http;

/** Stand-ins for the AWS account and API ids that a deployed stack would have. */
public final class LocalAccount {

    public static final String ID = "000000000000";
    public static final String API_ID = "local";

    private LocalAccount() {
    }
}
