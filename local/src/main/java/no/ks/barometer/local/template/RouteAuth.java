package no.ks.barometer.local.template;

/** Who may call an HTTP API route: anyone, or only a caller with IAM-signed requests. */
public enum RouteAuth {
    NONE,
    IAM
}
