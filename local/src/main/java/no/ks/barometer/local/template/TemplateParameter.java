package no.ks.barometer.local.template;

import java.util.Optional;

/** A template parameter; outside a deployment its default is its value. */
public record TemplateParameter(String name, Optional<String> defaultValue) {
}
