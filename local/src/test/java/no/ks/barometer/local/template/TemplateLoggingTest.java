package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function logs to a log group the stack owns, with a retention period: a group Lambda creates by itself
 * keeps logs forever and cannot be adopted by the stack later without a manual step.
 */
class TemplateLoggingTest {

    @Test
    void everyFunctionLogsToItsOwnRetainedLogGroupWithRetention() {
        JsonNode resources = SamTemplate.readTree(Project.TEMPLATE_FILE).path("Resources");
        Set<String> groupsUsed = new HashSet<>();
        int functions = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            functions++;
            String group = resource.getValue().path("Properties").path("LoggingConfig").path("LogGroup")
                    .path("Ref").asText();
            assertFalse(group.isEmpty(), resource.getKey() + " has no LoggingConfig.LogGroup reference");
            assertTrue(groupsUsed.add(group), group + " is shared by two functions");
            JsonNode logGroup = resources.path(group);
            assertEquals("AWS::Logs::LogGroup", logGroup.path("Type").asText(), group);
            assertEquals("Retain", logGroup.path("DeletionPolicy").asText(), group);
            assertEquals("LogRetentionDays", logGroup.path("Properties").path("RetentionInDays").path("Ref").asText(),
                    group);
        }
        assertTrue(functions > 0);
    }
}
