package no.ks.barometer.functions.admin;

import no.ks.barometer.admin.Administration;
import no.ks.barometer.snapshot.SnapshotService;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.time.Clock;

/**
 * The administrator's API as one JAX-RS application. Resources are registered as instances with their use cases,
 * so nothing is scanned or injected by type; without a JSON provider module the bodies are written with the same
 * Jackson trees as the respondent API.
 */
final class AdminApplication extends ResourceConfig {

    AdminApplication(Administration administration, SnapshotService snapshots, Clock clock) {
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
        register(new ReportsResource(administration.progress(), administration.export(), administration.audit()));
        register(new SnapshotsResource(snapshots));
    }
}
