package no.ks.barometer.local.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

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
 * HTTP APIs, and the one table. The template is the single source of truth for routes; nothing else declares
 * them. Intrinsics are read in their long form only ({@code Ref:}, {@code Fn::Sub:}, {@code Fn::GetAtt:}): a
 * plain YAML parser drops the short-form tags ({@code !Ref}) silently, which is why the template does not use
 * them, and why they are refused here.
 */
public record SamTemplate(
        List<TemplateParameter> parameters,
        List<SamFunction> functions,
        List<HttpApiResource> httpApis,
        TableResource table) {

    /** The API SAM creates for HttpApi events that name no {@code ApiId}. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** Lambda's defaults when neither the function nor Globals say. */
    static final int DEFAULT_TIMEOUT_SECONDS = 3;
    static final int DEFAULT_MEMORY_MB = 128;

    private static final YAMLMapper YAML = new YAMLMapper();
    /** YAML's own tags ({@code !!str}); any other tag is a CloudFormation short form. */
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

    public SamTemplate {
        parameters = List.copyOf(parameters);
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
        try {
            rejectShortFormIntrinsics(yaml, source);
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new TemplateException(source + " is not valid YAML", e);
        }
    }

    /** A short-form tag such as {@code !Ref} would be dropped by the tree reader and its value read as a literal. */
    private static void rejectShortFormIntrinsics(String yaml, String source) throws IOException {
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.getTypeId() instanceof String tag && !tag.startsWith(STANDARD_TAG_PREFIX)) {
                    throw new TemplateException(source + " line " + parser.currentLocation().getLineNr()
                            + " uses the short form !" + tag + "; write intrinsics in their long form (Ref:, Fn::Sub:,"
                            + " Fn::GetAtt:)");
                }
            }
        }
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
        return new SamTemplate(parameters(root.path("Parameters")), functions, httpApis, tables.getFirst());
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
                    requiredText(properties.path("Schedule"), where + ".Schedule"),
                    properties.path("Enabled").asBoolean(true));
            case "ScheduleV2" -> new FunctionEvent.ScheduleEvent(
                    name,
                    requiredText(properties.path("ScheduleExpression"), where + ".ScheduleExpression"),
                    !"DISABLED".equals(properties.path("State").asText("ENABLED")));
            default -> throw new TemplateException(where + " has type '" + event.path("Type").asText()
                    + "', which the local stack does not run");
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
            switch (intrinsic.getKey()) {
                case "Ref" -> {
                    return new TemplateValue.Ref(requiredText(argument, where));
                }
                case "Fn::Sub" -> {
                    return new TemplateValue.Sub(requiredText(argument, where + " (one-argument Fn::Sub)"));
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
                default -> {
                    // Falls through to the error below.
                }
            }
        }
        throw new TemplateException(where + " is neither a literal nor a Ref, Fn::Sub or Fn::GetAtt: " + node);
    }

    private static String requiredText(JsonNode node, String where) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new TemplateException(where + " is missing or not a string");
        }
        return node.asText();
    }
}
