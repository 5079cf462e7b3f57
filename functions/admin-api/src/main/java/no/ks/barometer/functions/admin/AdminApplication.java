package no.ks.barometer.functions.admin;

import no.ks.barometer.admin.Administration;
import no.ks.barometer.admin.MailingAdmin;
import no.ks.barometer.snapshot.SnapshotService;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The administrator's API as one JAX-RS application. Resources are registered as instances with their use cases,
 * so nothing is scanned or injected by type; without a JSON provider module the bodies are written with the same
 * Jackson trees as the respondent API.
 */
final class AdminApplication extends ResourceConfig {

    /**
     * Jersey warns, for every resource registered as an instance, that it "does not implement any provider
     * interfaces" and will be ignored as a provider; it is then served as the resource it is (Jersey issue 3700).
     * Those four false warnings would open every cold start's log (and format eight lines through java.util.logging
     * while the administrator waits). This logger only judges how registered components serve as providers; the
     * filter and mapper here are proved by the tests that send every route through the container. Held in a field,
     * as java.util.logging keeps only weak references to its loggers.
     */
    private static final Logger PROVIDER_CHECK = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        PROVIDER_CHECK.setLevel(Level.SEVERE);
    }

    AdminApplication(Administration administration, MailingAdmin mailings, SnapshotService snapshots, Clock clock) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        // The resources read byte[] and write String and byte[]; the XML, image and DataSource providers would only
        // add classes to load at a cold start.
        property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL");
        register(new CallerFilter());
        register(new Failures());
        register(new SurveysResource(administration.surveys(), clock));
        register(new RegisterResource(administration.register()));
        register(new InvitationsResource(administration.invitations(), clock));
        register(new MailingsResource(mailings));
        register(new ReportsResource(administration.progress(), administration.export(), administration.audit()));
        register(new SnapshotsResource(snapshots));
    }
}
