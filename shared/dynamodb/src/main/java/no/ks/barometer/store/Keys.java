package no.ks.barometer.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** The key of every item type (docs/data-model.md). */
final class Keys {

    static final String SURVEY_PREFIX = "SURVEY#";
    static final String ORG_PREFIX = "ORG#";
    static final String TOKEN_PREFIX = "TOKEN#";

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

    static Map<String, AttributeValue> token(String tokenHash) {
        return key(AttributeValue.fromS(TOKEN_PREFIX + tokenHash), "TOKEN");
    }

    private static Map<String, AttributeValue> key(AttributeValue partition, String sort) {
        return Map.of(BarometerTable.PARTITION_KEY, partition, BarometerTable.SORT_KEY, AttributeValue.fromS(sort));
    }
}
