package no.ks.barometer.rules;

/**
 * Text rules shared by the codec, the engine and the HTTP adapter's strict JSON reader; the web app's engine
 * applies the same definitions.
 */
public final class Texts {
    private Texts() {
    }

    /** Empty or only spaces, tabs and line breaks: counts as no text. */
    static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Control characters other than tab and line breaks (U+0000–U+001F except U+0009, U+000A, U+000D, and
     * U+007F–U+009F), and surrogates that do not form a pair, which no valid UTF-8 can hold.
     */
    static boolean hasInvalidCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return true;
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                return true;
            }
        }
        return hasUnpairedSurrogate(text);
    }

    /** A surrogate that does not form a pair: no valid UTF-8 can hold it, so it can be neither stored nor shown. */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
