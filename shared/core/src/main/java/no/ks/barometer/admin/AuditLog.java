package no.ks.barometer.admin;

import java.util.List;
import java.util.Optional;

/** Where audit entries are kept; the DynamoDB implementation is {@code store.DynamoAuditLog}. */
public interface AuditLog {

    void record(List<AuditEntry> entries);

    /**
     * The survey's entries, newest first.
     *
     * @param before the cursor of the previous page ({@link ListPage#next()}), or empty for the newest
     */
    ListPage<AuditEntry> list(String surveyId, Optional<String> before, int limit);
}
