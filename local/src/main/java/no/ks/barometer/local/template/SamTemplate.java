package no.ks.barometer.local.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack needs from template.yaml: the functions with their handlers, environment and events, the
 * HTTP APIs, the one table, and the parameters, conditions and mappings their values may refer to. The template is
 * the single source of truth for routes; nothing else declares them. Intrinsics may be written in either form
 * ({@code !Sub} or {@code Fn::Sub:}); {@link TemplateYaml} reads both into the long form.
 */
public record SamTemplate(
        List<TemplateParameter> parameters,
        Map<String, TemplateCondition> conditions,
        TemplateMappings mappings,
        List<SamFunction> functions,
        List<HttpApiResource> httpApis,
        TableResource table) {

    /** The API SAM creates for HttpApi events that name no {@code ApiId}. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** Lambda's defaults when neither the function nor Globals say. */
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_MEMORY_MB = 128;

    public SamTemplate {
        parameters = List.copyOf(parameters);
        conditions = Map.copyOf(conditions);
        functions = List.copyOf(functions);
        httpApis = List.copyOf(httpApis);
    }

    public static SamTemplate read(Path file) {
        return fromTree(readTree(file));
    }

    /** The template as a JSON tree, e.g. for validation against the SAM schema. */
    public static JsonNode readTree(Path file) {
        try {
            return tree(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return fromTree(tree(yaml, "the template"));
    }

    private static JsonNode tree(String yaml, String source) {
        return TemplateYaml.read(yaml, source);
    }

    public static SamTemplate fromTree(JsonNode root) {
        JsonNode resources = root.path("Resources");
        if (!resources.isObject()) {
            throw new TemplateException("The template has no Resources");
        }
        JsonNode functionGlobals = root.path("Globals").path("Function");
        List<HttpApiResource> httpApis = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::HttpApi")) {
                httpApis.add(httpApi(resource.getKey(), resource.getValue().path("Properties")));
            }
        }
        Map<String, RouteAuth> apiDefaults = new LinkedHashMap<>();
        apiDefaults.put(IMPLICIT_HTTP_API, RouteAuth.NONE);
        httpApis.forEach(api -> apiDefaults.put(api.logicalId(), api.defaultAuth()));
        List<SamFunction> functions = new ArrayList<>();
        List<TableResource> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            String logicalId = resource.getKey();
            JsonNode node = resource.getValue();
            switch (node.path("Type").asText()) {
                case "AWS::Serverless::Function" -> functions.add(function(logicalId, node.path("Properties"),
                        functionGlobals, apiDefaults));
                case "AWS::DynamoDB::Table" -> tables.add(table(logicalId, node));
                default -> {
                    // HTTP APIs are read above; resources without a local counterpart (roles, alarms, ...) do not
                    // change what runs here.
                }
            }
        }
        if (tables.size() != 1) {
            throw new TemplateException("The template must declare exactly one DynamoDB table (single-table design), "
                    + "found " + tables.size());
        }
        return new SamTemplate(parameters(root.path("Parameters")), conditions(root.path("Conditions")),
                TemplateMappings.read(root.path("Mappings")), functions, httpApis, tables.getFirst());
    }

    public Optional<SamFunction> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<TemplateParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static List<TemplateParameter> parameters(JsonNode node) {
        List<TemplateParameter> parameters = new ArrayList<>();
        for (Map.Entry<String, JsonNode> parameter : node.properties()) {
            JsonNode defaultValue = parameter.getValue().get("Default");
            parameters.add(new TemplateParameter(parameter.getKey(),
                    Optional.ofNullable(defaultValue).map(JsonNode::asText)));
        }
        return parameters;
    }

    private static Map<String, TemplateCondition> conditions(JsonNode node) {
        Map<String, TemplateCondition> conditions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> condition : node.properties()) {
            conditions.put(condition.getKey(), condition(condition.getValue(), "Condition " + condition.getKey()));
        }
        return conditions;
    }

    private static TemplateCondition condition(JsonNode node, String where) {
        if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> function = node.properties().iterator().next();
            JsonNode arguments = function.getValue();
            switch (function.getKey()) {
                case "Fn::Equals" -> {
                    List<JsonNode> pair = arguments(arguments, 2, where + " (Fn::Equals)");
                    return new TemplateCondition.Equals(value(pair.get(0), where), value(pair.get(1), where));
                }
                case "Fn::Not" -> {
                    return new TemplateCondition.Not(condition(arguments(arguments, 1, where + " (Fn::Not)").getFirst(),
                            where));
                }
                case "Fn::And", "Fn::Or" -> {
                    List<TemplateCondition> parts = new ArrayList<>();
                    for (JsonNode part : arguments) {
                        parts.add(condition(part, where));
                    }
                    if (!arguments.isArray() || parts.size() < 2) {
                        throw new TemplateException(where + ": " + function.getKey() + " takes a list of conditions");
                    }
                    return function.getKey().equals("Fn::And") ? new TemplateCondition.And(parts)
                            : new TemplateCondition.Or(parts);
                }
                case "Condition" -> {
                    return new TemplateCondition.Named(requiredText(arguments, where + " (Condition)"));
                }
                default -> {
                    // Falls through to the error below.
                }
            }
        }
        throw new TemplateException(where + " is not an Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition: " + node);
    }

    private static SamFunction function(String logicalId, JsonNode properties, JsonNode globals,
                                        Map<String, RouteAuth> apiDefaults) {
        String codeUri = requiredText(firstPresent(properties, globals, "CodeUri"), logicalId + ".CodeUri");
        String handler = requiredText(firstPresent(properties, globals, "Handler"), logicalId + ".Handler");
        Map<String, TemplateValue> environment = new LinkedHashMap<>();
        putVariables(environment, globals.path("Environment").path("Variables"), "Globals");
        putVariables(environment, properties.path("Environment").path("Variables"), logicalId);
        List<FunctionEvent> events = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : properties.path("Events").properties()) {
            events.add(event(logicalId, event.getKey(), event.getValue(), apiDefaults));
        }
        return new SamFunction(logicalId, codeUri, HandlerRef.parse(handler), environment,
                firstPresent(properties, globals, "Timeout").asInt(DEFAULT_TIMEOUT_SECONDS),
                firstPresent(properties, globals, "MemorySize").asInt(DEFAULT_MEMORY_MB),
                events);
    }

    private static JsonNode firstPresent(JsonNode properties, JsonNode globals, String name) {
        return properties.has(name) ? properties.get(name) : globals.path(name);
    }

    private static void putVariables(Map<String, TemplateValue> environment, JsonNode variables, String where) {
        for (Map.Entry<String, JsonNode> variable : variables.properties()) {
            environment.put(variable.getKey(), value(variable.getValue(), where + " variable " + variable.getKey()));
        }
    }

    private static FunctionEvent event(String function, String name, JsonNode event,
                                       Map<String, RouteAuth> apiDefaults) {
        String where = function + ".Events." + name;
        JsonNode properties = event.path("Properties");
        return switch (event.path("Type").asText()) {
            case "HttpApi" -> {
                String apiId = properties.has("ApiId") ? reference(properties.get("ApiId"), where + ".ApiId")
                        : IMPLICIT_HTTP_API;
                RouteAuth apiDefault = apiDefaults.get(apiId);
                if (apiDefault == null) {
                    throw new TemplateException(where + " refers to " + apiId + ", which is not an HttpApi");
                }
                JsonNode authorizer = properties.path("Auth").path("Authorizer");
                yield new FunctionEvent.HttpApiEvent(
                        name,
                        apiId,
                        requiredText(properties.path("Method"), where + ".Method").toUpperCase(Locale.ROOT),
                        requiredText(properties.path("Path"), where + ".Path"),
                        authorizer.isMissingNode() ? apiDefault : auth(requiredText(authorizer, where), where));
            }
            case "Schedule" -> new FunctionEvent.ScheduleEvent(
                    name,
                    FunctionEvent.Scheduler.EVENTBRIDGE_RULE,
                    requiredText(properties.path("Schedule"), where + ".Schedule"),
                    properties.path("Enabled").asBoolean(true)
                            && !"DISABLED".equals(properties.path("State").asText("ENABLED")),
                    optionalText(properties, "Input", where),
                    Optional.empty());
            case "ScheduleV2" -> new FunctionEvent.ScheduleEvent(
                    name,
                    FunctionEvent.Scheduler.EVENTBRIDGE_SCHEDULER,
                    requiredText(properties.path("ScheduleExpression"), where + ".ScheduleExpression"),
                    !"DISABLED".equals(properties.path("State").asText("ENABLED")),
                    optionalText(properties, "Input", where),
                    optionalText(properties, "ScheduleExpressionTimezone", where));
            default -> new FunctionEvent.UnservedEvent(name, requiredText(event.path("Type"), where + ".Type"));
        };
    }

    private static RouteAuth auth(String authorizer, String where) {
        return switch (authorizer) {
            case "AWS_IAM" -> RouteAuth.IAM;
            case "NONE" -> RouteAuth.NONE;
            default -> throw new TemplateException(where + " uses authorizer '" + authorizer
                    + "'; only AWS_IAM and NONE are supported");
        };
    }

    private static HttpApiResource httpApi(String logicalId, JsonNode properties) {
        JsonNode auth = properties.path("Auth");
        RouteAuth defaultAuth = auth.has("DefaultAuthorizer")
                ? auth(requiredText(auth.get("DefaultAuthorizer"), logicalId + ".Auth.DefaultAuthorizer"), logicalId)
                : RouteAuth.NONE;
        return new HttpApiResource(logicalId, defaultAuth);
    }

    private static TableResource table(String logicalId, JsonNode node) {
        JsonNode properties = node.path("Properties");
        List<TableResource.SecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
            indexes.add(new TableResource.SecondaryIndex(
                    requiredText(index.path("IndexName"), logicalId + " index name"),
                    keySchema(index.path("KeySchema")),
                    index.path("Projection").path("ProjectionType").asText("")));
        }
        List<TableResource.Attribute> attributes = new ArrayList<>();
        for (JsonNode attribute : properties.path("AttributeDefinitions")) {
            attributes.add(new TableResource.Attribute(attribute.path("AttributeName").asText(),
                    attribute.path("AttributeType").asText()));
        }
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        return new TableResource(
                logicalId,
                properties.has("TableName") ? value(properties.get("TableName"), logicalId + ".TableName") : null,
                properties.path("BillingMode").asText("PROVISIONED"),
                keySchema(properties.path("KeySchema")),
                attributes,
                indexes,
                ttl.path("Enabled").asBoolean(false) ? Optional.of(ttl.path("AttributeName").asText())
                        : Optional.empty(),
                properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(false),
                properties.path("SSESpecification").path("SSEEnabled").asBoolean(false),
                properties.path("DeletionProtectionEnabled").asBoolean(false),
                node.path("DeletionPolicy").asText("Delete"),
                node.path("UpdateReplacePolicy").asText("Delete"));
    }

    private static List<TableResource.KeyElement> keySchema(JsonNode node) {
        List<TableResource.KeyElement> keys = new ArrayList<>();
        for (JsonNode key : node) {
            keys.add(new TableResource.KeyElement(key.path("AttributeName").asText(), key.path("KeyType").asText()));
        }
        return keys;
    }

    private static String reference(JsonNode node, String where) {
        if (value(node, where) instanceof TemplateValue.Ref ref) {
            return ref.name();
        }
        throw new TemplateException(where + " must be a Ref to a resource");
    }

    static TemplateValue value(JsonNode node, String where) {
        if (node.isValueNode() && !node.isNull()) {
            return new TemplateValue.Literal(node.asText());
        }
        if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> intrinsic = node.properties().iterator().next();
            JsonNode argument = intrinsic.getValue();
            String function = where + " (" + intrinsic.getKey() + ")";
            switch (intrinsic.getKey()) {
                case "Ref" -> {
                    return new TemplateValue.Ref(requiredText(argument, where));
                }
                case "Fn::Sub" -> {
                    if (argument.isArray()) {
                        List<JsonNode> pair = arguments(argument, 2, function);
                        Map<String, TemplateValue> variables = new LinkedHashMap<>();
                        for (Map.Entry<String, JsonNode> variable : pair.get(1).properties()) {
                            variables.put(variable.getKey(), value(variable.getValue(), function));
                        }
                        return new TemplateValue.Sub(requiredText(pair.get(0), function), variables);
                    }
                    return new TemplateValue.Sub(requiredText(argument, function));
                }
                case "Fn::GetAtt" -> {
                    if (argument.isArray() && argument.size() == 2) {
                        return new TemplateValue.GetAtt(argument.get(0).asText(), argument.get(1).asText());
                    }
                    String[] parts = requiredText(argument, where).split("\\.", 2);
                    if (parts.length == 2) {
                        return new TemplateValue.GetAtt(parts[0], parts[1]);
                    }
                }
                case "Fn::Join" -> {
                    List<JsonNode> pair = arguments(argument, 2, function);
                    return new TemplateValue.Join(pair.get(0).asText(), values(pair.get(1), function));
                }
                case "Fn::Select" -> {
                    List<JsonNode> pair = arguments(argument, 2, function);
                    if (!pair.get(0).asText().matches("\\d+")) {
                        throw new TemplateException(function + " needs a whole number as index: " + pair.get(0));
                    }
                    return new TemplateValue.Select(Integer.parseInt(pair.get(0).asText()),
                            values(pair.get(1), function));
                }
                case "Fn::If" -> {
                    List<JsonNode> parts = arguments(argument, 3, function);
                    return new TemplateValue.If(requiredText(parts.get(0), function), value(parts.get(1), function),
                            value(parts.get(2), function));
                }
                case "Fn::FindInMap" -> {
                    List<JsonNode> keys = arguments(argument, 3, function);
                    return new TemplateValue.FindInMap(value(keys.get(0), function), value(keys.get(1), function),
                            value(keys.get(2), function));
                }
                default -> {
                    // Falls through to the error below.
                }
            }
        }
        throw new TemplateException(where + " is neither a literal nor an intrinsic function the local stack can"
                + " resolve (Ref, Fn::Sub, Fn::GetAtt, Fn::Join, Fn::Select, Fn::If, Fn::FindInMap): " + node);
    }

    private static Optional<String> optionalText(JsonNode properties, String name, String where) {
        return properties.has(name) ? Optional.of(requiredText(properties.get(name), where + "." + name))
                : Optional.empty();
    }

    /** The elements of an intrinsic function's argument list, which must have {@code count} of them. */
    private static List<JsonNode> arguments(JsonNode node, int count, String where) {
        if (!node.isArray() || node.size() != count) {
            throw new TemplateException(where + " takes a list of " + count + " arguments: " + node);
        }
        List<JsonNode> arguments = new ArrayList<>();
        node.forEach(arguments::add);
        return arguments;
    }

    private static List<TemplateValue> values(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new TemplateException(where + " must be a list: " + node);
        }
        List<TemplateValue> values = new ArrayList<>();
        node.forEach(element -> values.add(value(element, where)));
        return values;
    }

    private static String requiredText(JsonNode node, String where) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new TemplateException(where + " is missing or not a string");
        }
        return node.asText();
    }
}
