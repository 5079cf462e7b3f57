package no.ks.barometer.local.template;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP routes of template.yaml form one API without ambiguity. */
class TemplateRoutesTest {

    private static List<FunctionEvent.HttpApiEvent> routes() {
        return Project.TEMPLATE.functions().stream().flatMap(f -> f.httpApiEvents().stream()).toList();
    }

    @Test
    void templateDeclaresExactlyOneHttpApi() {
        assertEquals(1, Project.TEMPLATE.httpApis().size());
    }

    @Test
    void everyRouteBelongsToTheOneHttpApi() {
        String api = Project.TEMPLATE.httpApis().getFirst().logicalId();
        assertFalse(routes().isEmpty());
        for (FunctionEvent.HttpApiEvent route : routes()) {
            assertEquals(api, route.apiId(), route.name());
        }
    }

    @Test
    void routeKeysAreUnique() {
        Set<String> seen = new HashSet<>();
        for (FunctionEvent.HttpApiEvent route : routes()) {
            assertTrue(seen.add(route.routeKey()), "Route declared twice: " + route.routeKey());
        }
    }

    @Test
    void routesAreVersionedPathsWithKnownMethods() {
        for (FunctionEvent.HttpApiEvent route : routes()) {
            assertTrue(route.path().startsWith("/v1/"), route.routeKey());
            assertTrue(Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(route.method()), route.routeKey());
        }
    }
}
