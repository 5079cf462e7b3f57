package no.ks.barometer.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** The key of every item type (docs/data-model.md). */
final class Keys {

    static final String SURVEY_PREFIX = "SURVEY#";
    static final String ORG_PREFIX = "ORG#";
    static final String TOKEN_PREFIX = "TOKEN#";
    static final String MAILING_PREFIX = "MAILING#";
    static final String MAIL_PREFIX = "MAIL#";
    static final String SES_MESSAGE_PREFIX = "SESMSG#";
    static final String AUDIT_PREFIX = "AUDIT#";
    static final String SNAPSHOT_PREFIX = "SNAPSHOT#";
    static final String SNAPSHOT_CHUNK_PREFIX = "SNAPSHOTCHUNK#";
    /** The gsi1 partition that lists every survey. */
    static final String SURVEYS_INDEX = "SURVEYS";

    private Keys() {
    }

    static AttributeValue surveyPartition(String surveyId) {
        return AttributeValue.fromS(SURVEY_PREFIX + surveyId);
    }

    static Map<String, AttributeValue> survey(String surveyId) {
        return key(surveyPartition(surveyId), "SURVEY");
    }

    static Map<String, AttributeValue> invitation(String surveyId, String orgNumber) {
        return key(surveyPartition(surveyId), ORG_PREFIX + orgNumber);
    }

    static Map<String, AttributeValue> mailing(String surveyId, String mailingId) {
        return key(surveyPartition(surveyId), MAILING_PREFIX + mailingId);
    }

    /** The sort key prefix of every mail of one mailing; the organisation number follows it. */
    static String mailsOf(String mailingId) {
        return MAIL_PREFIX + mailingId + "#";
    }

    static Map<String, AttributeValue> mail(String surveyId, String mailingId, String orgNumber) {
        return key(surveyPartition(surveyId), mailsOf(mailingId) + orgNumber);
    }

    /** {@code cursor} is the audit entry's sort key without its prefix: {@code <isoTimestamp>#<id>}. */
    static Map<String, AttributeValue> audit(String surveyId, String cursor) {
        return key(surveyPartition(surveyId), AUDIT_PREFIX + cursor);
    }

    /** The survey's pointers to its latest and its published snapshot. */
    static Map<String, AttributeValue> snapshots(String surveyId) {
        return key(surveyPartition(surveyId), "SNAPSHOTS");
    }

    static Map<String, AttributeValue> snapshot(String surveyId, String snapshotId) {
        return key(surveyPartition(surveyId), SNAPSHOT_PREFIX + snapshotId);
    }

    /** {@code part} is {@code json} or {@code state}; chunks are numbered from 0. */
    static Map<String, AttributeValue> snapshotChunk(String surveyId, String snapshotId, String part, int index) {
        return key(surveyPartition(surveyId), SNAPSHOT_CHUNK_PREFIX + snapshotId + "#" + part + "#"
                + String.format(java.util.Locale.ROOT, "%04d", index));
    }

    static Map<String, AttributeValue> token(String tokenHash) {
        return key(AttributeValue.fromS(TOKEN_PREFIX + tokenHash), "TOKEN");
    }

    private static Map<String, AttributeValue> key(AttributeValue partition, String sort) {
        return Map.of(BarometerTable.PARTITION_KEY, partition, BarometerTable.SORT_KEY, AttributeValue.fromS(sort));
    }
}
