package no.ks.barometer.local.template;

/**
 * An {@code AWS::Serverless::HttpApi}.
 *
 * @param defaultAuth what a route without its own {@code Auth} gets
 */
public record HttpApiResource(String logicalId, RouteAuth defaultAuth) {
}
