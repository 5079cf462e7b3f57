package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SAM users write intrinsics in their short form ({@code !Sub}); the template reader turns each into its long form
 * ({@code Fn::Sub:}), so both forms of a template read, and resolve, the same.
 */
class ShortFormIntrinsicsTest {

    private static final String HEAD = """
            Parameters:
              Stage:
                Type: String
                Default: test
            Conditions:
            """;

    /** What both forms share between their conditions and their variables. */
    private static final String FUNCTION = """
            Mappings:
              Sizes:
                test:
                  Memory: "512"
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: x.jar
                  Handler: no.example.H::handleRequest
                  Environment:
                    Variables:
            """;

    private static final String SHORT = HEAD + """
              IsTest: !Equals [!Ref Stage, test]
              IsProd: !Not [!Condition IsTest]
              Both: !And [!Condition IsTest, !Equals [a, a]]
              Either: !Or [!Condition IsProd, !Equals [!Sub "${Stage}", test]]
            """ + FUNCTION + """
                      REF: !Ref Table
                      SUB: !Sub barometer-${Stage}-${AWS::Region}
                      SUB_VARIABLES: !Sub
                        - ${Name}-${Stage}
                        - Name: !Ref Table
                      IF: !If [IsTest, small, large]
                      IF_NESTED: !If [Either, !Join ["-", [a, !Ref Stage]], none]
                      IF_AND: !If [Both, ja, nei]
                      SELECT: !Select [1, [zero, !Ref Stage, two]]
                      JOIN: !Join [":", [!Ref Stage, !Select [0, [x, y]]]]
                      FIND: !FindInMap [Sizes, !Ref Stage, Memory]
                      GETATT: !GetAtt Table.StreamArn
                      GETATT_LIST: !GetAtt [Table, Arn]
            """;

    private static final String LONG = HEAD + """
              IsTest:
                Fn::Equals: [{Ref: Stage}, test]
              IsProd:
                Fn::Not: [{Condition: IsTest}]
              Both:
                Fn::And: [{Condition: IsTest}, {Fn::Equals: [a, a]}]
              Either:
                Fn::Or: [{Condition: IsProd}, {Fn::Equals: [{Fn::Sub: "${Stage}"}, test]}]
            """ + FUNCTION + """
                      REF:
                        Ref: Table
                      SUB:
                        Fn::Sub: barometer-${Stage}-${AWS::Region}
                      SUB_VARIABLES:
                        Fn::Sub:
                          - ${Name}-${Stage}
                          - Name:
                              Ref: Table
                      IF:
                        Fn::If: [IsTest, small, large]
                      IF_NESTED:
                        Fn::If: [Either, {Fn::Join: ["-", [a, {Ref: Stage}]]}, none]
                      IF_AND:
                        Fn::If: [Both, ja, nei]
                      SELECT:
                        Fn::Select: [1, [zero, {Ref: Stage}, two]]
                      JOIN:
                        Fn::Join: [":", [{Ref: Stage}, {Fn::Select: [0, [x, y]]}]]
                      FIND:
                        Fn::FindInMap: [Sizes, {Ref: Stage}, Memory]
                      GETATT:
                        Fn::GetAtt: [Table, StreamArn]
                      GETATT_LIST:
                        Fn::GetAtt: [Table, Arn]
            """;

    @Test
    void everyShortFormReadsAsItsLongForm() {
        JsonNode shortForm = TemplateYaml.read(SHORT, "short");
        JsonNode longForm = TemplateYaml.read(LONG, "long");
        assertEquals(longForm, shortForm);
    }

    @Test
    void shortAndLongFormResolveToTheSameValues() {
        Map<String, String> fromShort = resolvedEnvironment(SHORT);
        assertEquals(resolvedEnvironment(LONG), fromShort);
        assertEquals(Map.ofEntries(
                Map.entry("REF", "local-table"),
                Map.entry("SUB", "barometer-test-eu-north-1"),
                Map.entry("SUB_VARIABLES", "local-table-test"),
                Map.entry("IF", "small"),
                Map.entry("IF_NESTED", "a-test"),
                Map.entry("IF_AND", "ja"),
                Map.entry("SELECT", "test"),
                Map.entry("JOIN", "test:x"),
                Map.entry("FIND", "512")), fromShort);
    }

    @Test
    void getAttInShortFormSplitsAtTheFirstDot() {
        JsonNode tree = TemplateYaml.read("Value: !GetAtt Database.Endpoint.Address", "t");
        assertEquals(TemplateYaml.read("Value: {Fn::GetAtt: [Database, Endpoint.Address]}", "t"), tree);
    }

    @Test
    void yamlsOwnTagsKeepTheirMeaning() {
        assertEquals(TemplateYaml.read("Value: '123'", "t"), TemplateYaml.read("Value: !!str 123", "t"));
    }

    @Test
    void tagThatIsNoIntrinsicFunctionIsRefusedWithItsLine() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateYaml.read("A: 1\nB: !Reference Table\n", "template.yaml"));
        assertTrue(e.getMessage().contains("template.yaml line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("!Reference"), e.getMessage());
    }

    @Test
    void getAttWithoutAttributeIsRefused() {
        assertThrows(TemplateException.class, () -> TemplateYaml.read("A: !GetAtt Table", "t"));
    }

    /** Every variable but the GetAtts, which have no local value, resolved as the stack would. */
    private static Map<String, String> resolvedEnvironment(String yaml) {
        SamTemplate template = SamTemplate.parse(yaml);
        ValueResolver resolver = new ValueResolver(template, Map.of("Table", "local-table"), "eu-north-1");
        SamFunction function = template.function("Fn").orElseThrow();
        assertEquals(new TemplateValue.GetAtt("Table", "StreamArn"), function.environment().get("GETATT"));
        assertEquals(new TemplateValue.GetAtt("Table", "Arn"), function.environment().get("GETATT_LIST"));
        Map<String, String> resolved = new TreeMap<>();
        function.environment().forEach((name, value) -> {
            if (!(value instanceof TemplateValue.GetAtt)) {
                resolved.put(name, resolver.resolve(value));
            }
        });
        return resolved;
    }
}
