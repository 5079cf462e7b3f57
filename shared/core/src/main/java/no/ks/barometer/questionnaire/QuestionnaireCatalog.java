package no.ks.barometer.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every published questionnaire version, read from the classpath: {@code <root>/index.json} lists each
 * questionnaire's versions and its current one, and {@code <root>/<id>/v<version>.json} holds each definition.
 * Every definition is read and linted when the catalog loads, so a broken one stops the program from starting.
 */
public final class QuestionnaireCatalog {
    public static final String ROOT = "questionnaires";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Map<Integer, PublishedQuestionnaire>> versions;
    private final Map<String, PublishedQuestionnaire> current;
    private final List<PublishedQuestionnaire> all;

    private QuestionnaireCatalog(Map<String, Map<Integer, PublishedQuestionnaire>> versions,
                                 Map<String, PublishedQuestionnaire> current, List<PublishedQuestionnaire> all) {
        this.versions = versions;
        this.current = current;
        this.all = List.copyOf(all);
    }

    private static final class Holder {
        static final QuestionnaireCatalog CATALOG = load(ROOT);
    }

    /** The catalog of {@value #ROOT}, loaded once per process. */
    public static QuestionnaireCatalog fromClasspath() {
        return Holder.CATALOG;
    }

    /** Loads the catalog under another classpath folder, as tests do with their own definitions. */
    public static QuestionnaireCatalog load(String root) {
        String indexName = root + "/index.json";
        JsonNode index = json(indexName, resource(indexName));
        JsonNode entries = index.get("questionnaires");
        if (entries == null || !entries.isArray()) {
            throw new InvalidQuestionnaireException(indexName, List.of("$.questionnaires: must be an array"));
        }
        Map<String, Map<Integer, PublishedQuestionnaire>> versions = new HashMap<>();
        Map<String, PublishedQuestionnaire> current = new HashMap<>();
        List<PublishedQuestionnaire> all = new ArrayList<>();
        for (JsonNode entry : entries) {
            String id = entry.path("id").asText("");
            JsonNode versionNumbers = entry.get("versions");
            if (id.isEmpty() || versionNumbers == null || !versionNumbers.isArray() || versionNumbers.isEmpty()
                    || !entry.path("current").isInt()) {
                throw new InvalidQuestionnaireException(indexName,
                        List.of("every entry needs an id, a non-empty versions array and current"));
            }
            Map<Integer, PublishedQuestionnaire> byVersion = new HashMap<>();
            for (JsonNode versionNumber : versionNumbers) {
                int version = versionNumber.asInt();
                PublishedQuestionnaire published = publish(root, id, version);
                byVersion.put(version, published);
                all.add(published);
            }
            PublishedQuestionnaire currentVersion = byVersion.get(entry.get("current").intValue());
            if (currentVersion == null) {
                throw new InvalidQuestionnaireException(indexName,
                        List.of(id + ": current version " + entry.get("current") + " is not among its versions"));
            }
            versions.put(id, Map.copyOf(byVersion));
            current.put(id, currentVersion);
        }
        return new QuestionnaireCatalog(Map.copyOf(versions), Map.copyOf(current), all);
    }

    public Optional<PublishedQuestionnaire> get(String id, int version) {
        Map<Integer, PublishedQuestionnaire> byVersion = versions.get(id);
        return byVersion == null ? Optional.empty() : Optional.ofNullable(byVersion.get(version));
    }

    /** The version new responses start on. */
    public Optional<PublishedQuestionnaire> current(String id) {
        return Optional.ofNullable(current.get(id));
    }

    /** Every version of every questionnaire, in the order of the index. */
    public List<PublishedQuestionnaire> all() {
        return all;
    }

    private static PublishedQuestionnaire publish(String root, String id, int version) {
        String name = root + "/" + id + "/v" + version + ".json";
        byte[] bytes = resource(name);
        Questionnaire questionnaire = QuestionnaireReader.read(name, bytes);
        List<String> problems = new ArrayList<>();
        if (!questionnaire.id().equals(id) || questionnaire.version() != version) {
            problems.add("the file declares " + questionnaire.id() + " version " + questionnaire.version()
                    + ", but the index places it as " + id + " version " + version);
        }
        QuestionnaireLinter.lint(questionnaire).forEach(problem -> problems.add(problem.toString()));
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(name, problems);
        }
        return new PublishedQuestionnaire(questionnaire, bytes, etag(bytes));
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static JsonNode json(String name, byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidQuestionnaireException(name, List.of("not JSON: " + e.getMessage()));
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = QuestionnaireCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new InvalidQuestionnaireException(name, List.of("no such resource on the classpath"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
