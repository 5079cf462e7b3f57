package no.ks.barometer.functions.admin;

import java.util.Map;

/** The function's settings in its environment (template.yaml, or the local stack). */
final class Variables {

    private Variables() {
    }

    static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
