package no.ks.barometer.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Norway's kommuner and fylkeskommuner as the organisations a survey invites, read from the register files on
 * the classpath ({@code register/}, credited in its README, which also explains each decision made here).
 */
public final class Register {

    /** Oslo is kommune and fylke at once; it is invited once, as kommune 0301. */
    static final String OSLO_COUNTY = "03";

    private static final String KOMMUNER = "register/kommuner-2024-derived.csv";
    private static final String FYLKER = "register/counties-2025.json";
    private static final String CSV_HEADER =
            "kommunenummer,kommunenavn,samisk_navn,fylkesnummer,fylke,innbyggere,areal_km2,maalform,adm_senter,url";

    private static final Register STANDARD = load();

    private final List<Organisation> kommuner;
    private final List<Organisation> fylkeskommuner;
    private final Map<String, String> fylker;

    private Register(List<Organisation> kommuner, List<Organisation> fylkeskommuner, Map<String, String> fylker) {
        this.kommuner = List.copyOf(kommuner);
        this.fylkeskommuner = List.copyOf(fylkeskommuner);
        this.fylker = Map.copyOf(fylker);
    }

    /** The register shipped with the code. */
    public static Register standard() {
        return STANDARD;
    }

    /** The kommuner, by kommunenummer. */
    public List<Organisation> kommuner() {
        return kommuner;
    }

    /** The fylkeskommuner (every fylke but Oslo), by fylkesnummer. */
    public List<Organisation> fylkeskommuner() {
        return fylkeskommuner;
    }

    /** Every organisation to invite: the kommuner, then the fylkeskommuner. */
    public List<Organisation> all() {
        return Stream.concat(kommuner.stream(), fylkeskommuner.stream()).toList();
    }

    /** The name of the fylke with this fylkesnummer, Oslo included. */
    public Optional<String> fylkeName(String fylkesnummer) {
        return Optional.ofNullable(fylker.get(fylkesnummer));
    }

    /** The organisation with this kommunenummer (four digits) or fylkesnummer (two digits). */
    public Optional<Organisation> byNumber(String number) {
        return all().stream().filter(o -> o.number().equals(number)).findFirst();
    }

    private record KommuneRow(String number, String name, String countyNumber, String countyName, int population,
                              Maalform maalform) {
    }

    private static Register load() {
        List<KommuneRow> rows = kommuneRows(readResource(KOMMUNER));
        Map<String, Long> nameCounts = rows.stream().collect(Collectors.groupingBy(KommuneRow::name,
                Collectors.counting()));
        List<Organisation> kommuner = rows.stream()
                .sorted(Comparator.comparing(KommuneRow::number))
                .map(row -> new Organisation(row.number(), row.name(), OrgType.KOMMUNE, row.countyNumber(),
                        row.countyName(), row.population(), row.maalform(),
                        List.of(email(nameCounts.get(row.name()) > 1 ? row.name() + " " + row.countyName() : row.name(),
                                OrgType.KOMMUNE))))
                .toList();
        Map<String, List<KommuneRow>> byCounty = rows.stream()
                .collect(Collectors.groupingBy(KommuneRow::countyNumber));
        List<Organisation> fylkeskommuner = new ArrayList<>();
        Map<String, String> fylker = new LinkedHashMap<>();
        for (JsonNode county : counties(readResource(FYLKER))) {
            String number = county.path("id").asText();
            String name = county.path("name").asText();
            fylker.put(number, name);
            if (number.equals(OSLO_COUNTY)) {
                continue;
            }
            List<KommuneRow> members = byCounty.get(number);
            if (members == null) {
                throw new IllegalStateException("Fylke " + number + " " + name + " has no kommuner in " + KOMMUNER);
            }
            fylkeskommuner.add(new Organisation(number, name + " fylkeskommune", OrgType.FYLKESKOMMUNE, number, name,
                    members.stream().mapToInt(KommuneRow::population).sum(), majorityMaalform(members),
                    List.of(email(name, OrgType.FYLKESKOMMUNE))));
        }
        fylkeskommuner.sort(Comparator.comparing(Organisation::number));
        return new Register(kommuner, fylkeskommuner, fylker);
    }

    /** The målform more than half of the kommuner hold, else Nøytral: a fylkeskommune serves all of them. */
    private static Maalform majorityMaalform(List<KommuneRow> members) {
        Map<Maalform, Long> counts = members.stream()
                .collect(Collectors.groupingBy(KommuneRow::maalform, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() * 2 > members.size())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(Maalform.NOEYTRAL);
    }

    /** A demo address under an RFC 2606 example domain; real addresses never live in the code. */
    static String email(String name, OrgType type) {
        return "postmottak@" + slug(name) + "." + type.code() + ".example";
    }

    static String slug(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("å", "a");
        String ascii = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.trim().replaceAll("\\s+", "-").replaceAll("[^a-z0-9-]", "");
    }

    private static List<KommuneRow> kommuneRows(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty() || !lines.getFirst().strip().equals(CSV_HEADER)) {
            throw new IllegalStateException(KOMMUNER + " does not start with the expected header");
        }
        Function<String, KommuneRow> parse = line -> {
            String[] f = line.split(",", -1);
            if (f.length != 10) {
                throw new IllegalStateException(KOMMUNER + ": not ten fields in '" + line + "'");
            }
            Maalform maalform = Maalform.fromLabel(f[7]).orElseThrow(() -> new IllegalStateException(
                    KOMMUNER + ": unknown målform '" + f[7] + "' for " + f[0]));
            return new KommuneRow(f[0], f[1], f[3], f[4], Integer.parseInt(f[5]), maalform);
        };
        return lines.stream().skip(1).map(parse).toList();
    }

    private static JsonNode counties(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(FYLKER + " is not valid JSON", e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = Register.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
