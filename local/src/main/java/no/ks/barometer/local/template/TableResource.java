package no.ks.barometer.local.template;

import java.util.List;
import java.util.Optional;

/** The template's {@code AWS::DynamoDB::Table}, the properties that decide its shape and safety. */
public record TableResource(
        String logicalId,
        TemplateValue tableName,
        String billingMode,
        List<KeyElement> keySchema,
        List<Attribute> attributeDefinitions,
        List<SecondaryIndex> globalSecondaryIndexes,
        Optional<String> timeToLiveAttribute,
        boolean pointInTimeRecovery,
        boolean encrypted,
        boolean deletionProtection,
        String deletionPolicy,
        String updateReplacePolicy) {

    public TableResource {
        keySchema = List.copyOf(keySchema);
        attributeDefinitions = List.copyOf(attributeDefinitions);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }

    /** @param keyType {@code HASH} or {@code RANGE} */
    public record KeyElement(String attributeName, String keyType) {
    }

    /** @param attributeType {@code S}, {@code N} or {@code B} */
    public record Attribute(String attributeName, String attributeType) {
    }

    public record SecondaryIndex(String indexName, List<KeyElement> keySchema, String projectionType) {
        public SecondaryIndex {
            keySchema = List.copyOf(keySchema);
        }
    }
}
