package no.ks.barometer.local.http;

import no.ks.barometer.local.template.FunctionEvent;
import no.ks.barometer.local.template.SamFunction;
import no.ks.barometer.local.template.SamTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The HTTP API's routes, every one read from the template's HttpApi events; there is no other route table. */
public final class Router {

    /** A route of the template and the function it invokes. */
    public record Route(SamFunction function, FunctionEvent.HttpApiEvent event, RoutePattern pattern) {
    }

    public sealed interface Lookup {
    }

    public record Found(Route route, Map<String, String> pathParameters) implements Lookup {
    }

    /** The path has routes, none for this method. */
    public record MethodNotAllowed(Set<String> allowed) implements Lookup {
    }

    public record NotFound() implements Lookup {
    }

    private final List<Route> routes;
    private final Set<String> apiPrefixes;

    private Router(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::pattern, RoutePattern::bySpecificity));
        this.routes = List.copyOf(sorted);
        Set<String> prefixes = new HashSet<>();
        routes.forEach(route -> route.pattern().firstLiteral().ifPresent(prefixes::add));
        this.apiPrefixes = Set.copyOf(prefixes);
    }

    public static Router from(SamTemplate template) {
        List<Route> routes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SamFunction function : template.functions()) {
            for (FunctionEvent.HttpApiEvent event : function.httpApiEvents()) {
                if (!keys.add(event.routeKey())) {
                    throw new IllegalStateException("Route " + event.routeKey() + " is declared twice");
                }
                routes.add(new Route(function, event, RoutePattern.parse(event.path())));
            }
        }
        return new Router(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The most specific route whose path matches {@code path} (decoded) and whose method is {@code method}. */
    public Lookup find(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.pattern().match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            String routeMethod = route.event().method();
            if (routeMethod.equals(method) || routeMethod.equals("ANY")) {
                return new Found(route, parameters.get());
            }
            allowed.add(routeMethod);
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
    }

    /** Whether the path lies where the API lives (the first segment of some route), so it is never a file. */
    public boolean isApiPath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return apiPrefixes.contains(slash < 0 ? trimmed : trimmed.substring(0, slash));
    }
}
