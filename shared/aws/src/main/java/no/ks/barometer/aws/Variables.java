package no.ks.barometer.aws;

import java.util.Map;

/** A function's settings in its environment (template.yaml, or the local stack). */
public final class Variables {

    private Variables() {
    }

    /** The variable's value; a variable missing or blank stops the function's start, naming it. */
    public static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
