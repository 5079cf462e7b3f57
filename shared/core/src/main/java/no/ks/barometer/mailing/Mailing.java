package no.ks.barometer.mailing;

import no.ks.barometer.mail.MailKind;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One mailing of a survey: which mail, to whom. Started again under the same id, it resumes: nobody gets its mail
 * twice.
 *
 * @param chosen the organisation numbers it is limited to; empty for every organisation whose response is open
 */
public record Mailing(String id, MailKind kind, Set<String> chosen) {

    /** What a mailing id may be; it names files and schedules, so it keeps to these characters. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    public Mailing {
        Objects.requireNonNull(kind, "kind");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A mailing id is 1 to 64 letters, digits, '-' or '_', not " + id);
        }
        chosen = Set.copyOf(chosen);
    }

    /** Every organisation whose response still accepts answers. */
    public static Mailing toEveryOpen(String id, MailKind kind) {
        return new Mailing(id, kind, Set.of());
    }

    /** Only the organisations named, and of those only the ones whose response still accepts answers. */
    public static Mailing toChosen(String id, MailKind kind, Set<String> orgNumbers) {
        if (orgNumbers.isEmpty()) {
            throw new IllegalArgumentException("A mailing to chosen organisations needs at least one");
        }
        return new Mailing(id, kind, orgNumbers);
    }

    boolean includes(String orgNumber) {
        return chosen.isEmpty() || chosen.contains(orgNumber);
    }
}
