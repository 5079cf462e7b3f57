package no.ks.barometer.local.template;

import no.ks.barometer.store.BarometerTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table template.yaml deploys is the table BarometerTable creates for tests and the local stack. */
class TemplateTableTest {

    private static final TableResource TEMPLATE_TABLE = Project.TEMPLATE.table();
    private static final CreateTableRequest CODE_TABLE = BarometerTable.createTableRequest("any");

    private static List<TableResource.KeyElement> keys(List<KeySchemaElement> elements) {
        return elements.stream()
                .map(e -> new TableResource.KeyElement(e.attributeName(), e.keyTypeAsString()))
                .toList();
    }

    @Test
    void keySchemaAgrees() {
        assertEquals(keys(CODE_TABLE.keySchema()), TEMPLATE_TABLE.keySchema());
    }

    @Test
    void attributeDefinitionsAgree() {
        List<TableResource.Attribute> code = CODE_TABLE.attributeDefinitions().stream()
                .map((AttributeDefinition a) -> new TableResource.Attribute(a.attributeName(), a.attributeTypeAsString()))
                .toList();
        assertEquals(code, TEMPLATE_TABLE.attributeDefinitions());
    }

    @Test
    void globalSecondaryIndexesAgree() {
        List<TableResource.SecondaryIndex> code = CODE_TABLE.globalSecondaryIndexes().stream()
                .map((GlobalSecondaryIndex i) -> new TableResource.SecondaryIndex(i.indexName(), keys(i.keySchema()),
                        i.projection().projectionTypeAsString()))
                .toList();
        assertEquals(code, TEMPLATE_TABLE.globalSecondaryIndexes());
    }

    @Test
    void billingIsOnDemandInBoth() {
        assertEquals(BillingMode.PAY_PER_REQUEST, CODE_TABLE.billingMode());
        assertEquals(BillingMode.PAY_PER_REQUEST.toString(), TEMPLATE_TABLE.billingMode());
    }

    @Test
    void timeToLiveUsesTheAttributeTheCodeWrites() {
        assertEquals(Optional.of(BarometerTable.TTL_ATTRIBUTE), TEMPLATE_TABLE.timeToLiveAttribute());
    }

    @Test
    void deployedTableIsProtected() {
        assertTrue(TEMPLATE_TABLE.pointInTimeRecovery(), "point-in-time recovery");
        assertTrue(TEMPLATE_TABLE.encrypted(), "encryption at rest");
        assertTrue(TEMPLATE_TABLE.deletionProtection(), "deletion protection");
        assertEquals("Retain", TEMPLATE_TABLE.deletionPolicy());
        assertEquals("Retain", TEMPLATE_TABLE.updateReplacePolicy());
    }
}
