package no.ks.barometer.local.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every function in template.yaml can run: its handler class exists with the input and output types its events
 * deliver, and its CodeUri is a built, lean jar of a module of this build that contains that handler.
 */
class TemplateFunctionsTest {

    /** The Lambda input and output types each kind of event delivers; a handler must accept one of the inputs. */
    private record EventContract(Set<Class<?>> inputs, Class<?> output) {
    }

    private static final Map<Class<? extends FunctionEvent>, EventContract> CONTRACTS = Map.of(
            FunctionEvent.HttpApiEvent.class,
            new EventContract(Set.of(APIGatewayV2HTTPEvent.class), APIGatewayV2HTTPResponse.class),
            FunctionEvent.ScheduleEvent.class,
            new EventContract(Set.of(ScheduledEvent.class, Map.class), Object.class));

    private static final List<String> FORBIDDEN_IN_FUNCTION_JARS =
            List.of("io/netty/", "org/apache/http/", "org/junit/", "software/amazon/dynamodb/");

    private static final Pattern CODE_URI = Pattern.compile("(functions/[a-z0-9-]+)/target/function\\.jar");

    @Test
    void templateDeclaresFunctions() {
        assertFalse(Project.TEMPLATE.functions().isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> handlerAcceptsTheEventsOfItsFunction() {
        return Project.TEMPLATE.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(),
                () -> {
                    Class<?> handler = Class.forName(function.handler().className());
                    if (RequestStreamHandler.class.isAssignableFrom(handler)) {
                        // A stream handler reads every kind of event from its JSON.
                        handler.getMethod(function.handler().method(), InputStream.class, OutputStream.class,
                                Context.class);
                        return;
                    }
                    assertTrue(RequestHandler.class.isAssignableFrom(handler),
                            handler + " implements neither RequestHandler nor RequestStreamHandler");
                    Type[] types = requestHandlerTypes(handler);
                    assertNotNull(types, handler + " does not bind RequestHandler's type arguments");
                    for (FunctionEvent event : function.events()) {
                        if (event instanceof FunctionEvent.UnservedEvent) {
                            continue;
                        }
                        EventContract contract = CONTRACTS.get(event.getClass());
                        assertNotNull(contract, "No contract for " + event.getClass().getSimpleName());
                        assertTrue(contract.inputs().contains(raw(types[0])),
                                handler + " takes " + types[0] + ", " + event.name() + " delivers " + contract.inputs());
                        assertTrue(raw(types[1]) instanceof Class<?> output && contract.output().isAssignableFrom(output),
                                handler + " returns " + types[1] + ", " + event.name() + " needs "
                                        + contract.output());
                    }
                    Method method = handler.getMethod(function.handler().method(), (Class<?>) raw(types[0]),
                            Context.class);
                    assertEquals(raw(types[1]), raw(method.getGenericReturnType()));
                }));
    }

    /** A generic type argument ({@code Map<String, Object>}) as the class Lambda reads the event into. */
    private static Type raw(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
    }

    @TestFactory
    Stream<DynamicTest> codeUriIsTheBuiltJarOfAModuleWithTheHandler() throws Exception {
        List<String> modules = parentModules();
        return Project.TEMPLATE.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(),
                () -> {
                    Matcher matcher = CODE_URI.matcher(function.codeUri());
                    assertTrue(matcher.matches(), function.codeUri() + " is not functions/<module>/target/function.jar");
                    assertTrue(modules.contains(matcher.group(1)), matcher.group(1) + " is not a module of the build");
                    Path jar = Project.ROOT.resolve(function.codeUri());
                    assertTrue(Files.isRegularFile(jar), jar + " does not exist: build the function modules first");
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        String handlerEntry = function.handler().className().replace('.', '/') + ".class";
                        assertNotNull(zip.getEntry(handlerEntry), jar + " lacks " + handlerEntry);
                        List<String> forbidden = zip.stream().map(ZipEntry::getName)
                                .filter(name -> FORBIDDEN_IN_FUNCTION_JARS.stream().anyMatch(name::startsWith))
                                .limit(5)
                                .toList();
                        assertEquals(List.of(), forbidden, jar + " carries code a Lambda function must not ship");
                    }
                }));
    }

    /**
     * The actual types bound to RequestHandler's I and O anywhere up the hierarchy, or null when the class leaves
     * them open.
     */
    static Type[] requestHandlerTypes(Type type) {
        return find(type, Map.of());
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v ? outer.getOrDefault(v, v) : argument);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == RequestHandler.class) {
            TypeVariable<?>[] variables = RequestHandler.class.getTypeParameters();
            Type input = bindings.get(variables[0]);
            Type output = bindings.get(variables[1]);
            return input == null || input instanceof TypeVariable<?> || output instanceof TypeVariable<?>
                    ? null : new Type[] {erase(input), erase(output)};
        }
        List<Type> parents = new ArrayList<>();
        if (raw.getGenericSuperclass() != null) {
            parents.add(raw.getGenericSuperclass());
        }
        parents.addAll(List.of(raw.getGenericInterfaces()));
        for (Type parent : parents) {
            Type[] found = find(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Type erase(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
    }

    private static List<String> parentModules() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Project.ROOT.resolve("pom.xml").toFile());
        NodeList nodes = pom.getElementsByTagName("module");
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        if (modules.isEmpty()) {
            fail("The parent pom lists no modules");
        }
        return modules;
    }

    @Test
    void typeArgumentsAreFoundThroughAGenericBaseClass() {
        abstract class Base<I, O> implements RequestHandler<I, O> {
        }
        class Concrete extends Base<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
            @Override
            public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent input, Context context) {
                return new APIGatewayV2HTTPResponse();
            }
        }
        abstract class Open<I> implements RequestHandler<I, String> {
        }
        assertEquals(List.of(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class),
                List.of(requestHandlerTypes(Concrete.class)));
        assertNull(requestHandlerTypes(Open.class));
    }
}
