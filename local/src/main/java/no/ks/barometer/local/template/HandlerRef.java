package no.ks.barometer.local.template;

/** A function's {@code Handler}: {@code fully.qualified.Class::method}. */
public record HandlerRef(String className, String method) {

    static HandlerRef parse(String handler) {
        int separator = handler.indexOf("::");
        if (separator <= 0 || separator + 2 >= handler.length()) {
            throw new TemplateException("Handler '" + handler + "' is not of the form package.Class::method");
        }
        return new HandlerRef(handler.substring(0, separator), handler.substring(separator + 2));
    }
}
