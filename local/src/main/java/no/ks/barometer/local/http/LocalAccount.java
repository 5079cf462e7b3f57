package no.ks.barometer.local.http;

/** Stand-ins for the AWS account, API ids and administrator's identity that a deployed stack would have. */
public final class LocalAccount {

    public static final String ID = "000000000000";
    public static final String API_ID = "local";
    /** The IAM principal a request with the admin token arrives as: what the admin API's audit trail records. */
    public static final String ADMIN = "local admin";

    private LocalAccount() {
    }
}
